package io.github.attribution;

import static io.github.attribution.Fixtures.day;
import static io.github.attribution.Fixtures.touch;
import static io.github.attribution.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.Opportunity;
import io.github.attribution.data.Touchpoint;
import io.github.attribution.datadriven.MarkovFit;
import io.github.attribution.datadriven.MarkovModel;
import io.github.attribution.datadriven.PathStatistics;
import io.github.attribution.datadriven.ShapleyModel;
import io.github.attribution.journey.Journeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Markov and Shapley through the engine: fitted on a run's journeys, credited to the cent. */
final class DataDrivenModelsTest {
    private static final List<String> SPECS =
            List.of("markov", "markov:order=2", "markov:order=4", "shapley", "shapley:samples=50,seed=9");

    /**
     * The Markov example of docs/models.md (section markov) as opportunities: one account per path, won = conversion, lost
     * = null; plus open opportunities, one with a channel seen nowhere else.
     */
    static Dataset specExampleAsOpportunities(boolean withOpen) {
        Dataset.Builder b = Dataset.builder();
        String[][] paths = {{"A", "B", "C"}, {"A", "A", "B"}, {"C"}, {"B", "C", "A", "C"}, {"B", "A"}};
        boolean[] won = {true, true, false, true, false};
        String[] amount = {"10.00", "5.00", "7.00", "20.00", "3.00"};
        for (int i = 0; i < paths.length; i++) {
            String account = "acct" + i;
            for (int k = 0; k < paths[i].length; k++) {
                b.addTouchpoint(touch("t" + i + "-" + k, account, k, paths[i][k]));
            }
            b.addOpportunity(
                    won[i]
                            ? Opportunity.won("o" + i, account, usd(amount[i]), day(0), day(10))
                            : Opportunity.lost("o" + i, account, usd(amount[i]), day(0), day(10)));
        }
        if (withOpen) {
            b.addTouchpoint(touch("t5-0", "acct5", 0, "A"));
            b.addTouchpoint(touch("t5-1", "acct5", 1, "B"));
            b.addTouchpoint(touch("t5-2", "acct5", 2, "Z"));
            b.addTouchpoint(touch("t5-3", "acct5", 3, "A"));
            b.addOpportunity(Opportunity.open("o5", "acct5", usd("100.00"), day(0)));
            b.addTouchpoint(touch("t6-0", "acct6", 0, "Z"));
            b.addTouchpoint(touch("t6-1", "acct6", 1, "Z"));
            b.addTouchpoint(touch("t6-2", "acct6", 2, "Z"));
            b.addOpportunity(Opportunity.open("o6", "acct6", usd("100.00"), day(0)));
        }
        return b.build();
    }

    @Test
    void markov_specExampleAsOpportunities_creditsByRemovalEffects() {
        Dataset data = specExampleAsOpportunities(true);
        // o3 is B>C>A>C, $20.00: RE A 1/2, B 11/15, C 5/7 over their sum 409/210 (= 1.947619):
        // A 105/409 -> 5.13, B 154/409 -> 7.53, C 150/409 -> 7.33 split over its two touches
        assertEquals(
                List.of("t3-0=7.53", "t3-1=3.67", "t3-2=5.13", "t3-3=3.67"), Fixtures.credits(data, "markov", "o3"));
        // o5 (open, A>B>Z>A): Z was never fitted, so RE(Z) = 0; A 1/2 over two touches, B 11/15
        // -> A 15/37 of $100 = 40.54 (20.27 each), B 22/37 = 59.46
        assertEquals(List.of("t5-0=20.27", "t5-1=59.46", "t5-3=20.27"), Fixtures.credits(data, "markov", "o5"));
        // o6 (open, only Z): every RE is 0, so linear
        assertEquals(List.of("t6-0=33.34", "t6-1=33.33", "t6-2=33.33"), Fixtures.credits(data, "markov", "o6"));
    }

    @Test
    void bind_openOpportunities_areCreditedButNotFitted() {
        Dataset without = specExampleAsOpportunities(false);
        Dataset with = specExampleAsOpportunities(true);
        Attributor attributor = Attributor.builder().threads(1).build();
        PathStatistics closedOnly = PathStatistics.of(attributor.journeys(without));
        assertEquals(closedOnly, PathStatistics.of(attributor.journeys(with)));
        assertEquals(3, closedOnly.conversions());
        assertEquals(2, closedOnly.nulls());
        MarkovFit fit = MarkovModel.of().fit(closedOnly);
        assertEquals(0.6, fit.conversionProbability(), 1e-15);
        assertEquals(0, fit.removalEffect("Z"));
        for (String spec : SPECS) {
            AttributionResult result = attributor.attribute(with, Models.byName(spec));
            CreditTable table = result.tables().get(0);
            assertEquals(spec, table.model());
            assertEquals(
                    Money.parse("USD 245.00"),
                    table.totals().values().iterator().next(),
                    spec + ": all seven opportunities credited in full");
            for (String open : List.of("o5", "o6")) {
                long sum = result.credits(spec, open).stream()
                        .mapToLong(c -> c.credit().minor())
                        .sum();
                assertEquals(10_000, sum, spec + " " + open);
            }
        }
    }

    /** The open opportunity of the shapley example in docs/models.md (section shapley). */
    @Test
    void shapley_journeyOfThreeChannels_creditsByHandComputedShares() {
        // fitted sets: {A} 1/5, {B} 2/5, {A,B} 3/5 (A>B), {A,C} 3/10 (A>C), {B,C} 0, {A,B,C} 9/10 (C>A>B)
        // shares for {A,B,C}: 0.5, 4/9, 1/18 (worked out in ShapleyModelTest)
        Dataset.Builder b = Dataset.builder();
        int[] conversions = {1, 2, 3, 3, 0, 9};
        int[] nulls = {4, 3, 2, 7, 2, 1};
        String[][] paths = {{"A"}, {"B"}, {"A", "B"}, {"A", "C"}, {"B", "C"}, {"C", "A", "B"}};
        int n = 0;
        for (int p = 0; p < paths.length; p++) {
            for (int k = 0; k < conversions[p] + nulls[p]; k++) {
                String account = "a" + n++;
                for (int t = 0; t < paths[p].length; t++) {
                    b.addTouchpoint(touch(account + "-" + t, account, t, paths[p][t]));
                }
                b.addOpportunity(
                        k < conversions[p]
                                ? Opportunity.won(account, account, usd("1.00"), day(0), day(10))
                                : Opportunity.lost(account, account, usd("1.00"), day(0), day(10)));
            }
        }
        b.addTouchpoint(touch("x-0", "x", 0, "B"));
        b.addTouchpoint(touch("x-1", "x", 1, "A"));
        b.addTouchpoint(touch("x-2", "x", 2, "C"));
        b.addTouchpoint(touch("x-3", "x", 3, "B"));
        b.addOpportunity(Opportunity.open("x", "x", usd("900.00"), day(0)));
        // A 450.00; B 400.00 over two touches; C 50.00
        assertEquals(
                List.of("x-0=200.00", "x-1=450.00", "x-2=50.00", "x-3=200.00"),
                Fixtures.credits(b.build(), "shapley", "x"));
    }

    @Test
    void attribute_randomDatasets_creditsReconcileAndDoNotDependOnOrderOrThreads() {
        qt().withExamples(40)
                .forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(1, 60))
                .checkAssert(seeds -> {
                    Dataset forward = randomDataset(seeds, false);
                    Dataset backward = randomDataset(seeds, true);
                    for (String spec : SPECS) {
                        Map<String, String> a =
                                creditsById(Attributor.builder().threads(1).build(), forward, spec);
                        Map<String, String> b =
                                creditsById(Attributor.builder().threads(4).build(), backward, spec);
                        assertEquals(a, b, spec);
                    }
                });
    }

    @Test
    void attribute_manyBlocks_sameCreditsWithOneAndFourThreads() {
        List<Integer> seeds = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 6000; i++) {
            seeds.add(random.nextInt(1_000_000));
        }
        Dataset data = randomDataset(seeds, false);
        for (String spec : List.of("markov", "markov:order=3", "shapley")) {
            assertEquals(
                    creditsById(Attributor.builder().threads(1).build(), data, spec),
                    creditsById(Attributor.builder().threads(4).build(), data, spec),
                    spec);
        }
    }

    @Test
    void models_catalog_listsDataDrivenModelsWithDefaults() {
        ModelInfo markov = Models.catalog().stream()
                .filter(m -> m.name().equals("markov"))
                .findFirst()
                .orElseThrow();
        assertEquals("data-driven", markov.family());
        assertEquals("order", markov.parameters().get(0).name());
        assertEquals("1", markov.parameters().get(0).defaultValue());
        ModelInfo shapley = Models.catalog().stream()
                .filter(m -> m.name().equals("shapley"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of("samples=1000", "seed=1"),
                shapley.parameters().stream()
                        .map(p -> p.name() + "=" + p.defaultValue())
                        .collect(java.util.stream.Collectors.toList()));
        assertEquals("markov:order=3", Models.byName("markov:order=3").name());
        assertEquals(MarkovModel.class, Models.byName("markov").getClass());
        assertEquals(ShapleyModel.class, Models.byName("shapley:seed=4").getClass());
        assertThrows(IllegalArgumentException.class, () -> Models.byName("markov:order=5"));
        assertThrows(IllegalArgumentException.class, () -> Models.byName("shapley:samples=0"));
        assertThrows(IllegalArgumentException.class, () -> Models.byName("shapley:order=2"));
        assertTrue(!Models.ruleBasedNames().contains("markov"));
    }

    /**
     * A dataset from seeds: each seed is an opportunity on its own account with 1 to 6 touches over 5
     * channels, won, lost or open, $1.00 to $1,000.00. {@code reversed} adds everything in reverse.
     */
    static Dataset randomDataset(List<Integer> seeds, boolean reversed) {
        List<Touchpoint> touches = new ArrayList<>();
        List<Opportunity> opps = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            SplittableRandom r = new SplittableRandom(seeds.get(i));
            String account = "acct" + i;
            int n = 1 + r.nextInt(6);
            for (int k = 0; k < n; k++) {
                touches.add(touch(account + "-t" + k, account, k, "ch" + r.nextInt(5)));
            }
            Money amount = Money.ofMinor("USD", 100 + r.nextInt(99_901));
            int status = r.nextInt(3);
            opps.add(
                    status == 0
                            ? Opportunity.won("o" + i, account, amount, day(0), day(10))
                            : status == 1
                                    ? Opportunity.lost("o" + i, account, amount, day(0), day(10))
                                    : Opportunity.open("o" + i, account, amount, day(0)));
        }
        if (reversed) {
            Collections.reverse(touches);
            Collections.reverse(opps);
        }
        return Dataset.of(touches, opps);
    }

    /** Per opportunity id, its credits as "touch=cents,..." after checking they add up and are >= 0. */
    static Map<String, String> creditsById(Attributor attributor, Dataset data, String spec) {
        AttributionResult result = attributor.attribute(data, Models.byName(spec));
        Journeys journeys = result.journeys();
        CreditTable table = result.tables().get(0);
        Map<String, String> out = new TreeMap<>();
        for (int o = 0; o < journeys.opportunityCount(); o++) {
            StringBuilder s = new StringBuilder();
            long sum = 0;
            for (Credit c : table.credits(o)) {
                assertTrue(c.credit().minor() >= 0, spec + ": negative credit " + c);
                sum += c.credit().minor();
                s.append(c.touchpointId())
                        .append('=')
                        .append(c.credit().minor())
                        .append(',');
            }
            assertEquals(data.amount(o), sum, spec + ": credits of " + data.opportunityId(o));
            out.put(data.opportunityId(o), s.toString());
        }
        return out;
    }
}
