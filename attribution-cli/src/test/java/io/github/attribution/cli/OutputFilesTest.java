package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output files as the user names them: devices written in place, symbolic links followed, read-only
 * files and inputs never replaced, write errors naming the path, the rejects file only with a
 * successful run, stale temporary files removed.
 */
final class OutputFilesTest {
    @TempDir
    Path dir;

    private Sample sample;

    @BeforeEach
    void files() {
        sample = new Sample(dir);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertOneLine(Cli cli, int exit, String... fragments) {
        assertEquals(exit, cli.exit, cli.toString());
        assertEquals(1, cli.err.split("\n", -1).length - 1, "one line: " + cli.err);
        for (String f : fragments) {
            assertTrue(cli.err.contains(f), "'" + f + "' in: " + cli.err);
        }
        assertFalse(cli.err.contains("Exception"), cli.err);
    }

    @Test
    void attribute_outDevNull_writesInPlaceAndKeepsTheDevice() throws IOException {
        Cli cli = sample.run("attribute", "--model", "linear", "--out", "/dev/null");
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(Files.exists(Path.of("/dev/null")));
        assertFalse(Files.isRegularFile(Path.of("/dev/null")));
    }

    @Test
    void attribute_outDevFull_isAWriteErrorNamingThePath() throws IOException {
        Cli cli = sample.run("attribute", "--model", "linear", "--out", "/dev/full");
        assertOneLine(cli, 1, "error: cannot write '/dev/full': No space left on device");
        assertFalse(Files.isRegularFile(Path.of("/dev/full")));
    }

    @Test
    void report_outSymlink_replacesTheTargetNotTheLink() throws IOException {
        Path target = Files.writeString(dir.resolve("real.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target.getFileName());
        Cli cli = sample.run("report", "--model", "linear", "--out", link.toString());
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(target).startsWith("channel,"), Files.readString(target));
    }

    @Test
    void attribute_readOnlyOut_isNotReplaced() throws IOException {
        Path out = Files.writeString(dir.resolve("ro.csv"), "keep");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r--r--r--"));
        Cli cli = sample.run("attribute", "--model", "linear", "--out", out.toString());
        assertOneLine(cli, 2, "cannot write '" + out + "': the file is read-only");
        assertEquals("keep", Files.readString(out));
        assertFalse(names().stream().anyMatch(n -> n.endsWith(".tmp")), names().toString());
    }

    @Test
    void attribute_outIsAnInput_usageErrorAndInputKept() throws IOException {
        String before = Files.readString(Path.of(sample.opportunities));
        Cli cli = sample.run("attribute", "--model", "linear", "--out", sample.opportunities);
        assertOneLine(cli, 2, "--out '" + sample.opportunities + "' is the same file as --opportunities");
        assertEquals(before, Files.readString(Path.of(sample.opportunities)));
    }

    @Test
    void attribute_outIsAnInputThroughALink_usageError() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("alias.csv"), Path.of(sample.touchpoints));
        Cli cli = sample.run("attribute", "--model", "linear", "--out", link.toString());
        assertOneLine(cli, 2, "is the same file as --touchpoints");
    }

    @Test
    void attribute_rejectsSameAsOut_usageError() throws IOException {
        String out = dir.resolve("same.csv").toString();
        Cli cli = sample.run(
                "attribute", "--model", "linear", "--skip-invalid", "--rejects", out, "--out", dir + "/./same.csv");
        assertOneLine(cli, 2, "is the same file as --");
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void compare_outSameAsHtml_usageError() throws IOException {
        String out = dir.resolve("x").toString();
        Cli cli = sample.run("compare", "--model", "linear", "--model", "first-touch", "--out", out, "--html", out);
        assertOneLine(cli, 2, "--html '" + out + "' is the same file as --out");
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void attribute_devNullForTwoOutputs_allowed() {
        Cli cli = sample.run(
                "attribute", "--model", "linear", "--skip-invalid", "--rejects", "/dev/null", "--out", "/dev/null");
        assertEquals(0, cli.exit, cli.toString());
    }

    @Test
    void attribute_failedRun_commitsNoRejectsFile() throws IOException {
        String opportunities = Cli.file(
                dir,
                "opportunities.csv",
                "opportunity_id,account_id,amount,currency,created_at,closed_at,status",
                "O1,A,900.00,USD,2026-02-15,2026-03-20,won",
                "O2,B,lots,USD,2026-04-25,2026-07-10,won");
        Path rejects = dir.resolve("rejects.csv");
        Cli cli = Cli.run(
                "attribute",
                "--touchpoints",
                sample.touchpoints,
                "--opportunities",
                opportunities,
                "--model",
                "linear",
                "--skip-invalid",
                "--rejects",
                rejects.toString(),
                "--out",
                "/dev/full");
        assertEquals(1, cli.exit, cli.toString());
        assertFalse(Files.exists(rejects), "no rejects file for a failed run");
        assertFalse(names().stream().anyMatch(n -> n.endsWith(".tmp")), names().toString());

        Path out = dir.resolve("credits.csv");
        cli = Cli.run(
                "attribute",
                "--touchpoints",
                sample.touchpoints,
                "--opportunities",
                opportunities,
                "--model",
                "linear",
                "--skip-invalid",
                "--rejects",
                rejects.toString(),
                "--out",
                out.toString());
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(Files.readString(rejects).contains("'lots'"), Files.readString(rejects));
    }

    @Test
    void attribute_staleTemporaryFileOfAKilledRun_removed() throws IOException {
        Path stale = Files.writeString(dir.resolve(".credits.csv.2147483646.77.tmp"), "debris of a killed run");
        Cli cli = sample.run(
                "attribute",
                "--model",
                "linear",
                "--out",
                dir.resolve("credits.csv").toString());
        assertEquals(0, cli.exit, cli.toString());
        assertFalse(Files.exists(stale));
        assertFalse(names().stream().anyMatch(n -> n.endsWith(".tmp")), names().toString());
    }
}
