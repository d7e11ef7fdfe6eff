package io.github.attribution.report;

import static io.github.attribution.report.ReportFixtures.marketing;
import static io.github.attribution.report.ReportFixtures.won;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.Attributor;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Opportunity;
import io.github.attribution.data.Touchpoint;
import io.github.attribution.internal.Hashing;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.sample.SampleGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class ReportIntervalsTest {
    private static final ReportSpec BY_CHANNEL_QUARTER = ReportSpec.parse("channel,quarter");

    private static ReportTable report(Attributor attributor, Dataset data, String model, Bootstrap.Settings settings) {
        Journeys journeys = attributor.journeys(data);
        return Report.run(attributor, journeys, Models.byName(model), BY_CHANNEL_QUARTER, List.of(), settings);
    }

    /** The touches and opportunities of {@code data} as a new dataset, reordered when {@code shuffle}. */
    private static Dataset rebuilt(Dataset data, boolean shuffle) {
        List<Touchpoint> touches = new ArrayList<>();
        for (int t = 0; t < data.touchCount(); t++) {
            touches.add(data.touchpoint(t));
        }
        List<Opportunity> opps = new ArrayList<>();
        for (int o = 0; o < data.opportunityCount(); o++) {
            opps.add(data.opportunity(o));
        }
        if (shuffle) {
            Collections.reverse(touches);
            Collections.shuffle(opps, new Random(11));
        }
        return Dataset.of(touches, opps);
    }

    @Test
    void run_sameSeed_sameBoundsWhateverThreadsAndInputOrder() {
        Dataset data = rebuilt(SampleGenerator.generate(300, 21), false);
        Dataset shuffled = rebuilt(data, true);
        Bootstrap.Settings settings = new Bootstrap.Settings(95, 40, 9);
        Attributor one = Attributor.builder().threads(1).build();
        Attributor three = Attributor.builder().threads(3).build();
        for (String model : List.of("w-shaped", "markov", "shapley")) {
            ReportTable a = report(one, data, model, settings);
            ReportTable b = report(three, shuffled, model, settings);
            assertEquals(a.toCsv(), b.toCsv(), model);
            assertEquals(a.toJson(), b.toJson(), model);
            assertEquals(a.toText(), b.toText(), model);
            assertNotEquals(
                    a.toCsv(),
                    report(one, data, model, new Bootstrap.Settings(95, 40, 10)).toCsv(),
                    model);
        }
    }

    @Test
    void run_withIntervals_keepsEveryEstimateAndAddsBoundsAfterEachSum() {
        Dataset data = SampleGenerator.generate(200, 5);
        Attributor attributor = Attributor.builder().threads(2).build();
        ReportTable plain = report(attributor, data, "linear", null);
        ReportTable bounded = report(attributor, data, "linear", new Bootstrap.Settings(90, 20, 1));
        assertNull(plain.intervals());
        assertEquals(
                List.of(
                        "channel",
                        "quarter",
                        "currency",
                        "pipeline",
                        "pipeline_low",
                        "pipeline_high",
                        "revenue",
                        "revenue_low",
                        "revenue_high",
                        "opportunities",
                        "opportunities_low",
                        "opportunities_high",
                        "won",
                        "won_low",
                        "won_high",
                        "touches",
                        "touches_low",
                        "touches_high"),
                bounded.columns());
        assertEquals(plain.rows(), bounded.rows());
        assertEquals(plain.totals(), bounded.totals());
        assertEquals(bounded.rows().size(), bounded.rowBounds().size());
        // dropping the bound columns gives the plain CSV back
        StringBuilder stripped = new StringBuilder();
        for (String line : bounded.toCsv().split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                if (i < 3 || (i - 3) % 3 == 0) {
                    kept.add(cells[i]);
                }
            }
            stripped.append(String.join(",", kept)).append('\n');
        }
        assertEquals(plain.toCsv(), stripped.toString());
        for (ReportTable.Bounds b : bounded.rowBounds()) {
            assertTrue(b.pipelineLow().compareTo(b.pipelineHigh()) <= 0, b.toString());
            assertTrue(b.wonLow().compareTo(b.wonHigh()) <= 0, b.toString());
            assertTrue(b.touchesLow() <= b.touchesHigh(), b.toString());
        }
    }

    /**
     * Two accounts with one won deal each, one touch each: under any model, replicate {@code b} of
     * Email's revenue is {@code w(b, A) × 0.03} and of the total {@code w(b, A) × 0.03 + w(b, B) ×
     * 0.05}. With 3 replicates at 50% the bounds sit at positions 0.5 and 1.5 of the sorted replicates,
     * half-way between two of them, rounded half-up to the cent.
     */
    @Test
    void run_twoAccounts_boundsAreTheExactPercentilesOfTheWeightedSums() {
        Dataset data = Dataset.of(
                List.of(
                        marketing("t1", "A", "2026-01-05", "Email", "c1"),
                        marketing("t2", "B", "2026-01-06", "Search", "c2")),
                List.of(
                        won("oA", "A", "USD 0.03", "2026-01-10", "2026-02-01"),
                        won("oB", "B", "USD 0.05", "2026-01-12", "2026-02-02")));
        long seed = 17;
        Bootstrap.Settings settings = new Bootstrap.Settings(50, 3, seed);
        long[] email = new long[3];
        long[] total = new long[3];
        long[] totalWon = new long[3];
        for (int b = 0; b < 3; b++) {
            int wa = Bootstrap.weight(seed, b, Hashing.hash("A"));
            int wb = Bootstrap.weight(seed, b, Hashing.hash("B"));
            email[b] = 3L * wa;
            total[b] = 3L * wa + 5L * wb;
            totalWon[b] = wa + wb;
        }
        for (String model : List.of("first-touch", "linear", "markov")) {
            Attributor attributor = Attributor.builder().threads(1).build();
            ReportTable t = Report.run(
                    attributor,
                    attributor.journeys(data),
                    Models.byName(model),
                    ReportSpec.of(Dimension.CHANNEL),
                    List.of(),
                    settings);
            assertEquals("Email", t.rows().get(0).keys().get(0));
            ReportTable.Bounds e = t.rowBounds().get(0);
            assertEquals(midpoints(email)[0], e.revenueLow().minor(), model);
            assertEquals(midpoints(email)[1], e.revenueHigh().minor(), model);
            assertEquals(midpoints(email)[0], e.pipelineLow().minor(), model);
            ReportTable.Bounds all = t.totalBounds().get(0);
            assertEquals(midpoints(total)[0], all.revenueLow().minor(), model);
            assertEquals(midpoints(total)[1], all.revenueHigh().minor(), model);
            long[] wonMillionths = midpoints(
                    java.util.Arrays.stream(totalWon).map(v -> v * 1_000_000L).toArray());
            assertEquals(java.math.BigDecimal.valueOf(wonMillionths[0], 6), all.wonLow(), model);
            assertEquals(java.math.BigDecimal.valueOf(wonMillionths[1], 6), all.wonHigh(), model);
        }
    }

    /** Half-way between the first and second, and the second and third, sorted values, half-up. */
    private static long[] midpoints(long[] three) {
        long[] s = three.clone();
        java.util.Arrays.sort(s);
        return new long[] {Math.floorDiv(s[0] + s[1] + 1, 2), Math.floorDiv(s[1] + s[2] + 1, 2)};
    }

    @Test
    void percentile_wholeNumbers_interpolatesExactlyAndRoundsHalfUp() {
        // 90%: positions 0.2 and 3.8 of 1..5
        assertArrayEquals(new long[] {1, 5}, Bootstrap.percentile(new long[] {5, 1, 4, 2, 3}, 90));
        // 50% of 0, 1, 2: positions 0.5 and 1.5, both exactly half-way
        assertArrayEquals(new long[] {1, 2}, Bootstrap.percentile(new long[] {2, 0, 1}, 50));
        // half-up rounds halves away from zero, as BigDecimal's HALF_UP: -1.5 to -2, -0.5 to -1
        assertArrayEquals(new long[] {-2, -1}, Bootstrap.percentile(new long[] {-2, 0, -1}, 50));
        // 95% of 0..199: positions 4.975 and 194.025
        long[] ramp = new long[200];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i * 1000L;
        }
        assertArrayEquals(new long[] {4975, 194025}, Bootstrap.percentile(ramp, 95));
    }

    @Test
    void intervals_afterTheFirstBlockOrForAnotherModel_isRefused() {
        Dataset data = SampleGenerator.generate(20, 2);
        Attributor attributor = Attributor.create();
        Journeys journeys = attributor.journeys(data);
        AttributionModel linear = Models.byName("linear");
        Bootstrap.Settings settings = new Bootstrap.Settings(95, 10, 1);
        ReportAccumulator acc = new ReportAccumulator(journeys, "linear", ReportSpec.parse("channel"), List.of());
        assertThrows(
                IllegalArgumentException.class, () -> acc.intervals(attributor, Models.byName("markov"), settings));
        attributor.stream(journeys, linear, acc);
        assertThrows(IllegalStateException.class, () -> acc.intervals(attributor, linear, settings));
    }
}
