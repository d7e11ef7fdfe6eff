package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.Models;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demo_printsTheComparisonOfEveryRuleBasedModel() {
        Cli cli = Cli.runWith(Map.of("COLUMNS", "400"), "demo"); // wide enough for one block
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(cli.out.startsWith("Every model on a generated sample of 300 opportunities"), cli.out);
        List<String> lines = cli.out.lines().toList();
        int header = lines.indexOf(
                lines.stream().filter(l -> l.startsWith("channel ")).findFirst().orElseThrow());
        List<String> columns = List.of(lines.get(header).trim().split("\\s+"));
        for (String model : Models.ruleBasedNames()) {
            assertTrue(columns.contains(model), model + " in " + columns);
        }
        assertTrue(cli.out.contains("\nPaid Search "), cli.out);
        // every model's column of shares adds up to 100% (each share rounded to 0.1%)
        int models = columns.size() - 2;
        BigDecimal[] sums = new BigDecimal[models];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        int channels = 0;
        for (String row : lines.subList(header + 2, lines.size())) {
            if (!row.endsWith(" pp")) {
                break;
            }
            channels++;
            String[] cells = row.split("\\s{2,}");
            for (int m = 0; m < models; m++) {
                String cell = cells[cells.length - 1 - models + m];
                sums[m] = sums[m].add(new BigDecimal(cell.substring(0, cell.length() - 1)));
            }
        }
        assertTrue(channels >= 5, cli.out);
        for (int m = 0; m < models; m++) {
            assertTrue(
                    sums[m].subtract(new BigDecimal("100")).abs().compareTo(new BigDecimal("0.6")) <= 0,
                    columns.get(m + 1) + " sums to " + sums[m]);
        }
        assertTrue(cli.err.contains("summary: generated (6,346 touchpoints, 300 opportunities, 928 people)"), cli.err);
    }

    @Test
    void demo_htmlWritesThePage() throws IOException {
        Path page = dir.resolve("demo.html");
        Cli cli = Cli.run("demo", "--html", page.toString());
        assertEquals(0, cli.exit, cli.toString());
        String html = Files.readString(page, StandardCharsets.UTF_8);
        for (String model : Models.ruleBasedNames()) {
            assertTrue(html.contains(model), model);
        }
        assertTrue(html.contains("Paid Search"), html);
        assertTrue(html.contains("<table class=\"heat\""), html);
        assertFalse(html.contains("http"), "loads nothing");
        assertTrue(cli.out.contains("Share of won revenue"), cli.out);
    }

    @Test
    void demo_endsWithTheSampleFunnelUnderWShaped() {
        Cli cli = Cli.run("demo");
        assertEquals(0, cli.exit, cli.toString());
        String funnel = cli.out.substring(cli.out.indexOf("Funnel lead > mql > sql > opportunity > proposal > won"));
        assertTrue(
                funnel.startsWith("Funnel lead > mql > sql > opportunity > proposal > won under model w-shaped"),
                funnel);
        // stage events credited to channels add up to the sample's events: 751 leads ... 76 won deals
        assertTrue(
                funnel.contains("(total)              USD       751.000000  361.000000  275.000000   300.000000"),
                funnel);
        assertTrue(funnel.contains("(total)              USD       76.000000  17,726,798.34  4,406,059.21"), funnel);
    }

    @Test
    void demo_fitsATerminalOf100Columns() {
        Cli cli = Cli.run("demo"); // COLUMNS unset: 100
        assertEquals(0, cli.exit, cli.toString());
        for (String line : cli.out.lines().toList()) {
            assertTrue(line.length() <= 100, line.length() + ": " + line);
        }
        // every model is still shown, in blocks that each start with the channel column
        for (String model : CompareCommand.defaultModels()) {
            assertTrue(cli.out.contains("  " + model), model);
        }
        assertTrue(cli.out.lines().filter(l -> l.startsWith("channel ")).count() > 1, cli.out);
        assertTrue(cli.out.contains("(total 4,406,059.21 under every model)"), cli.out);
    }

    @Test
    void demo_followsTheTerminalWidth() {
        Cli cli = Cli.runWith(Map.of("COLUMNS", "60"), "demo");
        assertEquals(0, cli.exit, cli.toString());
        for (String line : cli.out.lines().toList()) {
            if (line.startsWith("channel ") || line.startsWith("Paid Search ") || line.startsWith("---")) {
                assertTrue(line.length() <= 60, line.length() + ": " + line);
            }
        }
    }

    @Test
    void demo_fitsATerminalOf80Columns_textAndTablesAlike() {
        Cli cli = Cli.runWith(Map.of("COLUMNS", "80"), "demo");
        assertEquals(0, cli.exit, cli.toString());
        for (String line : cli.out.lines().toList()) {
            assertTrue(line.length() <= 80, line.length() + ": " + line);
        }
        // the sentence under the share table, broken between words
        assertTrue(
                cli.out.contains("Models disagree most on Sales Outreach: 94.4 percentage points between the\n"
                        + "highest and lowest share.\n"),
                cli.out);
    }

    @Test
    void demo_modelsChoosesTheColumns() {
        Cli cli = Cli.run("demo", "--models", "linear,w-shaped", "--model", "markov");
        assertEquals(0, cli.exit, cli.toString());
        String header = cli.out
                .lines()
                .filter(l -> l.startsWith("channel "))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("channel", "markov", "linear", "w-shaped", "spread"), List.of(header.split("\\s+")));
        assertTrue(cli.err.contains("by each of 3 models"), cli.err);
    }

    @Test
    void demo_modelsKeepsParametersTogether() {
        Cli cli = Cli.run("demo", "--models", "custom:first=0.5,last=0.5,linear");
        assertEquals(0, cli.exit, cli.toString());
        String header = cli.out
                .lines()
                .filter(l -> l.startsWith("channel "))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of("channel", "custom:first=0.5,last=0.5", "linear", "spread"), List.of(header.split("\\s+")));
    }

    @Test
    void demo_modelsRejectsARepeatedModel() {
        Cli cli = Cli.run("demo", "--models", "linear,linear");
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(cli.err.contains("repeats model 'linear'"), cli.err);
    }

    @Test
    void demo_summaryNamesWhichTotalIsWhich() {
        Cli cli = Cli.run("demo", "--models", "linear");
        assertTrue(cli.err.contains("76 won (won revenue USD 4,406,059.21)"), cli.err);
        assertTrue(
                cli.err.contains("credited to touches from all opportunities (won, lost and open): USD 17,484,298.34"),
                cli.err);
    }

    @Test
    void demo_takesNoDataOptions() {
        Cli cli = Cli.run("demo", "--touchpoints", "x.csv");
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(cli.err.contains("unknown option --touchpoints"), cli.err);
    }
}
