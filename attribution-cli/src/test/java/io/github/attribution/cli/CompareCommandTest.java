package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.ModelInfo;
import io.github.attribution.Models;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} end to end on {@link Sample}. Won revenue is 1500.00: O1's 900.00 over Paid Search,
 * Webinar and Sales Outreach, O2's 600.00 over Paid Search and Email.
 */
final class CompareCommandTest {
    private static final List<String> CHANNELS = List.of("Paid Search", "Webinar", "Sales Outreach", "Email");

    @TempDir
    Path dir;

    private Sample sample;

    @BeforeEach
    void files() {
        sample = new Sample(dir);
    }

    @Test
    void compare_defaultsToCsvLikeEveryCommand() {
        Cli cli = sample.run("compare", "--model", "first-touch");
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(cli.out.startsWith("basis,currency,channel,model,amount,share,spread\n"), cli.out);
    }

    @Test
    void compare_textHasEveryChannelAndDefaultModel() {
        Cli cli = sample.run("compare", "--format", "text");
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(
                cli.out.startsWith("Share of won revenue by channel, USD (total 1,500.00 under every model)\n"),
                cli.out);
        // at 100 columns (the width when COLUMNS is unset) the models come in blocks, each led by the channel
        List<String> columns = new ArrayList<>(List.of("channel"));
        cli.out.lines().filter(l -> l.startsWith("channel ")).forEach(l -> {
            List<String> cells = List.of(l.trim().split("\\s+"));
            columns.addAll(cells.subList(1, cells.size()));
        });
        assertTrue(cli.out.lines().allMatch(l -> l.length() <= 100), cli.out);
        List<String> expected = new ArrayList<>(List.of("channel"));
        expected.addAll(CompareCommand.defaultModels());
        expected.add("spread");
        assertEquals(expected, columns);
        for (String channel : CHANNELS) {
            assertTrue(cli.out.contains("\n" + channel + " "), channel + " in " + cli.out);
        }
        assertTrue(cli.out.contains("Spearman rank correlation"), cli.out);
        assertTrue(
                cli.err.contains(
                        "credited to touches from all opportunities (won, lost and open): USD 1,700.00 by each of "
                                + CompareCommand.defaultModels().size() + " models"),
                cli.err);
    }

    @Test
    void compare_textOfThreeModels() {
        Cli cli = sample.run(
                "compare", "--format", "text", "--model", "first-touch", "--model", "last-touch", "--model", "linear");
        assertEquals(0, cli.exit, cli.toString());
        // channels by their total over the models: Paid Search 2100, Sales Outreach 1200, Email 900, Webinar 300
        List<List<String>> rows = cli.out
                .lines()
                .skip(3)
                .limit(4)
                .map(l -> List.of(l.split("\\s{2,}")))
                .toList();
        assertEquals(
                List.of(
                        List.of("Paid Search", "100.0%", "0.0%", "40.0%", "100.0 pp"),
                        List.of("Sales Outreach", "0.0%", "60.0%", "20.0%", "60.0 pp"),
                        List.of("Email", "0.0%", "40.0%", "20.0%", "40.0 pp"),
                        List.of("Webinar", "0.0%", "0.0%", "20.0%", "20.0 pp")),
                rows);
        assertTrue(cli.out.contains("Models disagree most on Paid Search: 100.0 percentage points"), cli.out);
    }

    @Test
    void compare_csvRows() throws IOException {
        Path out = dir.resolve("compare.csv");
        Cli cli = sample.run(
                "compare",
                "--model",
                "first-touch",
                "--model",
                "last-touch",
                "--model",
                "linear",
                "--format",
                "csv",
                "--out",
                out.toString());
        assertEquals(0, cli.exit, cli.toString());
        assertEquals("", cli.out);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("basis,currency,channel,model,amount,share,spread", lines.get(0));
        assertEquals(1 + CHANNELS.size() * 3, lines.size(), lines.toString());
        assertEquals(
                List.of(
                        "revenue,USD,Email,first-touch,0.00,0.000000,0.400000",
                        "revenue,USD,Email,last-touch,600.00,0.400000,0.400000",
                        "revenue,USD,Email,linear,300.00,0.200000,0.400000"),
                lines.stream().filter(l -> l.contains(",Email,")).toList());
        assertEquals(
                List.of(
                        "revenue,USD,Paid Search,first-touch,1500.00,1.000000,1.000000",
                        "revenue,USD,Paid Search,last-touch,0.00,0.000000,1.000000",
                        "revenue,USD,Paid Search,linear,600.00,0.400000,1.000000"),
                lines.subList(1, 4));
    }

    @Test
    void compare_pipelineBasisIncludesOpenAndLostAndUnattributed() {
        Cli cli = sample.run(
                "compare", "--model", "first-touch", "--model", "last-touch", "--basis", "pipeline", "--format", "csv");
        assertEquals(0, cli.exit, cli.toString());
        // first touch: O1 900 + O2 600 + O4 200 to Paid Search; last touch: O1 to Sales Outreach, O2 and O4
        // to Email; O3's 300 unattributed under both
        assertEquals(
                String.join(
                        "\n",
                        "basis,currency,channel,model,amount,share,spread",
                        "pipeline,USD,Paid Search,first-touch,1700.00,0.850000,0.850000",
                        "pipeline,USD,Paid Search,last-touch,0.00,0.000000,0.850000",
                        "pipeline,USD,Sales Outreach,first-touch,0.00,0.000000,0.450000",
                        "pipeline,USD,Sales Outreach,last-touch,900.00,0.450000,0.450000",
                        "pipeline,USD,Email,first-touch,0.00,0.000000,0.400000",
                        "pipeline,USD,Email,last-touch,800.00,0.400000,0.400000",
                        "pipeline,USD,(unattributed),first-touch,300.00,0.150000,0.000000",
                        "pipeline,USD,(unattributed),last-touch,300.00,0.150000,0.000000",
                        ""),
                cli.out);
    }

    @Test
    void compare_jsonHasSharesAndCorrelations() {
        Cli cli = sample.run("compare", "--model", "first-touch", "--model", "linear", "--format", "json");
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(cli.out.startsWith("{\"shares\":["), cli.out);
        assertTrue(
                cli.out.contains("{\"basis\":\"revenue\",\"currency\":\"USD\",\"channel\":\"Paid Search\","
                        + "\"model\":\"linear\",\"amount\":600.00,\"share\":0.400000,\"spread\":0.600000}"),
                cli.out);
        assertTrue(
                cli.out.contains("{\"basis\":\"revenue\",\"currency\":\"USD\",\"model_a\":\"first-touch\","
                        + "\"model_b\":\"linear\",\"spearman\":"),
                cli.out);
    }

    @Test
    void compare_htmlIsSelfContainedWithEveryChannelAndModel() throws IOException {
        Path page = dir.resolve("compare.html");
        Cli cli = sample.run("compare", "--format", "text", "--html", page.toString());
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(cli.out.startsWith("Share of won revenue"), "the table still goes to standard output");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<table class=\"heat\""), html);
        for (String channel : CHANNELS) {
            assertTrue(html.contains(channel), channel);
        }
        for (String model : CompareCommand.defaultModels()) {
            assertTrue(html.contains(model), model);
        }
        assertFalse(html.contains("http"), "loads nothing");
        assertNoTemporaryFiles();
    }

    @Test
    void compare_htmlIsNotWrittenWhenTheRunFails() throws IOException {
        Path page = dir.resolve("compare.html");
        Path out = dir.resolve("compare.csv");
        String bad = Cli.file(
                dir,
                "bad.csv",
                "opportunity_id,account_id,amount,currency,created_at,closed_at,status",
                "O1,A,12.345,USD,2026-02-15,2026-03-20,won");
        Cli cli = Cli.run(
                "compare",
                "--touchpoints",
                sample.touchpoints,
                "--opportunities",
                bad,
                "--html",
                page.toString(),
                "--out",
                out.toString());
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(cli.err.contains("12.345"), cli.err);
        assertFalse(Files.exists(page));
        assertFalse(Files.exists(out));
        assertNoTemporaryFiles();
    }

    @Test
    void compare_htmlInAMissingDirectoryIsAUsageError() {
        Path page = dir.resolve("missing").resolve("compare.html");
        Cli cli = sample.run("compare", "--html", page.toString());
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(cli.err.startsWith("error: option --html: cannot write"), cli.err);
        assertTrue(cli.err.contains("its directory does not exist"), cli.err);
        assertEquals("", cli.out);
    }

    @Test
    void compare_badBasisIsAUsageError() {
        Cli cli = sample.run("compare", "--basis", "profit");
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(
                cli.err.startsWith("error: option --basis: comparison basis must be 'revenue' or 'pipeline': 'profit'"),
                cli.err);
    }

    @Test
    void compare_aModelGivenTwiceIsAUsageError() {
        Cli cli = sample.run(
                "compare", "--model", "time-decay", "--model", "linear", "--model", "time-decay:half-life-days=7");
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(
                cli.err.startsWith("error: --model time-decay:half-life-days=7 repeats model 'time-decay';"), cli.err);
    }

    @Test
    void defaultModels_everyCatalogModelButCustom() {
        List<String> expected = new ArrayList<>();
        for (ModelInfo m : Models.catalog()) {
            if (!m.name().equals("custom")) {
                expected.add(m.name());
            }
        }
        List<String> models = CompareCommand.defaultModels();
        assertEquals(expected.size(), models.size(), models.toString());
        assertTrue(models.containsAll(expected), models.toString());
        assertEquals(
                Models.ruleBasedNames(),
                models.subList(0, Models.ruleBasedNames().size()));
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                            .toList());
        }
    }

    @Test
    void compare_modelsTakesACommaSeparatedList() {
        Cli cli = sample.run("compare", "--models", "first-touch,last-touch");
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(cli.out.contains(",first-touch,"), cli.out);
        assertTrue(cli.out.contains(",last-touch,"), cli.out);
        assertEquals(sample.run("compare", "--model", "first-touch", "--model", "last-touch").out, cli.out);
    }

    @Test
    void compare_textFollowsColumns() {
        Cli wide = Cli.runWith(
                java.util.Map.of("COLUMNS", "300"),
                "compare",
                "--touchpoints",
                sample.touchpoints,
                "--opportunities",
                sample.opportunities,
                "--format",
                "text");
        assertEquals(0, wide.exit, wide.toString());
        assertEquals(1, wide.out.lines().filter(l -> l.startsWith("channel ")).count(), wide.out);
    }
}
