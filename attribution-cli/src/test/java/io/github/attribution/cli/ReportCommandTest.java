package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} end to end on {@link Sample}, whose numbers are worked out in its doc. */
final class ReportCommandTest {
    @TempDir
    Path dir;

    private Sample sample;

    @BeforeEach
    void files() {
        sample = new Sample(dir);
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void report_byChannelByDefault() {
        Cli cli = sample.run("report", "--model", "linear");
        assertEquals(0, cli.exit, cli.toString());
        assertEquals(
                lines(
                        "channel,currency,pipeline,revenue,opportunities,won,touches",
                        "Email,USD,400.00,300.00,1.000000,0.500000,2",
                        "Paid Search,USD,700.00,600.00,1.333334,0.833334,3",
                        "Sales Outreach,USD,300.00,300.00,0.333333,0.333333,1",
                        "Webinar,USD,300.00,300.00,0.333333,0.333333,1",
                        "(unattributed),USD,300.00,0.00,1.000000,0.000000,0"),
                cli.out);
        assertReconciles(cli.out, 1);
        assertTrue(cli.err.startsWith("summary: read 9 rows"), cli.err);
        assertTrue(
                cli.err.contains(
                        "credited to touches from all opportunities (won, lost and open): USD 1,700.00 by linear"),
                cli.err);
    }

    @Test
    void report_byQuarterPutsPipelineAtCreationAndRevenueAtClose() {
        Cli cli = sample.run("report", "--model", "linear", "--by", "quarter");
        assertEquals(0, cli.exit, cli.toString());
        assertEquals(
                lines(
                        "quarter,currency,pipeline,revenue,opportunities,won,touches",
                        "2026-Q1,USD,900.00,900.00,1.000000,1.000000,3",
                        "2026-Q2,USD,1100.00,0.00,3.000000,0.000000,4",
                        "2026-Q3,USD,0.00,600.00,0.000000,1.000000,0"),
                cli.out);
        assertReconciles(cli.out, 1);
    }

    @Test
    void report_byChannelAndQuarter() {
        Cli cli = sample.run("report", "--model", "linear", "--by", "channel", "--by", "quarter");
        assertEquals(0, cli.exit, cli.toString());
        assertEquals(
                lines(
                        "channel,quarter,currency,pipeline,revenue,opportunities,won,touches",
                        "Email,2026-Q2,USD,400.00,0.00,1.000000,0.000000,2",
                        "Email,2026-Q3,USD,0.00,300.00,0.000000,0.500000,0",
                        "Paid Search,2026-Q1,USD,300.00,300.00,0.333334,0.333334,1",
                        "Paid Search,2026-Q2,USD,400.00,0.00,1.000000,0.000000,2",
                        "Paid Search,2026-Q3,USD,0.00,300.00,0.000000,0.500000,0",
                        "Sales Outreach,2026-Q1,USD,300.00,300.00,0.333333,0.333333,1",
                        "Webinar,2026-Q1,USD,300.00,300.00,0.333333,0.333333,1",
                        "(unattributed),2026-Q2,USD,300.00,0.00,1.000000,0.000000,0"),
                cli.out);
        assertReconciles(cli.out, 2);
        // a comma-separated list is the same as repeated options
        assertEquals(cli.out, sample.run("report", "--model", "linear", "--by", "channel,quarter").out);
    }

    @Test
    void report_withCostsByCampaign() {
        Cli cli = sample.run("report", "--model", "linear", "--by", "campaign", "--costs", sample.costs);
        assertEquals(0, cli.exit, cli.toString());
        // Spring: cost per opportunity 500 / 1.333334 = 374.9999 -> 375.00, cac 500 / 0.833334 -> 600.00;
        // Trade Show: cost but no revenue, so roas 0 and roi -100%, and no count to divide by
        assertEquals(
                lines(
                        "campaign,currency,pipeline,revenue,opportunities,won,touches,cost,cost_per_opportunity,cac,roas,roi",
                        "Nurture,USD,400.00,300.00,1.000000,0.500000,2,0.00,0.00,0.00,,",
                        "Spring,USD,700.00,600.00,1.333334,0.833334,3,500.00,375.00,600.00,1.2000,0.2000",
                        "Trade Show,USD,0.00,0.00,0.000000,0.000000,0,250.00,,,0.0000,-1.0000",
                        "Webinar Q1,USD,300.00,300.00,0.333333,0.333333,1,150.00,450.00,450.00,2.0000,1.0000",
                        "(none),USD,300.00,300.00,0.333333,0.333333,1,0.00,0.00,0.00,,",
                        "(unattributed),USD,300.00,0.00,1.000000,0.000000,0,0.00,0.00,,,"),
                cli.out);
        assertReconciles(cli.out, 1);
        assertEquals(new BigDecimal("900.00"), columnSum(cli.out, 1, 6));
        assertTrue(cli.err.contains("note: campaign 'Trade Show' has costs but no touches"), cli.err);
        assertTrue(cli.err.contains(" 3 costs)"), cli.err);
    }

    @Test
    void report_withACostsFileOfOnlyAHeader_stillHasTheCostColumns() {
        // the columns follow the options given, not what the file happens to hold
        String empty = Cli.file(dir, "no-costs.csv", "campaign,cost,currency,period");
        Cli cli = sample.run("report", "--model", "linear", "--by", "campaign", "--costs", empty);
        assertEquals(0, cli.exit, cli.toString());
        String header = cli.out.substring(0, cli.out.indexOf('\n'));
        assertEquals(
                "campaign,currency,pipeline,revenue,opportunities,won,touches,cost,cost_per_opportunity,cac,roas,roi",
                header);
        assertTrue(cli.out.contains("\nSpring,USD,700.00,600.00,1.333334,0.833334,3,0.00,0.00,0.00,,\n"), cli.out);
    }

    @Test
    void report_withCostsByChannelPutsAnUnmappedCampaignApart() {
        Cli cli = sample.run("report", "--model", "linear", "--costs", sample.costs);
        assertEquals(0, cli.exit, cli.toString());
        assertEquals(
                lines(
                        "channel,currency,pipeline,revenue,opportunities,won,touches,cost,cost_per_opportunity,cac,roas,roi",
                        "Email,USD,400.00,300.00,1.000000,0.500000,2,0.00,0.00,0.00,,",
                        "Paid Search,USD,700.00,600.00,1.333334,0.833334,3,500.00,375.00,600.00,1.2000,0.2000",
                        "Sales Outreach,USD,300.00,300.00,0.333333,0.333333,1,0.00,0.00,0.00,,",
                        "Webinar,USD,300.00,300.00,0.333333,0.333333,1,150.00,450.00,450.00,2.0000,1.0000",
                        "(unmapped campaigns),USD,0.00,0.00,0.000000,0.000000,0,250.00,,,0.0000,-1.0000",
                        "(unattributed),USD,300.00,0.00,1.000000,0.000000,0,0.00,0.00,,,"),
                cli.out);
        assertTrue(cli.err.contains("note: campaign 'Trade Show' has no touches"), cli.err);
    }

    @Test
    void report_jsonToOut() throws IOException {
        Path out = dir.resolve("report.json");
        Cli cli = sample.run("report", "--model", "linear", "--format", "json", "--out", out.toString());
        assertEquals(0, cli.exit, cli.toString());
        assertEquals("", cli.out);
        assertEquals(
                lines(
                        "[",
                        "{\"channel\":\"Email\",\"currency\":\"USD\",\"pipeline\":400.00,\"revenue\":300.00,"
                                + "\"opportunities\":1.000000,\"won\":0.500000,\"touches\":2},",
                        "{\"channel\":\"Paid Search\",\"currency\":\"USD\",\"pipeline\":700.00,\"revenue\":600.00,"
                                + "\"opportunities\":1.333334,\"won\":0.833334,\"touches\":3},",
                        "{\"channel\":\"Sales Outreach\",\"currency\":\"USD\",\"pipeline\":300.00,\"revenue\":300.00,"
                                + "\"opportunities\":0.333333,\"won\":0.333333,\"touches\":1},",
                        "{\"channel\":\"Webinar\",\"currency\":\"USD\",\"pipeline\":300.00,\"revenue\":300.00,"
                                + "\"opportunities\":0.333333,\"won\":0.333333,\"touches\":1},",
                        "{\"channel\":\"(unattributed)\",\"currency\":\"USD\",\"pipeline\":300.00,\"revenue\":0.00,"
                                + "\"opportunities\":1.000000,\"won\":0.000000,\"touches\":0}",
                        "]"),
                Files.readString(out, StandardCharsets.UTF_8));
        assertNoTemporaryFiles();
    }

    @Test
    void report_textHasTotalsAndNotes() {
        Cli cli = sample.run("report", "--model", "linear", "--format", "text", "--costs", sample.costs);
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(cli.out.startsWith("Report of model linear by channel\n"), cli.out);
        String total =
                cli.out.lines().filter(l -> l.startsWith("(total)")).findFirst().orElseThrow();
        assertEquals(
                List.of("(total)", "USD", "2,000.00", "1,500.00", "4.000000", "2.000000", "7", "900.00"),
                List.of(total.split("\\s+")).subList(0, 8));
        assertTrue(cli.out.contains("note: campaign 'Trade Show'"), cli.out);
        assertFalse(cli.err.contains("note:"), "the notes are in the text already: " + cli.err);
    }

    @Test
    void report_defaultsToWShaped() {
        Cli cli = sample.run("report");
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(
                cli.err.contains(
                        "credited to touches from all opportunities (won, lost and open): USD 1,700.00 by w-shaped"),
                cli.err);
        assertReconciles(cli.out, 1);
    }

    @Test
    void report_badDimensionIsAUsageError() throws IOException {
        Path out = dir.resolve("report.csv");
        Cli cli = sample.run("report", "--by", "channel", "--by", "region", "--out", out.toString());
        assertEquals(2, cli.exit, cli.toString());
        assertEquals(1, cli.err.lines().count(), cli.err);
        assertTrue(
                cli.err.startsWith("error: option --by: unknown report dimension 'region'; known dimensions:"),
                cli.err);
        assertTrue(cli.err.contains("channel, source, campaign"), cli.err);
        assertEquals("", cli.out);
        assertFalse(Files.exists(out));
        assertNoTemporaryFiles();
    }

    @Test
    void report_costsByADimensionTheyCannotSplitIsAUsageError() throws IOException {
        Path out = dir.resolve("report.csv");
        Cli cli = sample.run(
                "report", "--model", "linear", "--by", "source", "--costs", sample.costs, "--out", out.toString());
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(cli.err.contains("error: option --by: costs can be reported by campaign, channel"), cli.err);
        assertTrue(cli.err.contains("'source'"), cli.err);
        assertFalse(Files.exists(out));
        assertNoTemporaryFiles();
    }

    @Test
    void report_severalModelsIsAUsageError() {
        Cli cli = sample.run("report", "--model", "linear", "--model", "first-touch");
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(
                cli.err.startsWith("error: report takes one --model, but 2 were given (linear, first-touch);"),
                cli.err);
        assertEquals("", cli.out);
    }

    @Test
    void report_badFormatIsAUsageError() {
        Cli cli = sample.run("report", "--format", "xml");
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(cli.err.startsWith("error: option --format must be csv, json or text: 'xml'"), cli.err);
    }

    @Test
    void report_withIntervals_addsLowAndHighAfterEachSumAndKeepsTheEstimates() {
        Cli plain = sample.run("report", "--model", "linear");
        Cli cli = sample.run("report", "--model", "linear", "--intervals", "95", "--replicates", "30", "--seed", "4");
        assertEquals(0, cli.exit, cli.toString());
        List<String> lines = cli.out.lines().toList();
        assertEquals(
                "channel,currency,pipeline,pipeline_low,pipeline_high,revenue,revenue_low,revenue_high,"
                        + "opportunities,opportunities_low,opportunities_high,won,won_low,won_high,"
                        + "touches,touches_low,touches_high",
                lines.get(0));
        StringBuilder estimates = new StringBuilder();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            List<String> kept = new java.util.ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                if (i < 2 || (i - 2) % 3 == 0) {
                    kept.add(cells[i]);
                }
            }
            estimates.append(String.join(",", kept)).append('\n');
        }
        assertEquals(plain.out, estimates.toString());
        assertEquals(
                cli.out,
                sample.run("report", "--model", "linear", "--intervals", "95", "--replicates", "30", "--seed", "4")
                        .out);
        Cli text = sample.run("report", "--model", "linear", "--intervals", "95", "--format", "text");
        assertEquals(0, text.exit, text.toString());
        assertTrue(text.out.contains("95% intervals from 200 bootstrap replicates over accounts (seed 1)"), text.out);
        assertTrue(text.out.contains("400.00 ["), text.out);
    }

    @Test
    void report_intervalOptionsAreUsageErrorsWhereTheyCannotApply() {
        Cli alone = sample.run("report", "--replicates", "20");
        assertEquals(2, alone.exit, alone.toString());
        assertTrue(alone.err.startsWith("error: option --replicates needs --intervals LEVEL"), alone.err);
        Cli funnel = sample.run("report", "--intervals", "95", "--funnel", "default");
        assertEquals(2, funnel.exit, funnel.toString());
        assertTrue(funnel.err.startsWith("error: --intervals is not available for the funnel report"), funnel.err);
        Cli level = sample.run("report", "--intervals", "100");
        assertEquals(2, level.exit, level.toString());
        assertTrue(level.err.startsWith("error: option --intervals: interval level must be"), level.err);
    }

    @Test
    void help_report() {
        Cli cli = Cli.run("help", "report");
        assertEquals(0, cli.exit);
        assertTrue(cli.out.contains("--model NAME[:k=v,...]   the model; one only (default w-shaped)"), cli.out);
        assertTrue(cli.out.contains("--by DIM"), cli.out);
        assertTrue(cli.out.contains("first_touch_type, month"), cli.out);
        assertTrue(cli.out.contains("--format csv|json|text"), cli.out);
    }

    /**
     * The pipeline and revenue columns of a CSV report sum to the input amounts: 2000.00 of all
     * opportunities, 1500.00 of won ones; counts to 4 and 2.
     */
    private static void assertReconciles(String csv, int dimensions) {
        assertEquals(new BigDecimal("2000.00"), columnSum(csv, dimensions, 1));
        assertEquals(new BigDecimal("1500.00"), columnSum(csv, dimensions, 2));
        assertEquals(0, new BigDecimal("4").compareTo(columnSum(csv, dimensions, 3)), csv);
        assertEquals(0, new BigDecimal("2").compareTo(columnSum(csv, dimensions, 4)), csv);
    }

    /** The sum of the {@code k}-th column after the dimensions and the currency (pipeline is 1). */
    private static BigDecimal columnSum(String csv, int dimensions, int k) {
        return csv.lines()
                .skip(1)
                .map(l -> l.split(",", -1)[dimensions + k])
                .map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                            .toList());
        }
    }
}
