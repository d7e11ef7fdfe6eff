package io.github.attribution.cli;

import java.nio.file.Path;

/**
 * A small dataset for the report and compare tests, with every credit worked out by hand. Under
 * {@code linear}, with every touch up to the close in the journey:
 *
 * <ul>
 *   <li>O1 (900.00, won; created 2026-02-15, closed 2026-03-20): t1 Paid Search, t2 Webinar, t3 Sales
 *       Outreach, 300.00 each; counts 0.333334, 0.333333, 0.333333 (the earliest touch takes the
 *       remainder);
 *   <li>O2 (600.00, won; created 2026-04-25, closed 2026-07-10): t4 Paid Search, t5 Email, 300.00 each;
 *   <li>O3 (300.00, open; account C has no touches): unattributed;
 *   <li>O4 (200.00, lost; created 2026-04-25): t4 Paid Search, t5 Email, 100.00 each.
 * </ul>
 *
 * Pipeline 2000.00, won revenue 1500.00. Costs: Spring (Paid Search) 500.00, Webinar Q1 (Webinar)
 * 150.00, and Trade Show 250.00, a campaign without touches.
 */
final class Sample {
    final String touchpoints;
    final String opportunities;
    final String costs;

    Sample(Path dir) {
        touchpoints = Cli.file(
                dir,
                "touchpoints.csv",
                "touchpoint_id,account_id,occurred_at,channel,campaign,touch_type",
                "t1,A,2026-01-05T00:00:00Z,Paid Search,Spring,marketing",
                "t2,A,2026-02-10T00:00:00Z,Webinar,Webinar Q1,marketing",
                "t3,A,2026-03-01T00:00:00Z,Sales Outreach,,sales",
                "t4,B,2026-04-02T00:00:00Z,Paid Search,Spring,marketing",
                "t5,B,2026-04-20T00:00:00Z,Email,Nurture,marketing");
        opportunities = Cli.file(
                dir,
                "opportunities.csv",
                "opportunity_id,account_id,amount,currency,created_at,closed_at,status",
                "O1,A,900.00,USD,2026-02-15,2026-03-20,won",
                "O2,B,600.00,USD,2026-04-25,2026-07-10,won",
                "O3,C,300.00,USD,2026-05-01,,open",
                "O4,B,200.00,USD,2026-04-25,2026-06-01,lost");
        costs = Cli.file(
                dir,
                "costs.csv",
                "campaign,cost,currency,period",
                "Spring,500.00,USD,",
                "Webinar Q1,150.00,USD,",
                "Trade Show,250.00,USD,");
    }

    /** {@code command --touchpoints ... --opportunities ...} followed by {@code more}. */
    Cli run(String command, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = command;
        args[1] = "--touchpoints";
        args[2] = touchpoints;
        args[3] = "--opportunities";
        args[4] = opportunities;
        System.arraycopy(more, 0, args, 5, more.length);
        return Cli.run(args);
    }
}
