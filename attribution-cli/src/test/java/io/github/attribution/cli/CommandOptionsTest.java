package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each command takes, and its help lists, only the options it uses; usage errors come before any file
 * is read or warning printed; {@code --format} means the same everywhere; the help's examples write
 * under {@code out/}, which {@code .gitignore} covers.
 */
final class CommandOptionsTest {
    @TempDir
    Path dir;

    @Test
    void costs_isAnOptionOfReportOnly() {
        for (Command c : Main.COMMANDS) {
            boolean listed = HelpCommand.help(c).contains("--costs FILE");
            boolean taken = c.options().valued().contains("costs");
            assertEquals(c.name().equals("report"), listed, c.name() + " help: " + HelpCommand.help(c));
            assertEquals(c.name().equals("report"), taken, c.name());
        }
        for (String command : List.of("attribute", "compare", "evaluate")) {
            Cli cli = new Sample(dir).run(command, "--model", "linear", "--costs", "costs.csv");
            assertEquals(2, cli.exit, cli.toString());
            assertEquals("error: unknown option --costs (see 'help " + command + "')\n", cli.err);
            assertEquals("", cli.out);
        }
        Cli typo = new Sample(dir).run("report", "--cost", "costs.csv");
        assertEquals("error: unknown option --cost; did you mean '--costs'? (see 'help report')\n", typo.err);
    }

    @Test
    void evaluate_takesModelsLikeCompare() {
        Path sim = dir.resolve("sim");
        Cli gen = Cli.run(
                "generate",
                "--opportunities",
                "300",
                "--seed",
                "2",
                "--scenario",
                "simple-split",
                "--out",
                sim.toString());
        assertEquals(0, gen.exit, gen.toString());
        String[] files = {
            "--touchpoints",
            sim.resolve("touchpoints.csv").toString(),
            "--opportunities",
            sim.resolve("opportunities.csv").toString(),
            "--truth",
            sim.resolve("truth.csv").toString()
        };
        Cli cli = Cli.run(concat(files, "evaluate", "--models", "linear,markov"));
        assertEquals(0, cli.exit, cli.toString());
        List<String> rows = cli.out.lines().skip(1).toList();
        assertEquals(2, rows.size(), cli.out);
        assertTrue(rows.stream().anyMatch(r -> r.contains(",linear,")), cli.out);
        assertTrue(rows.stream().anyMatch(r -> r.contains(",markov,")), cli.out);
        Cli twice = Cli.run(concat(files, "evaluate", "--models", "linear,markov", "--model", "linear"));
        assertEquals(2, twice.exit, twice.toString());
        assertEquals(
                "error: --model linear repeats model 'linear'; compare each model once (see 'help evaluate')\n",
                twice.err);
    }

    private static String[] concat(String[] files, String command, String... more) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(files));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void help_listsExactlyTheOptionsACommandTakes() {
        Pattern option = Pattern.compile("(?m)^  --([a-z-]+)");
        for (Command c : Main.COMMANDS) {
            List<String> listed = new ArrayList<>();
            Matcher m = option.matcher(c.usage());
            while (m.find()) {
                listed.add(m.group(1));
            }
            List<String> taken = new ArrayList<>(c.options().valued());
            taken.addAll(c.options().flags());
            assertEquals(
                    taken.stream().sorted().toList(), listed.stream().sorted().toList(), c.name());
        }
    }

    @Test
    void report_costsByADimensionCostsHaveNot_isAUsageErrorBeforeAnyWarning() {
        Sample s = new Sample(dir);
        // w-shaped (the default) without --people would warn about lead-creation dates
        Cli cli = s.run("report", "--costs", s.costs, "--by", "source");
        assertEquals(2, cli.exit, cli.toString());
        assertEquals(
                "error: option --by: costs can be reported by campaign, channel, month, quarter and year only, but"
                        + " the report also groups by 'source' (see 'help report')\n",
                cli.err);
        // checked before the files are read: a costs file that does not exist is not reached
        Cli missing = s.run("report", "--costs", dir.resolve("none.csv").toString(), "--by", "source");
        assertEquals(cli.err, missing.err);
    }

    @Test
    void report_funnelOptions_areCheckedBeforeAnyWarning() {
        Sample s = new Sample(dir);
        Cli conversion = s.run("report", "--conversion", dir.resolve("c.csv").toString());
        assertEquals(2, conversion.exit, conversion.toString());
        assertEquals(
                "error: --conversion needs the funnel report (--funnel or --stages) (see 'help report')\n",
                conversion.err);
        Cli funnel = s.run("report", "--funnel", "lead,,won");
        assertEquals(2, funnel.exit, funnel.toString());
        assertTrue(funnel.err.startsWith("error: option --funnel: "), funnel.err);
        assertEquals(1, funnel.err.lines().count(), funnel.err);
    }

    @Test
    void attribute_customStageTypo_isAUsageErrorBeforeTheLeadWarning() {
        Sample s = new Sample(dir);
        Cli cli = s.run("attribute", "--model", "w-shaped", "--model", "custom:first=0.5,mqll=0.5");
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(
                cli.err.startsWith("error: --model custom:first=0.5,mqll=0.5: no record entered stage 'mqll'"),
                cli.err);
        assertFalse(cli.err.contains("warning"), cli.err);
    }

    @Test
    void attribute_formatText_isRefusedPointingToTheTables() {
        Cli cli = new Sample(dir).run("attribute", "--model", "linear", "--format", "text");
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(cli.err.startsWith("error: attribute writes --format csv or json"), cli.err);
        assertTrue(cli.err.contains("'report --format text'"), cli.err);
        Cli bad = new Sample(dir).run("attribute", "--model", "linear", "--format", "xml");
        assertEquals("error: option --format must be csv, json or text: 'xml' (see 'help attribute')\n", bad.err);
    }

    @Test
    void format_isTheSameOptionEverywhere() {
        for (Command c : Main.COMMANDS) {
            if (c.options().valued().contains("format")) {
                assertTrue(
                        HelpCommand.help(c).contains("--format csv|json|text")
                                || c.name().equals("attribute")
                                        && HelpCommand.help(c).contains("--format csv|json "),
                        c.name() + ": " + HelpCommand.help(c));
            }
        }
    }

    @Test
    void helpExamples_writeUnderOutWhichGitIgnores() throws IOException {
        String overview = HelpCommand.overview();
        overview = overview.substring(overview.indexOf("\nexample"), overview.indexOf("\n'help COMMAND'"));
        Matcher written = Pattern.compile("--(?:out|html|paths|conversion|rejects) (\\S+)")
                .matcher(overview);
        int n = 0;
        while (written.find()) {
            n++;
            assertTrue(written.group(1).startsWith("out/"), written.group() + " in\n" + overview);
        }
        assertTrue(n >= 3, overview);
        Matcher read = Pattern.compile("\\s(\\S+\\.csv)\\b").matcher(overview);
        while (read.find()) {
            assertTrue(read.group(1).startsWith("out/"), read.group(1));
        }
        List<String> ignored = Files.readAllLines(Path.of("..", ".gitignore"));
        assertTrue(ignored.contains("/out/"), ignored.toString());
    }
}
