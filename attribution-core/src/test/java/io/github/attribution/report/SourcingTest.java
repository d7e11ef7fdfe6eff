package io.github.attribution.report;

import static io.github.attribution.report.ReportFixtures.lines;
import static io.github.attribution.report.ReportFixtures.lost;
import static io.github.attribution.report.ReportFixtures.marketing;
import static io.github.attribution.report.ReportFixtures.sales;
import static io.github.attribution.report.ReportFixtures.won;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.Attributor;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.TouchType;
import io.github.attribution.journey.Journeys;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Sourced versus influenced, with lead recycling (cycle gap 30 days).
 *
 * <pre>
 * OR USD 1000.00 won: r1 Jan 1 Paid Search (mkt), r2 Jan 5 Webinar (mkt), 55 quiet days,
 *                     r3 Mar 1 Sales Outreach (sales), r4 Mar 10 Email (mkt); created Mar 5, closed Mar 30.
 *    The cycle restarts at r3: journey r3, r4; first touch r3 (sales); original source r1 (marketing).
 * OS USD  500.00 won: s1 Sales Outreach (sales) only.
 * OT USD  250.00 won: t1 Sales Outreach (sales), t2 Content (mkt).
 * OU USD  999.00 lost: u1 Email (mkt). Not won: no revenue.
 * Won revenue 1750.00 from 3 deals.
 * </pre>
 */
final class SourcingTest {
    private final Dataset data = Dataset.of(
            List.of(
                    marketing("r1", "R", "2026-01-01", "Paid Search", "Brand"),
                    marketing("r2", "R", "2026-01-05", "Webinar", "Webinar Jan"),
                    sales("r3", "R", "2026-03-01", "Sales Outreach"),
                    marketing("r4", "R", "2026-03-10", "Email", "Nurture"),
                    sales("s1", "S", "2026-02-01", "Sales Outreach"),
                    sales("t1", "T", "2026-01-10", "Sales Outreach"),
                    marketing("t2", "T", "2026-01-15", "Content", "Guide"),
                    marketing("u1", "U", "2026-01-03", "Email", "Nurture")),
            List.of(
                    won("OR", "R", "USD 1000.00", "2026-03-05", "2026-03-30"),
                    won("OS", "S", "USD 500.00", "2026-02-02", "2026-02-20"),
                    won("OT", "T", "USD 250.00", "2026-01-20", "2026-02-01"),
                    lost("OU", "U", "USD 999.00", "2026-01-05", "2026-01-30")));
    private final Attributor recycling =
            Attributor.builder().cycleGapDays(30).threads(1).build();
    private final Journeys journeys = recycling.journeys(data);

    private MarketingImpact impact(Attributor attributor, String model) {
        ReportTable table = Report.run(
                attributor, attributor.journeys(data), Models.byName(model), ReportSpec.parse(""), List.of());
        assertEquals(1, table.marketing().size());
        return table.marketing().get(0);
    }

    private static Optional<BigDecimal> share(String value) {
        return Optional.of(new BigDecimal(value));
    }

    @Test
    void sourcing_recycledLead_originalSourceAndFirstTouchDiffer() {
        Sourcing or = Sourcing.of(journeys, 0);
        assertEquals(
                new Sourcing(
                        "OR", "r1", "Paid Search", TouchType.MARKETING, "r3", "Sales Outreach", TouchType.SALES, true),
                or);
        assertTrue(or.marketingSourced());
        assertFalse(or.marketingFirstTouch());
        Sourcing os = Sourcing.of(journeys, 1);
        assertFalse(os.marketingSourced());
        assertFalse(os.marketingInfluenced());
        assertTrue(Sourcing.of(journeys, 2).marketingInfluenced());
    }

    @Test
    void marketing_recycledLead_sourcedButNotFirstTouchSourced() {
        MarketingImpact m = impact(recycling, "linear");
        assertEquals(Money.parse("USD 1750.00"), m.wonRevenue());
        assertEquals(3, m.wonDeals());
        // OR only: its original source r1 is marketing
        assertEquals(Money.parse("USD 1000.00"), m.sourcedRevenue());
        assertEquals(1, m.sourcedDeals());
        assertEquals(share("0.5714"), m.sourcedShare());
        // no won journey starts with a marketing touch once OR's cycle restarts at r3
        assertEquals(Money.parse("USD 0.00"), m.firstTouchSourcedRevenue());
        assertEquals(share("0.0000"), m.firstTouchSourcedShare());
        // OR (r4, r1) and OT (t2): 1250.00
        assertEquals(Money.parse("USD 1250.00"), m.influencedRevenue());
        assertEquals(2, m.influencedDeals());
        assertEquals(share("0.7143"), m.influencedShare());
        // linear: OR r4 500.00 + OT t2 125.00
        assertEquals(Money.parse("USD 625.00"), m.contributedRevenue());
        assertEquals(share("0.3571"), m.contributionShare());
    }

    @Test
    void marketing_contributionDependsOnModel() {
        assertEquals(Money.parse("USD 0.00"), impact(recycling, "first-touch").contributedRevenue());
        assertEquals(
                Money.parse("USD 1000.00"), impact(recycling, "original-source").contributedRevenue());
        // last-touch: OR r4 (Email, marketing) 1000.00; OT t2 250.00
        assertEquals(Money.parse("USD 1250.00"), impact(recycling, "last-touch").contributedRevenue());
    }

    @Test
    void marketing_withoutCycles_firstTouchIsOriginalSource() {
        MarketingImpact m = impact(Attributor.builder().threads(1).build(), "linear");
        assertEquals(Money.parse("USD 1000.00"), m.firstTouchSourcedRevenue());
        assertEquals(m.sourcedRevenue(), m.firstTouchSourcedRevenue());
        // linear over r1..r4: 250.00 each, three marketing; OT t2 125.00
        assertEquals(Money.parse("USD 875.00"), m.contributedRevenue());
    }

    @Test
    void run_bySourcingDimensions_creditsWholeOpportunityToItsSource() {
        ReportTable table = Report.run(
                recycling,
                journeys,
                Models.byName("linear"),
                ReportSpec.parse("original_source_channel,first_touch_type"),
                List.of());
        assertEquals(
                List.of(
                        "Email|marketing|USD|999.00|0.00|1.000000|0.000000|1",
                        "Paid Search|sales|USD|1000.00|1000.00|1.000000|1.000000|2",
                        "Sales Outreach|sales|USD|750.00|750.00|2.000000|2.000000|3"),
                lines(table));
        String text = table.toText();
        assertTrue(
                text.contains("USD: won revenue 1,750.00 from 3 deals; marketing sourced 57.1% (original source),"
                        + " 0.0% (first touch); influenced 71.4%; multi-touch contribution 35.7% under linear"),
                text);
    }
}
