package io.github.attribution.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.attribution.Attributor;
import io.github.attribution.Models;
import io.github.attribution.data.CampaignCost;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.TouchType;
import io.github.attribution.data.TouchpointRow;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Invariants of reports over generated datasets: totals reconcile with the inputs, per currency. */
final class ReportPropertiesTest {
    private static final List<String> GROUPINGS = List.of(
            "",
            "channel",
            "quarter",
            "channel,quarter",
            "campaign,month",
            "source,offer,touch_type",
            "original_source_channel,first_touch_type,year");
    private static final List<String> MODELS = Models.ruleBasedNames();
    private static final String[] CURRENCIES = {"USD", "EUR", "JPY", "BHD"};
    private static final long DAY = 86_400_000_000_000L;
    private static final long START = Instant.parse("2025-11-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;

    /** A random dataset: up to 60 opportunities over up to 12 accounts, in up to 4 currencies. */
    static Dataset generate(long seed) {
        Random r = new Random(seed);
        Dataset.Builder b = Dataset.builder();
        int accounts = 1 + r.nextInt(12);
        int touches = r.nextInt(150);
        for (int t = 0; t < touches; t++) {
            b.addTouchpoint(new TouchpointRow(
                    "t" + t,
                    "a" + r.nextInt(accounts),
                    null,
                    START + (long) r.nextInt(300) * DAY + r.nextInt(1000),
                    "ch" + r.nextInt(6),
                    r.nextInt(3) == 0 ? "" : "src" + r.nextInt(3),
                    r.nextInt(4) == 0 ? "" : "cmp" + r.nextInt(5),
                    "off" + r.nextInt(2),
                    r.nextInt(4) == 0 ? TouchType.SALES : TouchType.MARKETING));
        }
        int currencies = 1 + r.nextInt(CURRENCIES.length);
        int opps = r.nextInt(60);
        for (int o = 0; o < opps; o++) {
            long created = START + (long) r.nextInt(300) * DAY;
            OpportunityStatus status = OpportunityStatus.values()[r.nextInt(3)];
            long closed = status == OpportunityStatus.OPEN ? Dataset.NO_INSTANT : created + (long) r.nextInt(120) * DAY;
            b.addOpportunity(
                    "o" + o,
                    "a" + r.nextInt(accounts + 2), // some accounts have no touches: unattributed
                    Money.currency(CURRENCIES[r.nextInt(currencies)]),
                    r.nextInt(5) == 0 ? 0 : 1 + (long) r.nextInt(10_000_000),
                    created,
                    closed,
                    status);
        }
        return b.build();
    }

    static List<CampaignCost> costs(long seed) {
        Random r = new Random(~seed);
        List<CampaignCost> costs = new ArrayList<>();
        String[] periods = {null, "2026-01", "2026-Q2", "2025-12"};
        for (int i = r.nextInt(6); i > 0; i--) {
            costs.add(new CampaignCost(
                    "cmp" + r.nextInt(7),
                    Money.ofMinor(CURRENCIES[r.nextInt(2)], r.nextInt(1_000_000)),
                    periods[r.nextInt(periods.length)]));
        }
        return costs;
    }

    @Test
    void run_totalsPerCurrencyEqualOpportunityAmounts() {
        qt().withExamples(150)
                .forAll(
                        longs().all(),
                        integers().between(0, GROUPINGS.size() - 1),
                        integers().between(0, MODELS.size() - 1),
                        integers().between(0, 60))
                .checkAssert((seed, grouping, model, gap) -> {
                    Dataset data = generate(seed);
                    Attributor attributor = Attributor.builder()
                            .threads(1)
                            .cycleGapDays(gap == 0 ? 1000 : gap)
                            .build();
                    Journeys journeys = attributor.journeys(data);
                    AttributionModel m = Models.byName(MODELS.get(model));
                    ReportTable table =
                            Report.run(attributor, journeys, m, ReportSpec.parse(GROUPINGS.get(grouping)), List.of());
                    checkTotals(data, table, List.of());
                });
    }

    @Test
    void run_withCosts_totalCostEqualsCostsGivenPerCurrency() {
        List<String> costGroupings = List.of("", "campaign", "channel", "channel,month", "campaign,quarter", "year");
        qt().withExamples(100)
                .forAll(longs().all(), integers().between(0, costGroupings.size() - 1))
                .checkAssert((seed, grouping) -> {
                    Dataset data = generate(seed);
                    Attributor attributor = Attributor.builder().threads(1).build();
                    List<CampaignCost> costs = costs(seed);
                    ReportTable table = Report.run(
                            attributor,
                            attributor.journeys(data),
                            Models.byName("w-shaped"),
                            ReportSpec.parse(costGroupings.get(grouping)),
                            costs);
                    checkTotals(data, table, costs);
                });
    }

    private static void checkTotals(Dataset data, ReportTable table, List<CampaignCost> costs) {
        Map<Currency, long[]> expected = new HashMap<>(); // pipeline, revenue, opportunities, won, cost
        for (int o = 0; o < data.opportunityCount(); o++) {
            long[] e = expected.computeIfAbsent(data.currency(o), c -> new long[5]);
            e[0] += data.amount(o);
            e[2]++;
            if (data.status(o) == OpportunityStatus.WON) {
                e[1] += data.amount(o);
                e[3]++;
            }
        }
        for (CampaignCost c : costs) {
            expected.computeIfAbsent(c.cost().currency(), k -> new long[5])[4] +=
                    c.cost().minor();
        }
        assertEquals(expected.size(), table.totals().size(), "one total per currency");
        Map<Currency, long[]> summed = new HashMap<>();
        Map<Currency, BigDecimal[]> counts = new HashMap<>();
        for (ReportRow row : table.rows()) {
            long[] s = summed.computeIfAbsent(row.currency(), c -> new long[3]);
            s[0] += row.pipeline().minor();
            s[1] += row.revenue().minor();
            s[2] += row.cost() == null ? 0 : row.cost().minor();
            BigDecimal[] n =
                    counts.computeIfAbsent(row.currency(), c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            n[0] = n[0].add(row.opportunities());
            n[1] = n[1].add(row.won());
        }
        for (ReportRow total : table.totals()) {
            long[] e = expected.get(total.currency());
            String what = total.currency() + " in " + table;
            assertEquals(e[0], total.pipeline().minor(), "pipeline " + what);
            assertEquals(e[1], total.revenue().minor(), "revenue " + what);
            assertEquals(0, BigDecimal.valueOf(e[2]).compareTo(total.opportunities()), "opportunities " + what);
            assertEquals(0, BigDecimal.valueOf(e[3]).compareTo(total.won()), "won " + what);
            assertEquals(e[4], costs.isEmpty() ? 0 : total.cost().minor(), "cost " + what);
            long[] s = summed.getOrDefault(total.currency(), new long[3]);
            assertEquals(e[0], s[0], "rows' pipeline " + what);
            assertEquals(e[1], s[1], "rows' revenue " + what);
            assertEquals(e[4], s[2], "rows' cost " + what);
            BigDecimal[] n = counts.get(total.currency());
            if (n != null) {
                assertEquals(0, BigDecimal.valueOf(e[2]).compareTo(n[0]), "rows' opportunities " + what);
                assertEquals(0, BigDecimal.valueOf(e[3]).compareTo(n[1]), "rows' won " + what);
            }
        }
    }
}
