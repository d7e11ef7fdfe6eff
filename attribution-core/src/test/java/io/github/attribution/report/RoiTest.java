package io.github.attribution.report;

import static io.github.attribution.report.ReportFixtures.cost;
import static io.github.attribution.report.ReportFixtures.lines;
import static io.github.attribution.report.ReportFixtures.lost;
import static io.github.attribution.report.ReportFixtures.marketing;
import static io.github.attribution.report.ReportFixtures.totalLines;
import static io.github.attribution.report.ReportFixtures.won;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.Attributor;
import io.github.attribution.Models;
import io.github.attribution.data.CampaignCost;
import io.github.attribution.data.Dataset;
import io.github.attribution.journey.Journeys;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ROI under the linear model.
 *
 * <pre>
 * OA USD 1000.00 won Mar 1 (created Feb 1): a1 Paid Search "Search Q1" 500.00, a2 Webinar "Webinar Feb" 500.00
 * OB USD  900.00 won May 20 (created Apr 15): b1 Paid Search "Search Q2", b2 Event "Trade Show",
 *                b3 Email "Trade Show": 300.00 each (counts 0.333334, 0.333333, 0.333333)
 * OC USD  400.00 lost (created Jan 20): c1 Display "Display"
 * Costs: Search Q1 USD 250.00 2026-Q1; Webinar Feb USD 100.00 2026-02; Display USD 200.00 (no period);
 *        Trade Show USD 150.00 2026-Q2 (two channels); Ghost USD 50.00 (no touches);
 *        Search Q1 EUR 80.00 2026-Q1 (another currency). Search Q2 has revenue and no cost.
 * </pre>
 */
final class RoiTest {
    private final Dataset data = Dataset.of(
            List.of(
                    marketing("a1", "A", "2026-01-10", "Paid Search", "Search Q1"),
                    marketing("a2", "A", "2026-02-01", "Webinar", "Webinar Feb"),
                    marketing("b1", "B", "2026-04-05", "Paid Search", "Search Q2"),
                    marketing("b2", "B", "2026-04-10", "Event", "Trade Show"),
                    marketing("b3", "B", "2026-04-12", "Email", "Trade Show"),
                    marketing("c1", "C", "2026-01-05", "Display", "Display")),
            List.of(
                    won("OA", "A", "USD 1000.00", "2026-02-01", "2026-03-01"),
                    won("OB", "B", "USD 900.00", "2026-04-15", "2026-05-20"),
                    lost("OC", "C", "USD 400.00", "2026-01-20", "2026-02-01")));
    private final List<CampaignCost> costs = List.of(
            cost("Search Q1", "USD 250.00", "2026-Q1"),
            cost("Webinar Feb", "USD 100.00", "2026-02"),
            cost("Display", "USD 200.00", null),
            cost("Trade Show", "USD 150.00", "2026-Q2"),
            cost("Ghost", "USD 50.00", null),
            cost("Search Q1", "EUR 80.00", "2026-Q1"));
    private final Attributor attributor = Attributor.builder().threads(1).build();
    private final Journeys journeys = attributor.journeys(data);

    private ReportTable report(String dimensions) {
        return Report.run(attributor, journeys, Models.byName("linear"), ReportSpec.parse(dimensions), costs);
    }

    @Test
    void run_byCampaign_computesCostRatios() {
        ReportTable table = report("campaign");
        assertEquals(
                List.of(
                        "campaign",
                        "currency",
                        "pipeline",
                        "revenue",
                        "opportunities",
                        "won",
                        "touches",
                        "cost",
                        "cost_per_opportunity",
                        "cac",
                        "roas",
                        "roi"),
                table.columns());
        assertEquals(
                List.of(
                        // another currency: its own row, never added to USD
                        "Search Q1|EUR|0.00|0.00|0.000000|0.000000|0|80.00|||0.0000|-1.0000",
                        // cost, touches, no revenue: ROI -100%, no CAC
                        "Display|USD|400.00|0.00|1.000000|0.000000|1|200.00|200.00||0.0000|-1.0000",
                        // cost, no touches at all
                        "Ghost|USD|0.00|0.00|0.000000|0.000000|0|50.00|||0.0000|-1.0000",
                        "Search Q1|USD|500.00|500.00|0.500000|0.500000|1|250.00|500.00|500.00|2.0000|1.0000",
                        // revenue, no cost: ROAS and ROI undefined, not infinite
                        "Search Q2|USD|300.00|300.00|0.333334|0.333334|1|0.00|0.00|0.00||",
                        // 150.00 / 0.666666 = 225.000225 -> 225.00
                        "Trade Show|USD|600.00|600.00|0.666666|0.666666|2|150.00|225.00|225.00|4.0000|3.0000",
                        "Webinar Feb|USD|500.00|500.00|0.500000|0.500000|1|100.00|200.00|200.00|5.0000|4.0000"),
                lines(table));
        assertEquals(
                List.of(
                        "(total)|EUR|0.00|0.00|0.000000|0.000000|0|80.00|||0.0000|-1.0000",
                        // cost 250 + 100 + 200 + 150 + 50; revenue 1900, ROAS 1900 / 750
                        "(total)|USD|2300.00|1900.00|3.000000|2.000000|6|750.00|250.00|375.00|2.5333|1.5333"),
                totalLines(table));
        assertTrue(
                table.notes().contains("campaign 'Ghost' has costs but no touches"),
                table.notes().toString());
    }

    @Test
    void row_ratiosAreEmptyNotInfiniteWithoutCost() {
        ReportRow searchQ2 = report("campaign").rows().get(4);
        assertEquals("Search Q2", searchQ2.keys().get(0));
        assertEquals(Optional.empty(), searchQ2.roas());
        assertEquals(Optional.empty(), searchQ2.roi());
        ReportRow display = report("campaign").rows().get(1);
        assertEquals(Optional.of(new BigDecimal("-1.0000")), display.roi());
        assertEquals(Optional.empty(), display.costPerWon());
    }

    @Test
    void run_byChannel_mapsSingleChannelCampaignsAndReportsTheRestUnmapped() {
        ReportTable table = report("channel");
        assertEquals(
                List.of(
                        "Paid Search|EUR|0.00|0.00|0.000000|0.000000|0|80.00|||0.0000|-1.0000",
                        "Display|USD|400.00|0.00|1.000000|0.000000|1|200.00|200.00||0.0000|-1.0000",
                        "Email|USD|300.00|300.00|0.333333|0.333333|1|0.00|0.00|0.00||",
                        "Event|USD|300.00|300.00|0.333333|0.333333|1|0.00|0.00|0.00||",
                        // Search Q1's 250.00 (Search Q2 has none); 250.00 / 0.833334 = 299.99988 -> 300.00
                        "Paid Search|USD|800.00|800.00|0.833334|0.833334|2|250.00|300.00|300.00|3.2000|2.2000",
                        "Webinar|USD|500.00|500.00|0.500000|0.500000|1|100.00|200.00|200.00|5.0000|4.0000",
                        // Trade Show (Event and Email) and Ghost (no touches)
                        "(unmapped campaigns)|USD|0.00|0.00|0.000000|0.000000|0|200.00|||0.0000|-1.0000"),
                lines(table));
        assertEquals(
                List.of(
                        "campaign 'Trade Show' has touches in several channels: its cost is reported under channel"
                                + " (unmapped campaigns)",
                        "campaign 'Ghost' has no touches: its cost is reported under channel (unmapped campaigns)"),
                table.notes());
    }

    @Test
    void run_byCampaignAndQuarter_placesPeriodCostsAndRevenueByCloseDate() {
        assertEquals(
                List.of(
                        "Search Q1|2026-Q1|EUR|0.00|0.00|0.000000|0.000000|0|80.00|||0.0000|-1.0000",
                        "Display|2026-Q1|USD|400.00|0.00|1.000000|0.000000|1|0.00|0.00|||",
                        "Display|(unallocated)|USD|0.00|0.00|0.000000|0.000000|0|200.00|||0.0000|-1.0000",
                        "Ghost|(unallocated)|USD|0.00|0.00|0.000000|0.000000|0|50.00|||0.0000|-1.0000",
                        "Search Q1|2026-Q1|USD|500.00|500.00|0.500000|0.500000|1|250.00|500.00|500.00|2.0000|1.0000",
                        "Search Q2|2026-Q2|USD|300.00|300.00|0.333334|0.333334|1|0.00|0.00|0.00||",
                        "Trade Show|2026-Q2|USD|600.00|600.00|0.666666|0.666666|2|150.00|225.00|225.00|4.0000|3.0000",
                        "Webinar Feb|2026-Q1|USD|500.00|500.00|0.500000|0.500000|1|100.00|200.00|200.00|5.0000|4.0000"),
                lines(report("campaign,quarter")));
    }

    @Test
    void run_byCampaignAndMonth_monthCostMeetsRevenueOfItsMonthOnly() {
        List<String> rows = lines(report("campaign,month"));
        // Webinar Feb's cost is for February; its opportunity was created in February and won in March
        assertTrue(
                rows.contains("Webinar Feb|2026-02|USD|500.00|0.00|0.500000|0.000000|1|100.00|200.00||0.0000|-1.0000"),
                rows.toString());
        assertTrue(
                rows.contains("Webinar Feb|2026-03|USD|0.00|500.00|0.000000|0.500000|0|0.00||0.00||"), rows.toString());
        // a quarter's cost cannot be split into months
        assertTrue(
                rows.contains("Search Q1|(unallocated)|USD|0.00|0.00|0.000000|0.000000|0|250.00|||0.0000|-1.0000"),
                rows.toString());
    }

    @Test
    void run_costsWithUnsupportedDimension_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> report("channel,source"));
        assertTrue(e.getMessage().contains("'source'"), e.getMessage());
    }
}
