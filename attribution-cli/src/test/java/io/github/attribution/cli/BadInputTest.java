package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of bad input: exit code 2, one line naming file, line, column and value, no --out. */
final class BadInputTest {
    private static final String OPP_HEADER = "opportunity_id,account_id,amount,currency,created_at,closed_at,status";

    @TempDir
    Path dir;

    private String touchpoints;
    private Path out;

    @BeforeEach
    void files() {
        touchpoints = Cli.file(
                dir,
                "touchpoints.csv",
                "touchpoint_id,account_id,occurred_at,channel",
                "t1,A,2026-01-01T00:00:00Z,Paid Search",
                "t2,A,2026-01-02T00:00:00Z,Email");
        out = dir.resolve("credits.csv");
    }

    private Cli attribute(String touchpointsFile, String opportunitiesFile, String... model) {
        return Cli.run(
                "attribute",
                "--touchpoints",
                touchpointsFile,
                "--opportunities",
                opportunitiesFile,
                "--model",
                model.length == 0 ? "linear" : model[0],
                "--out",
                out.toString());
    }

    private String opportunities(String... rows) {
        String[] lines = Stream.concat(Stream.of(OPP_HEADER), Stream.of(rows)).toArray(String[]::new);
        return Cli.file(dir, "opportunities.csv", lines);
    }

    /** Exit code 2, exactly one line on standard error containing every fragment, and no output file. */
    private void assertRejected(Cli cli, String... fragments) throws IOException {
        assertEquals(2, cli.exit, cli.toString());
        String[] lines = cli.err.split("\n");
        assertEquals(1, lines.length, "one line: " + cli.err);
        assertTrue(lines[0].startsWith("error: "), cli.err);
        for (String f : fragments) {
            assertTrue(cli.err.contains(f), "'" + f + "' in: " + cli.err);
        }
        assertFalse(cli.err.contains("Exception"), "no stack trace or exception name: " + cli.err);
        assertFalse(Files.exists(out), "no output file");
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file");
        }
    }

    @Test
    void attribute_malformedInstant() throws IOException {
        String bad = Cli.file(
                dir,
                "touchpoints.csv",
                "touchpoint_id,account_id,occurred_at,channel",
                "t1,A,2026-01-01T00:00:00Z,Paid Search",
                "t2,A,yesterday,Email");
        assertRejected(
                attribute(bad, opportunities("O1,A,100,USD,2026-01-01,2026-01-05,won")),
                "touchpoints.csv line 3, column occurred_at: 'yesterday' is not a date or an instant");
    }

    @Test
    void attribute_instantWithoutZone() throws IOException {
        String bad = Cli.file(
                dir, "touchpoints.csv", "touchpoint_id,account_id,occurred_at,channel", "t1,A,2026-01-01T09:30:00,Web");
        assertRejected(
                attribute(bad, opportunities("O1,A,100,USD,2026-01-01,2026-01-05,won")),
                "touchpoints.csv line 2, column occurred_at: '2026-01-01T09:30:00' has no time zone");
    }

    @Test
    void attribute_missingRequiredColumn() throws IOException {
        String opps = Cli.file(
                dir, "opportunities.csv", "opportunity_id,account_id,created_at,status", "O1,A,2026-01-01,open");
        assertRejected(
                attribute(touchpoints, opps),
                "opportunities.csv line 1, column amount: missing required column 'amount'");
    }

    @Test
    void attribute_duplicateId() throws IOException {
        String dup = Cli.file(
                dir,
                "touchpoints.csv",
                "touchpoint_id,account_id,occurred_at,channel",
                "t1,A,2026-01-01T00:00:00Z,Paid Search",
                "\"multi",
                "line\",A,2026-01-01T00:00:00Z,Paid Search",
                "t1,A,2026-01-02T00:00:00Z,Email");
        // the quoted id spans lines 3-4, so the duplicate is on physical line 5
        assertRejected(
                attribute(dup, opportunities("O1,A,100,USD,2026-01-01,2026-01-05,won")),
                "touchpoints.csv line 5, column touchpoint_id: duplicate touchpoint_id: 't1'");
    }

    @Test
    void attribute_unknownCurrency() throws IOException {
        assertRejected(
                attribute(touchpoints, opportunities("O1,A,100,XYZ,2026-01-01,2026-01-05,won")),
                "opportunities.csv line 2, column currency: 'XYZ' is not a known ISO 4217 currency code");
    }

    @Test
    void attribute_tooManyDecimals() throws IOException {
        assertRejected(
                attribute(
                        touchpoints,
                        opportunities(
                                "O1,A,100.500,USD,2026-01-01,2026-01-05,won",
                                "O2,A,1,USD,2026-01-01,2026-01-05,won",
                                "O3,A,2,USD,2026-01-01,2026-01-05,won",
                                "O4,A,3,USD,2026-01-01,2026-01-05,won",
                                "O5,A,4,USD,2026-01-01,2026-01-05,won",
                                "O6,A,12.345,USD,2026-01-01,2026-01-05,won")),
                "opportunities.csv line 7, column amount: '12.345' has more than 2 decimal digits for USD");
    }

    @Test
    void attribute_jpyWithDecimals() throws IOException {
        assertRejected(
                attribute(touchpoints, opportunities("O1,A,100.5,JPY,2026-01-01,2026-01-05,won")),
                "opportunities.csv line 2, column amount: '100.5' has more than 0 decimal digits for JPY");
    }

    @Test
    void attribute_negativeAmount() throws IOException {
        assertRejected(
                attribute(touchpoints, opportunities("O1,A,-5,USD,2026-01-01,2026-01-05,won")),
                "opportunities.csv line 2, column amount: '-5' is negative");
    }

    @Test
    void attribute_wonWithoutCloseDate() throws IOException {
        assertRejected(
                attribute(touchpoints, opportunities("O1,A,100,USD,2026-01-01,,won")),
                "opportunities.csv line 2, column closed_at: closed_at is required for a won opportunity");
    }

    @Test
    void attribute_closeBeforeCreation() throws IOException {
        assertRejected(
                attribute(touchpoints, opportunities("O1,A,100,USD,2026-02-01,2026-01-05,lost")),
                "opportunities.csv line 2, column closed_at: closed_at 2026-01-05T00:00:00Z is before created_at"
                        + " 2026-02-01T00:00:00Z");
    }

    @Test
    void attribute_badStatus() throws IOException {
        assertRejected(
                attribute(touchpoints, opportunities("O1,A,100,USD,2026-02-01,2026-03-05,maybe")),
                "opportunities.csv line 2, column status: status must be 'open', 'won' or 'lost': 'maybe'");
    }

    @Test
    void attribute_unknownModel() throws IOException {
        assertRejected(
                attribute(touchpoints, opportunities("O1,A,100,USD,2026-01-01,2026-01-05,won"), "nope"),
                "--model nope: unknown model 'nope'");
    }

    @Test
    void attribute_missingFile() throws IOException {
        assertRejected(
                attribute(touchpoints, dir.resolve("absent.csv").toString()),
                "option --opportunities: cannot read file");
    }

    @Test
    void attribute_unknownOption() throws IOException {
        assertRejected(Cli.run("attribute", "--bogus", "1", "--out", out.toString()), "unknown option --bogus");
    }

    @Test
    void main_unknownCommand() {
        Cli cli = Cli.run("frobnicate");
        assertEquals(2, cli.exit);
        assertTrue(cli.err.contains("unknown command 'frobnicate'"), cli.err);
    }
}
