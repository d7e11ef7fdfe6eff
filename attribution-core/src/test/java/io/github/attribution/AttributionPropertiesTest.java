package io.github.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.attribution.data.Dataset;
import io.github.attribution.journey.JourneySettings;
import io.github.attribution.model.AttributionModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Invariants of the whole pipeline over generated datasets (QuickTheories). */
final class AttributionPropertiesTest {
    private static final List<AttributionModel> MODELS =
            RandomDatasets.modelSpecs().stream().map(Models::byName).collect(Collectors.toList());

    private static final JourneySettings[] SETTINGS = {
        JourneySettings.DEFAULT,
        JourneySettings.DEFAULT.withCycleGapDays(10).withLookbackDays(40),
        JourneySettings.DEFAULT.withAsOf(Fixtures.day(30)).withCycleGapDays(3)
    };

    private static AttributionResult run(Dataset data, long seed, int threads) {
        JourneySettings settings = SETTINGS[(int) Math.floorMod(seed, (long) SETTINGS.length)];
        return Attributor.builder().settings(settings).threads(threads).build().attribute(data, MODELS);
    }

    @Test
    void credits_sumExactlyToEachAmount_nonNegative_withinOneMinorUnit() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Dataset data = RandomDatasets.rows(seed).build();
            AttributionResult result = run(data, seed, 1);
            for (CreditTable table : result.tables()) {
                for (int o = 0; o < data.opportunityCount(); o++) {
                    long sum = 0;
                    double weights = 0;
                    assertTrue(table.rowEnd(o) > table.rowStart(o), "every opportunity has a row");
                    for (int r = table.rowStart(o); r < table.rowEnd(o); r++) {
                        long credit = table.credit(r);
                        double weight = table.weight(r);
                        assertTrue(credit >= 0, table.model() + " credit " + credit);
                        assertTrue(weight > 0 && weight <= 1 + 1e-12, table.model() + " weight " + weight);
                        double raw = new BigDecimal(data.amount(o))
                                .multiply(new BigDecimal(weight))
                                .doubleValue();
                        assertTrue(
                                Math.abs(credit - raw) <= 1 + 1e-9 * data.amount(o),
                                table.model() + ": credit " + credit + " vs amount x weight " + raw);
                        sum += credit;
                        weights += weight;
                    }
                    assertEquals(data.amount(o), sum, table.model() + " " + data.opportunityId(o));
                    assertEquals(1.0, weights, 1e-9, table.model() + " weights of " + data.opportunityId(o));
                }
            }
        });
    }

    @Test
    void credits_independentOfInputOrder() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            RandomDatasets.Rows rows = RandomDatasets.rows(seed);
            assertEquals(
                    canonical(run(rows.build(), seed, 1)),
                    canonical(run(rows.shuffled(seed).build(), seed, 1)));
        });
    }

    @Test
    void credits_independentOfThreadCount() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            Dataset data = RandomDatasets.rows(seed).build();
            assertEquals(rowsInOrder(run(data, seed, 1)), rowsInOrder(run(data, seed, 3)));
        });
    }

    @Test
    void credits_independentOfThreadCount_acrossManyBlocks() {
        List<RandomDatasets.Rows> parts = new ArrayList<>();
        for (long s = 0; s < 1500; s++) {
            parts.add(RandomDatasets.rows(s));
        }
        Dataset.Builder b = Dataset.builder();
        for (int i = 0; i < parts.size(); i++) {
            String prefix = i + "-";
            RandomDatasets.Rows p = parts.get(i);
            p.touches()
                    .forEach(t -> b.addTouchpoint(new io.github.attribution.data.Touchpoint(
                            prefix + t.id(),
                            prefix + t.accountId(),
                            t.personId() == null ? null : prefix + t.personId(),
                            t.occurredAt(),
                            t.channel(),
                            t.source(),
                            t.campaign(),
                            t.offer(),
                            t.touchType())));
            p.opportunities()
                    .forEach(o -> b.addOpportunity(new io.github.attribution.data.Opportunity(
                            prefix + o.id(),
                            prefix + o.accountId(),
                            o.amount(),
                            o.createdAt(),
                            o.closedAt(),
                            o.status())));
        }
        Dataset data = b.build();
        assertTrue(data.opportunityCount() > 2 * Attributor.BLOCK, "spans several blocks");
        assertEquals(rowsInOrder(run(data, 1, 1)), rowsInOrder(run(data, 1, 4)));
    }

    /** Credits keyed by (model, opportunity id, touch id), independent of row order. */
    private static Map<String, Long> canonical(AttributionResult result) {
        Map<String, Long> map = new TreeMap<>();
        Dataset data = result.dataset();
        for (CreditTable table : result.tables()) {
            for (int o = 0; o < data.opportunityCount(); o++) {
                for (int r = table.rowStart(o); r < table.rowEnd(o); r++) {
                    int t = table.touch(r);
                    map.put(
                            table.model() + "|" + data.opportunityId(o) + "|" + (t < 0 ? "-" : data.touchId(t)),
                            table.credit(r));
                }
            }
        }
        return map;
    }

    private static List<String> rowsInOrder(AttributionResult result) {
        List<String> rows = new ArrayList<>();
        Dataset data = result.dataset();
        for (CreditTable table : result.tables()) {
            for (int o = 0; o < data.opportunityCount(); o++) {
                for (int r = table.rowStart(o); r < table.rowEnd(o); r++) {
                    rows.add(table.model() + "|" + o + "|" + table.touch(r) + "|" + table.weight(r) + "|"
                            + table.credit(r));
                }
            }
        }
        return rows;
    }
}
