package io.github.attribution.datadriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.Attributor;
import io.github.attribution.Models;
import io.github.attribution.PathAttribution;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Opportunity;
import io.github.attribution.data.Touchpoint;
import io.github.attribution.journey.Journeys;
import io.github.attribution.sample.SampleGenerator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class MarkovOrderSelectionTest {
    /**
     * One row per journey over channels A to D, 1 to 5 touches: a journey whose collapsed path ends in
     * {@code A > B} converts with probability {@code twoStep}, one ending in B otherwise with 0.05, the
     * rest with 0.2. With {@code twoStep = 0.05} only the last channel matters (order 1).
     */
    private static List<Row> journeys(long seed, int count, double twoStep) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = 1 + random.nextInt(5);
            List<String> path = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                path.add(String.valueOf((char) ('A' + random.nextInt(4))));
            }
            List<String> collapsed = new ArrayList<>();
            for (String c : path) {
                if (collapsed.isEmpty() || !collapsed.get(collapsed.size() - 1).equals(c)) {
                    collapsed.add(c);
                }
            }
            int m = collapsed.size();
            boolean endsAB = m >= 2
                    && collapsed.get(m - 2).equals("A")
                    && collapsed.get(m - 1).equals("B");
            double p = endsAB ? twoStep : collapsed.get(m - 1).equals("B") ? 0.05 : 0.2;
            rows.add(new Row(path, random.nextDouble() < p));
        }
        return rows;
    }

    private record Row(List<String> path, boolean converted) {}

    private static PathSet perJourney(List<Row> rows) {
        PathSet.Builder b = PathSet.builder();
        for (Row r : rows) {
            b.add(r.path(), r.converted() ? 1 : 0, r.converted() ? 0 : 1, BigDecimal.ZERO);
        }
        return b.build();
    }

    @Test
    void of_secondOrderProcess_choosesTwoAndScoresEveryOrder() {
        MarkovOrderSelection s = MarkovOrderSelection.of(perJourney(journeys(3, 20_000, 0.6)));
        assertEquals(2, s.order());
        assertEquals(
                List.of(1, 2, 3, 4),
                s.scores().stream().map(MarkovOrderSelection.Score::order).toList());
        assertEquals(20_000, s.journeys());
        // the chain of order 1 over 4 channels: (start) and one state per channel
        assertEquals(5, s.scores().get(0).states());
        for (MarkovOrderSelection.Score score : s.scores()) {
            assertTrue(score.logLikelihood() < 0);
            assertEquals(score.states() / 20_000.0, score.penalty(), 1e-15);
            assertEquals(score.logLikelihood() - score.penalty(), score.score(), 1e-15);
        }
    }

    @Test
    void of_firstOrderProcess_choosesOne() {
        assertEquals(
                1,
                MarkovOrderSelection.of(perJourney(journeys(4, 20_000, 0.05))).order());
    }

    @Test
    void autoModel_pathRows_creditsAsTheChosenOrder() {
        PathSet paths = perJourney(journeys(3, 5_000, 0.6));
        int chosen = MarkovOrderSelection.of(paths).order();
        List<String> auto = PathAttribution.compute(paths, List.of("markov:order=auto")).stream()
                .map(c -> c.channel() + "=" + c.conversions() + "/" + c.value())
                .toList();
        List<String> fixed = PathAttribution.compute(paths, List.of("markov:order=" + chosen)).stream()
                .map(c -> c.channel() + "=" + c.conversions() + "/" + c.value())
                .toList();
        assertEquals(fixed, auto);
    }

    @Test
    void of_rowsShuffledOrAggregated_sameScores() {
        List<Row> rows = journeys(5, 4_000, 0.6);
        MarkovOrderSelection base = MarkovOrderSelection.of(perJourney(rows));
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(9));
        assertEquals(
                base.scores(), MarkovOrderSelection.of(perJourney(shuffled)).scores());
        PathSet.Builder aggregated = PathSet.builder();
        java.util.Map<List<String>, long[]> counts =
                new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (Row r : rows) {
            counts.computeIfAbsent(r.path(), k -> new long[2])[r.converted() ? 0 : 1]++;
        }
        counts.forEach((path, c) -> aggregated.add(path, c[0], c[1], BigDecimal.ZERO));
        assertEquals(base.scores(), MarkovOrderSelection.of(aggregated.build()).scores());
        assertEquals(
                base.scores(),
                MarkovOrderSelection.of(PathStatistics.of(perJourney(rows))).scores());
    }

    @Test
    void of_journeys_independentOfInputOrderAndThreads() {
        Dataset data = SampleGenerator.generate(1_500, 11);
        List<Touchpoint> touches = new ArrayList<>();
        for (int t = 0; t < data.touchCount(); t++) {
            touches.add(data.touchpoint(t));
        }
        List<Opportunity> opportunities = new ArrayList<>();
        for (int o = 0; o < data.opportunityCount(); o++) {
            opportunities.add(data.opportunity(o));
        }
        Collections.reverse(touches);
        Collections.shuffle(opportunities, new Random(2));
        Dataset reordered = Dataset.of(touches, opportunities);
        Dataset plain = Dataset.of(
                touches.stream()
                        .sorted(java.util.Comparator.comparing(Touchpoint::id))
                        .toList(),
                opportunities.stream()
                        .sorted(java.util.Comparator.comparing(Opportunity::id))
                        .toList());
        Journeys one = Attributor.builder().threads(1).build().journeys(plain);
        Journeys two = Attributor.builder().threads(2).build().journeys(reordered);
        MarkovOrderSelection a = MarkovOrderSelection.of(one);
        assertEquals(a.scores(), MarkovOrderSelection.of(two).scores());
        assertEquals(a.describe(), MarkovOrderSelection.of(two).describe());
        assertTrue(a.journeys() > 1000);
    }

    @Test
    void ofFolds_statisticsCountedInPartsAndMergedFoldByFold_exactlyTheSelectionOnTheJourneys() {
        Dataset data = SampleGenerator.generate(1_500, 11);
        Journeys journeys = Attributor.create().journeys(data);
        MarkovOrderSelection whole = MarkovOrderSelection.of(journeys);
        // two halves of the opportunities counted apart, as two partitions of a cluster would, then merged
        List<Touchpoint> touches = new ArrayList<>();
        for (int t = 0; t < data.touchCount(); t++) {
            touches.add(data.touchpoint(t));
        }
        List<PathStatistics> merged = new ArrayList<>();
        for (int f = 0; f < MarkovOrderSelection.FOLDS; f++) {
            merged.add(PathStatistics.empty());
        }
        for (int half = 0; half < 2; half++) {
            List<Opportunity> part = new ArrayList<>();
            for (int o = half; o < data.opportunityCount(); o += 2) {
                part.add(data.opportunity(o));
            }
            List<PathStatistics> folds =
                    PathStatistics.byFold(Attributor.create().journeys(Dataset.of(touches, part)));
            for (int f = 0; f < MarkovOrderSelection.FOLDS; f++) {
                merged.set(f, merged.get(f).merge(folds.get(f)));
            }
        }
        List<String> channels = new ArrayList<>();
        for (int c = 0; c < data.channelCount(); c++) {
            channels.add(data.channelName(c));
        }
        MarkovOrderSelection folded = MarkovOrderSelection.ofFolds(channels, merged);
        assertEquals(whole.scores(), folded.scores());
        assertEquals(whole.order(), folded.order());
        assertEquals(whole.journeys(), folded.journeys());
        PathStatistics all = PathStatistics.empty();
        for (PathStatistics f : merged) {
            all = all.merge(f);
        }
        assertEquals(PathStatistics.of(journeys), all);
        MarkovFit fit = MarkovModel.auto().fit(all, folded);
        assertEquals(MarkovModel.AUTO_NAME, fit.name());
        assertEquals(whole.order(), fit.order());
        assertEquals(MarkovModel.of(whole.order()).fit(all).removalEffects(), fit.removalEffects());
    }

    @Test
    void byName_auto_namesItselfAndRejectsOtherWords() {
        assertEquals("markov:order=auto", Models.byName("markov:order=auto").name());
        assertTrue(((MarkovModel) Models.byName("markov:order=auto")).isAuto());
        assertEquals(0, MarkovModel.auto().order());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Models.byName("markov:order=best"));
        assertEquals("model 'markov': parameter 'order' must be a whole number from 1 to 4: 'best'", e.getMessage());
    }
}
