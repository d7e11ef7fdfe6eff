package io.github.attribution.report;

import static io.github.attribution.report.ReportFixtures.lines;
import static io.github.attribution.report.ReportFixtures.lost;
import static io.github.attribution.report.ReportFixtures.marketing;
import static io.github.attribution.report.ReportFixtures.open;
import static io.github.attribution.report.ReportFixtures.sales;
import static io.github.attribution.report.ReportFixtures.totalLines;
import static io.github.attribution.report.ReportFixtures.won;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.AttributionResult;
import io.github.attribution.Attributor;
import io.github.attribution.CreditTable;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.Opportunity;
import io.github.attribution.data.Touchpoint;
import io.github.attribution.journey.Journeys;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A small hand-built dataset reported under the linear model, every number written out.
 *
 * <pre>
 * OA  USD 1000.00 won,  created 2026-02-10, closed 2026-03-15: a1 Paid Search, a2 Webinar, a3 Sales Outreach
 *                       linear: 333.34, 333.33, 333.33 (count 0.333334, 0.333333, 0.333333)
 * OB  USD  600.00 won,  created 2026-03-01, closed 2026-04-10: b1 Paid Search, b2 Email: 300.00 each
 * OB2 USD  300.00 open, created 2026-04-02:                     b1 Paid Search, b2 Email: 150.00 each
 * OC  USD  200.00 lost, created 2026-01-10, no touches: unattributed
 * OD  EUR  500.00 won,  created 2026-01-20, closed 2026-02-28: d1 Paid Search
 * </pre>
 */
final class ReportTest {
    private static final String HEADER = "currency|pipeline|revenue|opportunities|won|touches";

    private final Dataset data = Dataset.of(
            List.of(
                    marketing("a1", "A", "2026-01-05", "Paid Search", "Brand"),
                    marketing("a2", "A", "2026-01-20", "Webinar", "Spring Webinar"),
                    sales("a3", "A", "2026-02-10", "Sales Outreach"),
                    marketing("b1", "B", "2026-02-01", "Paid Search", "Brand"),
                    marketing("b2", "B", "2026-03-20", "Email", "Nurture"),
                    marketing("d1", "D", "2026-01-15", "Paid Search", "Brand")),
            List.of(
                    won("OA", "A", "USD 1000.00", "2026-02-10", "2026-03-15"),
                    won("OB", "B", "USD 600.00", "2026-03-01", "2026-04-10"),
                    open("OB2", "B", "USD 300.00", "2026-04-02"),
                    lost("OC", "C", "USD 200.00", "2026-01-10", "2026-02-20"),
                    won("OD", "D", "EUR 500.00", "2026-01-20", "2026-02-28")));
    private final Attributor attributor = Attributor.builder().threads(1).build();
    private final Journeys journeys = attributor.journeys(data);

    private ReportTable report(String dimensions) {
        return Report.run(attributor, journeys, Models.byName("linear"), ReportSpec.parse(dimensions), List.of());
    }

    @Test
    void run_byChannel_keepsCurrenciesApartAndReconciles() {
        ReportTable table = report("channel");
        assertEquals(
                List.of("channel", "currency", "pipeline", "revenue", "opportunities", "won", "touches"),
                table.columns());
        assertEquals(
                List.of(
                        "Paid Search|EUR|500.00|500.00|1.000000|1.000000|1",
                        "Email|USD|450.00|300.00|1.000000|0.500000|2",
                        "Paid Search|USD|783.34|633.34|1.333334|0.833334|3",
                        "Sales Outreach|USD|333.33|333.33|0.333333|0.333333|1",
                        "Webinar|USD|333.33|333.33|0.333333|0.333333|1",
                        "(unattributed)|USD|200.00|0.00|1.000000|0.000000|0"),
                lines(table));
        // USD: pipeline 1000 + 600 + 300 + 200; revenue 1000 + 600 (won); 4 opportunities, 2 won
        assertEquals(
                List.of(
                        "(total)|EUR|500.00|500.00|1.000000|1.000000|1",
                        "(total)|USD|2100.00|1600.00|4.000000|2.000000|7"),
                totalLines(table));
    }

    @Test
    void run_byQuarter_groupsPipelineByCreationAndRevenueByClose() {
        ReportTable table = report("quarter");
        assertEquals(
                List.of(
                        "2026-Q1|EUR|500.00|500.00|1.000000|1.000000|1",
                        // OA, OB, OC created in Q1; only OA closed won in Q1
                        "2026-Q1|USD|1800.00|1000.00|3.000000|1.000000|5",
                        // OB2 created in Q2; OB closed won in Q2
                        "2026-Q2|USD|300.00|600.00|1.000000|1.000000|2"),
                lines(table));
        assertEquals(
                List.of(
                        "(total)|EUR|500.00|500.00|1.000000|1.000000|1",
                        "(total)|USD|2100.00|1600.00|4.000000|2.000000|7"),
                totalLines(table));
    }

    @Test
    void run_byChannelAndQuarter_crossesBoth() {
        ReportTable table = report("channel,quarter");
        assertEquals(
                List.of(
                        "Paid Search|2026-Q1|EUR|500.00|500.00|1.000000|1.000000|1",
                        "Email|2026-Q1|USD|300.00|0.00|0.500000|0.000000|1",
                        "Email|2026-Q2|USD|150.00|300.00|0.500000|0.500000|1",
                        "Paid Search|2026-Q1|USD|633.34|333.34|0.833334|0.333334|2",
                        "Paid Search|2026-Q2|USD|150.00|300.00|0.500000|0.500000|1",
                        "Sales Outreach|2026-Q1|USD|333.33|333.33|0.333333|0.333333|1",
                        "Webinar|2026-Q1|USD|333.33|333.33|0.333333|0.333333|1",
                        "(unattributed)|2026-Q1|USD|200.00|0.00|1.000000|0.000000|0"),
                lines(table));
        assertEquals(
                List.of(
                        "(total)|(total)|EUR|500.00|500.00|1.000000|1.000000|1",
                        "(total)|(total)|USD|2100.00|1600.00|4.000000|2.000000|7"),
                totalLines(table));
    }

    @Test
    void run_byMonthAndYear_labelsPeriods() {
        assertEquals(
                List.of(
                        "2026-01|EUR|500.00|0.00|1.000000|0.000000|1",
                        "2026-02|EUR|0.00|500.00|0.000000|1.000000|0",
                        "2026-01|USD|200.00|0.00|1.000000|0.000000|0",
                        "2026-02|USD|1000.00|0.00|1.000000|0.000000|3",
                        "2026-03|USD|600.00|1000.00|1.000000|1.000000|2",
                        "2026-04|USD|300.00|600.00|1.000000|1.000000|2"),
                lines(report("month")));
        assertEquals(
                List.of("2026|EUR|500.00|500.00|1.000000|1.000000|1", "2026|USD|2100.00|1600.00|4.000000|2.000000|7"),
                lines(report("year")));
    }

    @Test
    void run_byCampaignAndTouchType_namesEmptyCampaignNone() {
        assertEquals(
                List.of(
                        "Brand|marketing|EUR|500.00|500.00|1.000000|1.000000|1",
                        "Brand|marketing|USD|783.34|633.34|1.333334|0.833334|3",
                        "Nurture|marketing|USD|450.00|300.00|1.000000|0.500000|2",
                        "Spring Webinar|marketing|USD|333.33|333.33|0.333333|0.333333|1",
                        "(none)|sales|USD|333.33|333.33|0.333333|0.333333|1",
                        "(unattributed)|(unattributed)|USD|200.00|0.00|1.000000|0.000000|0"),
                lines(report("campaign,touch_type")));
    }

    @Test
    void run_withoutDimensions_givesOneRowPerCurrency() {
        assertEquals(
                List.of("EUR|500.00|500.00|1.000000|1.000000|1", "USD|2100.00|1600.00|4.000000|2.000000|7"),
                lines(report("")));
    }

    @Test
    void run_totalsEqualInputAmountsPerCurrency() {
        for (String dims : List.of("channel", "source,offer", "campaign,month", "first_touch_channel,year")) {
            ReportTable table = report(dims);
            assertEquals(Money.parse("USD 2100.00"), table.totals().get(1).pipeline(), dims);
            assertEquals(Money.parse("USD 1600.00"), table.totals().get(1).revenue(), dims);
            assertEquals(new BigDecimal("4.000000"), table.totals().get(1).opportunities(), dims);
            assertEquals(Money.parse("EUR 500.00"), table.totals().get(0).pipeline(), dims);
        }
    }

    @Test
    void of_givesTheSameTableAsStreaming() {
        AttributionResult result = attributor.attribute(journeys, List.of(Models.byName("linear")));
        ReportTable batch = Report.of(result.tables().get(0), ReportSpec.parse("channel,quarter"), List.of());
        ReportTable streamed = report("channel,quarter");
        assertEquals(streamed.toCsv(), batch.toCsv());
        assertEquals(streamed.toText(), batch.toText());
    }

    @Test
    void run_manyBlocks_matchesSingleTable() {
        // more opportunities than one stream block (2048), on several threads
        List<Touchpoint> touches = new ArrayList<>();
        List<Opportunity> opps = new ArrayList<>();
        String[] channels = {"Paid Search", "Email", "Webinar", "Event"};
        for (int i = 0; i < 5000; i++) {
            String account = "acc" + (i % 1500);
            touches.add(marketing("t" + i, account, "2026-01-" + (10 + i % 19), channels[i % 4], "c" + (i % 7)));
            String amount = (i % 3 == 0 ? "EUR " : "USD ") + (100 + i) + ".0" + (i % 10);
            opps.add(
                    i % 4 == 0
                            ? open("o" + i, "acc" + (i % 1700), amount, "2026-02-01")
                            : won(
                                    "o" + i,
                                    "acc" + (i % 1700),
                                    amount,
                                    "2026-02-0" + (1 + i % 9),
                                    "2026-0" + (3 + i % 6) + "-01"));
        }
        Dataset big = Dataset.of(touches, opps);
        Attributor parallel = Attributor.builder().threads(2).build();
        Journeys bigJourneys = parallel.journeys(big);
        ReportSpec spec = ReportSpec.parse("channel,month");
        ReportTable streamed = Report.run(parallel, bigJourneys, Models.byName("position-based"), spec, List.of());
        CreditTable whole = parallel.attribute(bigJourneys, List.of(Models.byName("position-based")))
                .tables()
                .get(0);
        assertEquals(Report.of(whole, spec, List.of()).toCsv(), streamed.toCsv());
        long usd = 0;
        for (int o = 0; o < big.opportunityCount(); o++) {
            usd += big.currency(o).getCurrencyCode().equals("USD") ? big.amount(o) : 0;
        }
        assertEquals(usd, streamed.totals().get(1).pipeline().minor());
    }

    @Test
    void accept_rejectsBlocksOutOfOrderOrOfAnotherModel() {
        CreditTable linear = attributor
                .attribute(journeys, List.of(Models.byName("linear")))
                .tables()
                .get(0);
        ReportAccumulator wrongModel =
                new ReportAccumulator(journeys, "w-shaped", ReportSpec.parse("channel"), List.of());
        assertThrows(IllegalArgumentException.class, () -> wrongModel.accept(linear));
        ReportAccumulator acc = new ReportAccumulator(journeys, "linear", ReportSpec.parse("channel"), List.of());
        acc.accept(linear);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> acc.accept(linear));
        assertTrue(twice.getMessage().contains("opportunity order"), twice.getMessage());
        acc.finish();
        assertThrows(IllegalStateException.class, acc::finish);
        ReportAccumulator empty = new ReportAccumulator(journeys, "linear", ReportSpec.parse("channel"), List.of());
        assertThrows(IllegalStateException.class, empty::finish);
    }

    @Test
    void spec_parsesNamesAndRejectsUnknownOrRepeated() {
        assertEquals(
                List.of(Dimension.CHANNEL, Dimension.QUARTER),
                ReportSpec.parse("channel, quarter").dimensions());
        assertEquals(
                List.of(Dimension.TOUCH_TYPE, Dimension.MONTH),
                ReportSpec.of("Touch-Type", "month").dimensions());
        assertEquals("channel,quarter", ReportSpec.parse("channel,quarter").toString());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ReportSpec.parse("week"));
        assertTrue(
                unknown.getMessage().contains("'week'") && unknown.getMessage().contains("quarter"));
        assertThrows(IllegalArgumentException.class, () -> ReportSpec.parse("channel,channel"));
        assertThrows(IllegalArgumentException.class, () -> ReportSpec.parse("channel,,month"));
    }

    @Test
    void writeCsvAndJson_quoteNamesAndWriteNumbers() {
        Dataset odd = Dataset.of(
                List.of(marketing("t1", "A", "2026-01-05", "Events, \"Live\"", "")),
                List.of(won("O1", "A", "JPY 1235", "2026-01-10", "2026-02-01")));
        Journeys j = attributor.journeys(odd);
        ReportTable table = Report.run(attributor, j, Models.byName("linear"), ReportSpec.parse("channel"), List.of());
        assertEquals(
                "channel,currency,pipeline,revenue,opportunities,won,touches\n"
                        + "\"Events, \"\"Live\"\"\",JPY,1235,1235,1.000000,1.000000,1\n",
                table.toCsv());
        assertEquals(
                "[\n{\"channel\":\"Events, \\\"Live\\\"\",\"currency\":\"JPY\",\"pipeline\":1235,\"revenue\":1235,"
                        + "\"opportunities\":1.000000,\"won\":1.000000,\"touches\":1}\n]\n",
                table.toJson());
    }

    @Test
    void toText_alignsColumnsAndAddsTotals() {
        String text = report("channel").toText();
        List<String> lines = text.lines().collect(java.util.stream.Collectors.toList());
        assertEquals("Report of model linear by channel", lines.get(0));
        assertTrue(lines.get(1).startsWith("channel         currency  pipeline"), lines.get(1));
        // numbers are right-aligned: every row ends at the same column
        int width = lines.get(1).length();
        for (int i = 3; i <= 8; i++) {
            assertEquals(width, lines.get(i).length(), lines.get(i));
        }
        assertTrue(text.contains("(total)         USD       2,100.00"), text);
        assertTrue(text.contains("USD: won revenue 1,600.00 from 2 deals"), text);
    }

    @Test
    void header_isStable() {
        assertEquals(HEADER, String.join("|", report("").columns()));
    }
}
