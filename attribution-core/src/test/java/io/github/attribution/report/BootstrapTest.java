package io.github.attribution.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.Attributor;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.internal.JourneyCursor;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.sample.SampleGenerator;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class BootstrapTest {
    @Test
    void replicate_unitWeights_dataDrivenSumsMatchTheEngine() {
        Dataset data = SampleGenerator.generate(600, 3);
        Attributor attributor = Attributor.create();
        Journeys journeys = attributor.journeys(data);
        byte[] ones = new byte[data.accountCount()];
        Arrays.fill(ones, (byte) 1);
        for (String spec : List.of("markov", "shapley")) {
            AttributionModel model = Models.byName(spec);
            ComparisonTable t = Comparison.run(attributor, journeys, List.of(model))
                    .tables()
                    .get(0);
            Bootstrap.DataDriven dd = new Bootstrap.DataDriven(journeys, Comparison.Basis.REVENUE);
            long[][] sums = dd.replicate(dd.refit(model), ones, JourneyCursor.over(journeys))
                    .sums();
            for (int c = 0; c < t.channels().size(); c++) {
                String name = t.channels().get(c);
                int ch = name.equals(Report.UNATTRIBUTED) ? data.channelCount() : index(data, name);
                assertEquals(t.amount(c, 0).minor(), sums[0][ch], 2.0 * journeys.opportunityCount(), spec + " " + name);
            }
        }
    }

    /**
     * Channels C and D have no removal effect (C is only on a lost path, D on none fitted), so markov
     * splits the open journeys C > C > D and C > D > D evenly over their touches: by the counts of each,
     * not of one journey of their channel set. Unit weights must give the engine's exact pipeline.
     */
    @Test
    void replicate_unitWeights_markovSplitsJourneysWithoutRemovalEffectsByTheirOwnCounts() {
        Dataset data = Dataset.of(
                List.of(
                        ReportFixtures.marketing("a1", "A", "2026-01-01", "A", ""),
                        ReportFixtures.marketing("a2", "A", "2026-01-02", "B", ""),
                        ReportFixtures.marketing("b1", "B", "2026-01-01", "C", ""),
                        ReportFixtures.marketing("c1", "C", "2026-01-01", "C", ""),
                        ReportFixtures.marketing("c2", "C", "2026-01-02", "C", ""),
                        ReportFixtures.marketing("c3", "C", "2026-01-03", "D", ""),
                        ReportFixtures.marketing("d1", "D", "2026-01-01", "C", ""),
                        ReportFixtures.marketing("d2", "D", "2026-01-02", "D", ""),
                        ReportFixtures.marketing("d3", "D", "2026-01-03", "D", "")),
                List.of(
                        ReportFixtures.won("OA", "A", "USD 100.00", "2026-01-05", "2026-02-01"),
                        ReportFixtures.lost("OB", "B", "USD 50.00", "2026-01-05", "2026-02-01"),
                        ReportFixtures.open("OC", "C", "USD 300.00", "2026-01-05"),
                        ReportFixtures.open("OD", "D", "USD 600.00", "2026-01-05")));
        Attributor attributor = Attributor.builder().threads(1).build();
        Journeys journeys = attributor.journeys(data);
        AttributionModel markov = Models.byName("markov");
        ComparisonTable t = Comparison.run(attributor, journeys, List.of(markov), Comparison.Basis.PIPELINE)
                .tables()
                .get(0);
        Bootstrap.DataDriven dd = new Bootstrap.DataDriven(journeys, Comparison.Basis.PIPELINE);
        byte[] ones = new byte[data.accountCount()];
        Arrays.fill(ones, (byte) 1);
        long[][] sums = dd.replicate(dd.refit(markov), ones, JourneyCursor.over(journeys))
                .sums();
        // C: 2/3 of 300 + 1/3 of 600 + all of the lost 50 = 450; D: 1/3 of 300 + 2/3 of 600 = 500
        // (one journey's counts for both would give C 50 + 600 or 50 + 300)
        assertEquals(45000, t.amount(t.channels().indexOf("C"), 0).minor());
        assertEquals(50000, t.amount(t.channels().indexOf("D"), 0).minor());
        assertEquals(45000, sums[0][index(data, "C")]);
        assertEquals(50000, sums[0][index(data, "D")]);
    }

    private static int index(Dataset data, String name) {
        for (int c = 0; c < data.channelCount(); c++) {
            if (data.channelName(c).equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name);
    }

    /**
     * Coverage on the simple-split scenario, whose last-touch share of Paid Search has the known
     * population value 10/21 (last touch credits exactly the channel that caused the win). Over 200
     * independent datasets of 400 opportunities, the 95% interval should contain it in about 95% of
     * them: the count of hits is binomial(200, 0.95), SD sqrt(200 x 0.95 x 0.05) = 3.08, so 3 SD is
     * 9.2 and we accept 181 to 199 hits (the percentile bootstrap is slightly narrow in small samples,
     * hence no tighter bound).
     */
    @Test
    void intervals_simulatedDatasets_coverAbout95Percent() {
        io.github.attribution.sample.Scenario scenario = io.github.attribution.sample.Scenario.byName("simple-split");
        double truth = 10.0 / 21;
        Attributor attributor = Attributor.builder().threads(1).build();
        List<AttributionModel> models = List.of(Models.byName("last-touch"));
        Bootstrap.Settings settings = new Bootstrap.Settings(95, 200, 7);
        int hits = 0;
        int datasets = 200;
        for (int d = 0; d < datasets; d++) {
            Dataset data = scenario.generate(400, 1000 + d);
            ComparisonTable t = Comparison.run(
                            attributor,
                            attributor.journeys(data),
                            models,
                            Comparison.Basis.REVENUE,
                            (x, m) -> {},
                            settings)
                    .tables()
                    .get(0);
            double[] i = t.shareInterval(t.channels().indexOf("Paid Search"), 0);
            if (i[0] <= truth && truth <= i[1]) {
                hits++;
            }
        }
        assertTrue(hits >= 181 && hits <= 199, "hits " + hits + " of " + datasets);
    }

    @Test
    void intervals_sameSeed_sameOutputWhateverThreadsAndInputOrder() {
        Dataset data = SampleGenerator.generate(400, 8);
        List<io.github.attribution.data.Touchpoint> touches = new java.util.ArrayList<>();
        for (int t = 0; t < data.touchCount(); t++) {
            touches.add(data.touchpoint(t));
        }
        List<io.github.attribution.data.Opportunity> opps = new java.util.ArrayList<>();
        for (int o = 0; o < data.opportunityCount(); o++) {
            opps.add(data.opportunity(o));
        }
        java.util.Collections.reverse(touches);
        java.util.Collections.shuffle(opps, new java.util.Random(4));
        Dataset reordered = Dataset.of(touches, opps);
        List<AttributionModel> models =
                List.of(Models.byName("linear"), Models.byName("markov:order=auto"), Models.byName("shapley"));
        Bootstrap.Settings settings = new Bootstrap.Settings(90, 30, 5);
        Attributor one = Attributor.builder().threads(1).build();
        Attributor two = Attributor.builder().threads(2).build();
        Comparison a =
                Comparison.run(one, one.journeys(data), models, Comparison.Basis.REVENUE, (x, m) -> {}, settings);
        Comparison b =
                Comparison.run(two, two.journeys(reordered), models, Comparison.Basis.REVENUE, (x, m) -> {}, settings);
        assertEquals(a.toJson(), b.toJson());
        assertEquals(a.toText(), b.toText());
        Comparison other = Comparison.run(
                one,
                one.journeys(data),
                models,
                Comparison.Basis.REVENUE,
                (x, m) -> {},
                new Bootstrap.Settings(90, 30, 6));
        assertNotEquals(a.toJson(), other.toJson());
    }

    @Test
    void weight_isPoissonOneAndAPureFunction() {
        long n = 0;
        long sum = 0;
        long zeros = 0;
        for (int b = 0; b < 50; b++) {
            for (int a = 0; a < 2000; a++) {
                int w = Bootstrap.weight(3, b, io.github.attribution.internal.Hashing.hash("ACC-" + a));
                assertEquals(w, Bootstrap.weight(3, b, io.github.attribution.internal.Hashing.hash("ACC-" + a)));
                n++;
                sum += w;
                zeros += w == 0 ? 1 : 0;
            }
        }
        // mean 1 (SD of the mean 1/sqrt(100000) = 0.0032) and P(0) = e^-1 = 0.3679 (SD 0.0015)
        assertEquals(1.0, (double) sum / n, 0.015);
        assertEquals(Math.exp(-1), (double) zeros / n, 0.0075);
    }

    @Test
    void percentile_interpolatesBetweenOrderStatistics() {
        double[] v = {5, 1, 4, 2, 3};
        // 90%: quantiles 0.05 and 0.95 at positions 0.2 and 3.8 of 1..5
        double[] i = Bootstrap.percentile(v, 90);
        assertEquals(1.2, i[0], 1e-12);
        assertEquals(4.8, i[1], 1e-12);
    }
}
