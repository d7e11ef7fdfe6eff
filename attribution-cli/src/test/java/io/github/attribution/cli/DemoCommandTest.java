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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demo_printsTheComparisonOfEveryRuleBasedModel() {
        Cli cli = Cli.run("demo");
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
        assertTrue(cli.err.contains("summary: read"), cli.err);
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
        assertTrue(html.contains("<svg"), html);
        assertFalse(html.contains("http"), "loads nothing");
        assertTrue(cli.out.contains("Share of won revenue"), cli.out);
    }

    @Test
    void demo_takesNoDataOptions() {
        Cli cli = Cli.run("demo", "--touchpoints", "x.csv");
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(cli.err.contains("unknown option --touchpoints"), cli.err);
    }
}
