package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --html}: the comparison page with the leaderboard first. */
final class EvaluateCommandTest {
    @TempDir
    Path dir;

    private String[] evaluate(String... extra) {
        Path sim = dir.resolve("sim");
        String[] base = {
            "evaluate",
            "--touchpoints",
            sim.resolve("touchpoints.csv").toString(),
            "--opportunities",
            sim.resolve("opportunities.csv").toString(),
            "--truth",
            sim.resolve("truth.csv").toString(),
            "--model",
            "last-touch",
            "--model",
            "linear"
        };
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void evaluate_html_writesTheLeaderboardWithItsIntervals() throws Exception {
        Cli gen = Cli.run(
                "generate",
                "--scenario",
                "simple-split",
                "--opportunities",
                "300",
                "--seed",
                "5",
                "--out",
                dir.resolve("sim").toString());
        assertEquals(0, gen.exit, gen.toString());
        Path page = dir.resolve("board.html");
        Cli cli = Cli.run(
                evaluate("--intervals", "95", "--replicates", "30", "--html", page.toString(), "--format", "text"));
        assertEquals(0, cli.exit, cli.err);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.contains("<h2>Leaderboard against the true channel shares</h2>"), html);
        assertTrue(html.contains("scope=\"row\">last-touch</th>") && html.contains("scope=\"row\">linear</th>"), html);
        assertTrue(html.contains("95% intervals from 30 bootstrap replicates over accounts (seed 1)"), html);
        assertTrue(html.contains("<span class=\"ci\">["), "the error's interval");
        assertTrue(html.contains("<h2>Which differences are larger than the noise?</h2>"), html);
        // the rank and error of the first row are those of the text leaderboard
        String first = cli.out
                .lines()
                .filter(l -> l.trim().startsWith("1  "))
                .findFirst()
                .orElseThrow();
        String model = first.trim().split("\\s+")[1];
        assertTrue(html.contains("<td>1</td><th class=\"name\" scope=\"row\">" + model + "</th>"), first);

        Path plain = dir.resolve("plain.html");
        Cli without = Cli.run(evaluate("--html", plain.toString()));
        assertEquals(0, without.exit, without.err);
        String p = Files.readString(plain, StandardCharsets.UTF_8);
        assertTrue(p.contains("<h2>Leaderboard against the true channel shares</h2>"), p);
        assertFalse(p.contains("class=\"ci\""), "no intervals without --intervals");
    }

    @Test
    void evaluate_htmlIntoAMissingDirectory_isAUsageError() {
        Cli cli = Cli.run(evaluate("--html", dir.resolve("no/such/page.html").toString()));
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(cli.err.startsWith("error: option --html: cannot write"), cli.err);
    }

    @Test
    void evaluate_text_fitsTheTerminal() {
        Cli gen = Cli.run(
                "generate",
                "--scenario",
                "simple-split",
                "--opportunities",
                "300",
                "--seed",
                "5",
                "--out",
                dir.resolve("sim").toString());
        assertEquals(0, gen.exit, gen.toString());
        Cli wide = Cli.runWith(
                Map.of("COLUMNS", "400"), evaluate("--intervals", "95", "--replicates", "20", "--format", "text"));
        assertEquals(0, wide.exit, wide.err);
        assertTrue(
                wide.out.lines().anyMatch(l -> l.length() > 80), "the wide leaderboard is wider than 80:\n" + wide.out);
        Cli narrow = Cli.runWith(
                Map.of("COLUMNS", "80"), evaluate("--intervals", "95", "--replicates", "20", "--format", "text"));
        assertEquals(0, narrow.exit, narrow.err);
        narrow.out.lines().forEach(l -> assertTrue(l.length() <= 80, "longer than 80: '" + l + "'"));
        // the same rows, in blocks: every model still listed with its rank
        assertTrue(narrow.out.contains("last-touch") && narrow.out.contains("linear"), narrow.out);
    }
}
