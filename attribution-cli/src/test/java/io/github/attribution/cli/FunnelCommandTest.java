package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --funnel} end to end on the funnel's worked example (docs/models.md). */
final class FunnelCommandTest {
    @TempDir
    Path dir;

    private String[] common;

    @BeforeEach
    void files() {
        common = new String[] {
            "--touchpoints",
            Cli.file(
                    dir,
                    "touchpoints.csv",
                    "touchpoint_id,account_id,occurred_at,channel,campaign,touch_type",
                    "t1,A,2026-01-05,Paid Search,Search Q1,marketing",
                    "t2,A,2026-01-10,Webinar,Webinar Q1,marketing",
                    "t3,A,2026-01-25,Email,,marketing",
                    "t4,A,2026-02-10,Event,,marketing",
                    "t5,A,2026-03-01,Sales Outreach,,sales"),
            "--opportunities",
            Cli.file(
                    dir,
                    "opportunities.csv",
                    "opportunity_id,account_id,amount,currency,created_at,closed_at,status",
                    "OPP-1,A,10000.00,USD,2026-02-15,2026-03-20,won"),
            "--people",
            Cli.file(dir, "people.csv", "person_id,account_id,lead_created_at", "P1,A,2026-01-10", "P2,A,2026-01-20"),
            "--costs",
            Cli.file(
                    dir,
                    "costs.csv",
                    "campaign,cost,currency,period",
                    "Search Q1,400.00,USD,2026-Q1",
                    "Webinar Q1,1000.00,USD,2026-Q1"),
            "--stages",
            Cli.file(
                    dir,
                    "stages.csv",
                    "record_type,record_id,stage,entered_at",
                    "person,P1,mql,2026-01-28",
                    "person,P1,sql,2026-02-12",
                    "person,P2,mql,2026-02-08",
                    "person,P2,mql,2026-04-01",
                    "opportunity,OPP-1,proposal,2026-03-05")
        };
    }

    private Cli run(String... args) {
        String[] all = new String[1 + common.length + args.length];
        all[0] = "report";
        System.arraycopy(common, 0, all, 1, common.length);
        System.arraycopy(args, 0, all, 1 + common.length, args.length);
        return Cli.run(all);
    }

    @Test
    void funnel_csvRowsAndConversionFile() throws IOException {
        Path conversion = dir.resolve("conversion.csv");
        Cli cli = run(
                "--model", "linear", "--funnel", "lead,mql,sql,opportunity,won", "--conversion", conversion.toString());
        assertEquals(0, cli.exit, cli.toString());
        assertEquals(
                String.join(
                        "\n",
                        "channel,currency,lead,mql,sql,opportunity,won,pipeline,revenue,cost,cost_per_lead,"
                                + "cost_per_mql,cost_per_sql,cost_per_opportunity,cost_per_won,cac,roi",
                        "Email,USD,0.000000,0.666666,0.250000,0.250000,0.200000,2000.00,2000.00,0.00,,0.00,0.00,"
                                + "0.00,0.00,0.00,",
                        "Event,USD,0.000000,0.000000,0.250000,0.250000,0.200000,2000.00,2000.00,0.00,,,0.00,0.00,"
                                + "0.00,0.00,",
                        "Paid Search,USD,1.000000,0.666668,0.250000,0.250000,0.200000,2000.00,2000.00,400.00,"
                                + "400.00,600.00,1600.00,1600.00,2000.00,2000.00,4.0000",
                        "Sales Outreach,USD,0.000000,0.000000,0.000000,0.000000,0.200000,2000.00,2000.00,0.00,,,"
                                + ",,0.00,0.00,",
                        "Webinar,USD,1.000000,0.666666,0.250000,0.250000,0.200000,2000.00,2000.00,1000.00,"
                                + "1000.00,1500.00,4000.00,4000.00,5000.00,5000.00,1.0000",
                        ""),
                cli.out);
        String conv = Files.readString(conversion);
        assertTrue(
                conv.startsWith("sourcing,channel,from_stage,to_stage,entered,reached,rate,timed,median_days,"
                        + "mean_days,out_of_order\n"
                        + "original_source,Paid Search,lead,mql,2,2,1.0000,2,18.50,18.50,0\n"),
                conv);
        assertTrue(cli.err.contains("note: stage 'mql': 1 re-entries"), cli.err);
        assertTrue(cli.err.contains("5 stage rows"), cli.err);
    }

    @Test
    void funnel_stagesAloneGiveTheStandardFunnelAsText() {
        Cli cli = run("--model", "w-shaped", "--format", "text");
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(
                cli.out.startsWith("Funnel lead > mql > sql > opportunity > proposal > won under model w-shaped"),
                cli.out);
        assertTrue(cli.out.contains("Conversion and velocity by sourcing channel"), cli.out);
    }

    @Test
    void funnel_json_holdsRowsAndConversion() {
        Cli cli = run("--model", "linear", "--funnel", "lead,won", "--format", "json", "--by", "quarter");
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(cli.out.startsWith("{\"funnel\":[\"lead\",\"won\"],\n\"rows\":[\n"), cli.out);
        assertTrue(
                cli.out.contains("{\"quarter\":\"2026-Q1\",\"currency\":\"USD\",\"lead\":2.000000,\"won\":1.000000,"),
                cli.out);
        assertTrue(
                cli.out.contains("\"conversion\":[\n{\"sourcing\":\"original_source\",\"channel\":\"Paid Search\""
                        + ",\"from_stage\":\"lead\",\"to_stage\":\"won\",\"entered\":2,\"reached\":2"),
                cli.out);
    }

    @Test
    void comparePage_hasTheFunnelViewOnlyWithStages() throws IOException {
        Path page = dir.resolve("page.html");
        String[] args = new String[common.length + 5];
        args[0] = "compare";
        System.arraycopy(common, 0, args, 1, common.length);
        System.arraycopy(new String[] {"--model", "linear", "--html", page.toString()}, 0, args, 1 + common.length, 4);
        args = without(args, "--costs"); // an option of report only
        Cli cli = Cli.run(args);
        assertEquals(0, cli.exit, cli.toString());
        String html = Files.readString(page);
        assertTrue(
                html.contains("<h2>Funnel by channel &middot; lead \u203a mql \u203a sql \u203a opportunity"
                        + " \u203a proposal \u203a won</h2>"),
                html);
        assertTrue(
                html.contains("<tr><td class=\"name\">Paid Search</td><td title=\"1.000000\">1.0</td>"
                        + "<td title=\"0.666668\">0.7</td>"),
                html);
        assertTrue(html.contains("<td title=\"2 of 2\">100.0%</td><td title=\"1 of 2\">50.0%</td>"), html);
        assertEquals(0, Cli.run(without(args, "--stages")).exit);
        assertTrue(!Files.readString(page).contains("Funnel by channel"));
    }

    /** {@code args} without {@code option} and its value. */
    private static String[] without(String[] args, String option) {
        String[] rest = new String[args.length - 2];
        int k = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(option)) {
                i++;
                continue;
            }
            rest[k++] = args[i];
        }
        return rest;
    }

    @Test
    void funnel_unknownStage_isAUsageError() {
        Cli cli = run("--funnel", "lead,MQL");
        assertEquals(2, cli.exit, cli.toString());
        assertEquals(
                "error: option --funnel: funnel stage 'MQL' is not in the stage history; the stages are: mql, sql,"
                        + " proposal, lead, opportunity, won (see 'help report')\n",
                cli.err);
        assertEquals("", cli.out);
    }

    @Test
    void customStageAnchor_unknownStage_isAUsageError() {
        Cli cli = run("--model", "custom:first=0.5,nurture=0.5");
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(
                cli.err.startsWith("error: --model custom:first=0.5,nurture=0.5: no record entered stage"
                        + " 'nurture'; the stages are: mql, sql, proposal, lead, opportunity, won"),
                cli.err);
    }

    @Test
    void badStageRow_namesFileLineAndColumn() {
        Cli.file(
                dir,
                "stages.csv",
                "record_type,record_id,stage,entered_at",
                "person,P1,mql,2026-01-28",
                "person,P3,mql,2026-01-28");
        Cli cli = run();
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(cli.err.startsWith("error: "), cli.err);
        assertTrue(
                cli.err.contains("stages.csv line 3, column record_id: unknown person: 'P3' is not among the people"),
                cli.err);
        assertEquals("", cli.out);
    }
}
