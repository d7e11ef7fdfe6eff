package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against values written to hurt: overflowing sums, line breaks and terminal escapes
 * in values, spreadsheet formulas in names, a byte-order mark before a quoted header, a repeated
 * model, an out-of-range lookback.
 */
final class HostileValuesTest {
    private static final String TOUCH_HEADER = "touchpoint_id,account_id,occurred_at,channel,campaign";
    private static final String OPP_HEADER = "opportunity_id,account_id,amount,currency,created_at,closed_at,status";

    @TempDir
    Path dir;

    private String touchpoints(String... rows) {
        return Cli.file(
                dir,
                "touchpoints.csv",
                Stream.concat(Stream.of(TOUCH_HEADER), Stream.of(rows)).toArray(String[]::new));
    }

    private String opportunities(String... rows) {
        return Cli.file(
                dir,
                "opportunities.csv",
                Stream.concat(Stream.of(OPP_HEADER), Stream.of(rows)).toArray(String[]::new));
    }

    private static void assertDataError(Cli cli, String expected) {
        assertEquals(2, cli.exit, cli.toString());
        assertEquals("", cli.out, "nothing written before the error");
        assertEquals("error: " + expected + "\n", cli.err);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void attributeReportCompare_amountsOverflowingTheirSum_dataErrorBeforeAnyOutput() throws IOException {
        String t = touchpoints("t1,A,2026-01-01T00:00:00Z,Email,", "t2,B,2026-01-01T00:00:00Z,Web,");
        String o = opportunities(
                "O1,A,92233720368547758.07,USD,2026-01-02,2026-01-05,won",
                "O2,B,92233720368547758.07,USD,2026-01-02,2026-01-05,won");
        String expected = "opportunities.csv line 3, column amount: '92233720368547758.07' takes the sum of USD"
                + " amounts past 92233720368547758.07, the largest sum of one currency's amounts supported";
        for (String command : new String[] {"attribute", "report", "compare"}) {
            Cli cli = Cli.run(command, "--touchpoints", t, "--opportunities", o, "--model", "linear");
            assertDataError(cli, expected);
        }
        Cli cli = Cli.run(
                "attribute",
                "--touchpoints",
                t,
                "--opportunities",
                o,
                "--model",
                "linear",
                "--out",
                dir.resolve("out.csv").toString());
        assertEquals(2, cli.exit, cli.toString());
        assertEquals(List.of("opportunities.csv", "touchpoints.csv"), files());
    }

    @Test
    void report_costsOverflowingTheirSum_dataError() {
        String t = touchpoints("t1,A,2026-01-01T00:00:00Z,Email,Spring");
        String o = opportunities("O1,A,10.00,USD,2026-01-02,2026-01-05,won");
        String costs = Cli.file(
                dir, "costs.csv", "campaign,cost,currency", "Spring,92233720368547758.07,USD", "Spring,0.01,USD");
        Cli cli = Cli.run("report", "--touchpoints", t, "--opportunities", o, "--costs", costs, "--by", "campaign");
        assertDataError(
                cli,
                "costs.csv line 3, column cost: '0.01' takes the sum of USD costs past 92233720368547758.07, the"
                        + " largest sum of one currency's costs supported");
    }

    @Test
    void attribute_lookbackPastItsRange_usageErrorStatingTheRange() {
        String t = touchpoints("t1,A,2026-01-01T00:00:00Z,Email,");
        String o = opportunities("O1,A,10.00,USD,2026-01-02,2026-01-05,won");
        Cli cli = Cli.run(
                "attribute",
                "--touchpoints",
                t,
                "--opportunities",
                o,
                "--model",
                "linear",
                "--lookback-days",
                "9223372036854775807");
        assertEquals(2, cli.exit, cli.toString());
        assertEquals(
                "error: option --lookback-days must be a whole number from 0 to 106751: '9223372036854775807'"
                        + " (see 'help attribute')\n",
                cli.err);
    }

    @Test
    void attribute_sameModelTwice_usageError() {
        String t = touchpoints("t1,A,2026-01-01T00:00:00Z,Email,");
        String o = opportunities("O1,A,10.00,USD,2026-01-02,2026-01-05,won");
        Cli cli = Cli.run(
                "attribute", "--touchpoints", t, "--opportunities", o, "--model", "linear", "--model", "linear");
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(cli.err.startsWith("error: --model linear is given twice; give each model once"), cli.err);
        Cli distinct = Cli.run(
                "attribute",
                "--touchpoints",
                t,
                "--opportunities",
                o,
                "--model",
                "time-decay",
                "--model",
                "time-decay:half-life-days=3");
        assertEquals(0, distinct.exit, distinct.toString());
    }

    @Test
    void error_valueWithLineBreakAndEscapes_isOneEscapedLine() {
        String t = touchpoints("t1,A,2026-01-01T00:00:00Z,Email,");
        String o = opportunities("O1,A,\"1\r\nerror: none\u001b[2J\u0007\",USD,2026-01-02,2026-01-05,won");
        Cli cli = Cli.run("attribute", "--touchpoints", t, "--opportunities", o, "--model", "linear");
        assertDataError(
                cli,
                "opportunities.csv line 2, column amount: '1\\r\\nerror: none\\u001b[2J\\u0007' is not a plain"
                        + " decimal; expected digits with an optional '.', such as 1250.50");
    }

    @Test
    void error_unknownOptionWithEscapes_isEscaped() {
        Cli cli = Cli.run("attribute", "--\u001b]0;pwned\u0007");
        assertEquals(2, cli.exit);
        assertEquals(
                "error: unknown option --\\u001b]0;pwned\\u0007 (see 'help attribute')\n", cli.err, cli.toString());
    }

    @Test
    void attribute_byteOrderMarkBeforeAQuotedHeader_accepted() throws IOException {
        Path t = dir.resolve("touchpoints.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "\"touchpoint_id\",\"account_id\",\"occurred_at\",\"channel\"\nt1,A,2026-01-01T00:00:00Z,Email\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(t, all);
        String o = opportunities("O1,A,10.00,USD,2026-01-02,2026-01-05,won");
        Cli cli = Cli.run("attribute", "--touchpoints", t.toString(), "--opportunities", o, "--model", "linear");
        assertEquals(0, cli.exit, cli.toString());
        assertEquals(
                "model,opportunity_id,touchpoint_id,channel,campaign,weight,credit,currency\n"
                        + "linear,O1,t1,Email,,1.000000000000,10.00,USD\n",
                cli.out);
    }

    @Test
    void reportAndCompareCsv_formulaLikeNames_getAnApostrophe() {
        String t = touchpoints(
                "t1,A,2026-01-01T00:00:00Z,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",@camp",
                "t2,A,2026-01-01T00:00:00Z,-Direct,+c");
        String o = opportunities("O1,A,10.00,USD,2026-01-02,2026-01-05,won");
        Cli report = Cli.run(
                "report", "--touchpoints", t, "--opportunities", o, "--model", "linear", "--by", "channel,campaign");
        assertEquals(0, report.exit, report.toString());
        assertTrue(report.out.contains("\n-Direct,") == false && report.out.contains("'-Direct,'+c,"), report.out);
        assertTrue(report.out.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@camp,"), report.out);
        Cli compare = Cli.run(
                "compare", "--touchpoints", t, "--opportunities", o, "--model", "linear", "--model", "first-touch");
        assertEquals(0, compare.exit, compare.toString());
        assertTrue(compare.out.contains(",'-Direct,linear,"), compare.out);
        assertFalse(compare.out.contains(",=HYPERLINK"), compare.out);
    }

    @Test
    void attribute_csvSafe_prefixesFormulasAndDefaultStaysLossless() {
        String t = touchpoints("=t1,A,2026-01-01T00:00:00Z,+Email,@c", "-5,A,2026-01-01T00:00:00Z,Web,-2");
        String o = opportunities("=O1,A,10.00,USD,2026-01-02,2026-01-05,won");
        Cli plain = Cli.run("attribute", "--touchpoints", t, "--opportunities", o, "--model", "linear");
        assertEquals(0, plain.exit, plain.toString());
        assertTrue(plain.out.contains("linear,=O1,=t1,+Email,@c,"), plain.out);
        Cli safe = Cli.run("attribute", "--touchpoints", t, "--opportunities", o, "--model", "linear", "--csv-safe");
        assertEquals(0, safe.exit, safe.toString());
        assertTrue(safe.out.contains("linear,'=O1,'=t1,'+Email,'@c,"), safe.out);
        assertTrue(safe.out.contains("linear,'=O1,-5,Web,-2,"), "plain numbers stay: " + safe.out);
    }

    @Test
    void rejects_formulaLikeValues_getAnApostrophe() throws IOException {
        String t = touchpoints("t1,A,2026-01-01T00:00:00Z,Email,");
        String o = opportunities("O1,A,10.00,USD,2026-01-02,2026-01-05,won", "O2,A,=1+1,USD,2026-01-02,2026-01-05,won");
        Path rejects = dir.resolve("rejects.csv");
        Cli cli = Cli.run(
                "attribute",
                "--touchpoints",
                t,
                "--opportunities",
                o,
                "--model",
                "linear",
                "--skip-invalid",
                "--rejects",
                rejects.toString());
        assertEquals(0, cli.exit, cli.toString());
        String text = Files.readString(rejects);
        assertTrue(text.contains(",amount,'=1+1,"), text);
        assertFalse(text.contains(",amount,=1+1"), text);
    }

    @Test
    void compareText_bidiOverrideInAChannel_isEscaped() {
        String t = touchpoints("t1,A,2026-01-01T00:00:00Z,Mail\u202egnp.exe,");
        String o = opportunities("O1,A,10.00,USD,2026-01-02,2026-01-05,won");
        Cli cli = Cli.run(
                "compare",
                "--touchpoints",
                t,
                "--opportunities",
                o,
                "--model",
                "linear",
                "--model",
                "first-touch",
                "--format",
                "text");
        assertEquals(0, cli.exit, cli.toString());
        assertFalse(cli.out.contains("\u202e"), cli.out);
        assertTrue(cli.out.contains("Mail\\u202egnp.exe"), cli.out);
        assertEquals("&lt;Mail\\u202e&gt;", HtmlReport.escape("<Mail\u202e>"));
    }
}
