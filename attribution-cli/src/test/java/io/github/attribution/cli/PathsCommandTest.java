package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code paths} command on the Markov example of docs/models.md (section markov). */
final class PathsCommandTest {
    @TempDir
    Path dir;

    private String specPaths() {
        return Cli.file(
                dir,
                "paths.csv",
                "path,conv,nulls,revenue",
                "A > B > C,1,0,10",
                "A > A > B,1,0,5",
                "C,0,1,0",
                "B > C > A > C,1,0,20",
                "B > A,0,1,0");
    }

    private Cli paths(String... extra) {
        String[] base = {
            "paths",
            "--paths",
            specPaths(),
            "--path-column",
            "path",
            "--conversions-column",
            "conv",
            "--nulls-column",
            "nulls",
            "--value-column",
            "revenue"
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void paths_formatText_isTheAlignedTableToTwoDecimals() {
        Cli cli = paths("--model", "markov", "--format", "text");
        assertEquals(0, cli.exit, cli.toString());
        assertEquals(
                "model   channel  conversions  value\n"
                        + "-".repeat(35) + "\n"
                        + "markov  A               0.77   8.99\n"
                        + "markov  B               1.13  13.18\n"
                        + "markov  C               1.10  12.84\n",
                cli.out);
        Cli two = paths("--model", "markov", "--model", "linear", "--format", "text");
        assertEquals(0, two.exit, two.toString());
        String[] lines = two.out.split("\n");
        assertEquals(2 + 3 + 1 + 3, lines.length, two.out); // header, rule, markov, rule, linear
        assertTrue(lines[5].matches("-+"), two.out);
        assertTrue(lines[6].startsWith("linear  A "), two.out);
    }

    @Test
    void paths_formatOtherThanCsvJsonText_isAUsageError() {
        Cli cli = paths("--format", "xml");
        assertEquals(2, cli.exit);
        assertEquals("error: option --format must be csv, json or text: 'xml' (see 'help paths')\n", cli.err);
    }

    @Test
    void paths_specMarkovExample() {
        Cli cli = paths("--model", "markov");
        assertEquals(0, cli.exit, cli.toString());
        assertEquals(
                "model,channel,conversions,value\n"
                        + "markov,A,0.770171,8.985330\n"
                        + "markov,B,1.129584,13.178484\n"
                        + "markov,C,1.100244,12.836186\n",
                cli.out);
        assertTrue(cli.err.startsWith("summary: read 5 path rows (3 channels, 3 conversions, 2 nulls, value 35)"));
    }

    @Test
    void paths_ruleBasedModelsCountTouches() {
        Cli cli = paths("--model", "first-touch", "--model", "last-touch", "--model", "linear");
        assertEquals(0, cli.exit, cli.toString());
        assertEquals(
                "model,channel,conversions,value\n"
                        + "first-touch,A,2.000000,15.000000\n"
                        + "first-touch,B,1.000000,20.000000\n"
                        + "first-touch,C,0.000000,0.000000\n"
                        + "last-touch,A,0.000000,0.000000\n"
                        + "last-touch,B,1.000000,5.000000\n"
                        + "last-touch,C,2.000000,30.000000\n"
                        + "linear,A,1.250000,11.666667\n"
                        + "linear,B,0.916667,10.000000\n"
                        + "linear,C,0.833333,13.333333\n",
                cli.out);
    }

    @Test
    void paths_defaultModelsListEveryChannelUnderEach() {
        Cli cli = paths("--format", "json");
        assertEquals(0, cli.exit, cli.toString());
        for (String model : new String[] {"markov", "shapley", "first-touch", "last-touch", "linear"}) {
            for (String channel : new String[] {"A", "B", "C"}) {
                assertTrue(
                        cli.out.contains("{\"model\":\"" + model + "\",\"channel\":\"" + channel + "\""),
                        model + " " + channel + "\n" + cli.out);
            }
        }
        assertTrue(cli.out.startsWith("[\n{"));
        assertTrue(cli.out.endsWith("}\n]\n"));
    }

    @Test
    void paths_customSeparatorAndNoValueColumn() {
        String file = Cli.file(dir, "p.csv", "journey,total_conversions", "Email|Webinar,2", "Webinar,1");
        Cli cli = Cli.run(
                "paths",
                "--paths",
                file,
                "--path-column",
                "journey",
                "--conversions-column",
                "total_conversions",
                "--separator",
                "|",
                "--model",
                "first-touch");
        assertEquals(0, cli.exit, cli.toString());
        assertEquals(
                "model,channel,conversions,value\n"
                        + "first-touch,Email,2.000000,0.000000\n"
                        + "first-touch,Webinar,1.000000,0.000000\n",
                cli.out);
    }

    @Test
    void paths_badCountNamesFileLineColumnAndValue_andLeavesNoOutput() {
        String file = Cli.file(dir, "bad.csv", "path,conv", "A > B,1", "B,two");
        Path out = dir.resolve("out.csv");
        Cli cli = Cli.run(
                "paths",
                "--paths",
                file,
                "--path-column",
                "path",
                "--conversions-column",
                "conv",
                "--out",
                out.toString());
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(cli.err.contains("bad.csv"), cli.err);
        assertTrue(cli.err.contains("line 3"), cli.err);
        assertTrue(cli.err.contains("conv"), cli.err);
        assertTrue(cli.err.contains("'two'"), cli.err);
        assertFalse(Files.exists(out));
    }

    @Test
    void paths_emptyChannelInAPathIsAnError() {
        String file = Cli.file(dir, "gap.csv", "path,conv", "A >  > B,1");
        Cli cli = Cli.run("paths", "--paths", file, "--conversions-column", "conv");
        assertEquals(2, cli.exit, cli.toString());
        assertTrue(cli.err.contains("line 2"), cli.err);
    }

    @Test
    void paths_missingColumnAndUnknownModelAreUsageErrors() {
        Cli missing = Cli.run("paths", "--paths", specPaths(), "--conversions-column", "nope");
        assertEquals(2, missing.exit);
        assertTrue(missing.err.contains("missing required column 'nope'"), missing.err);
        Cli model = paths("--model", "w-shaped");
        assertEquals(2, model.exit);
        assertTrue(model.err.contains("w-shaped"), model.err);
        Cli none = Cli.run("paths");
        assertEquals(2, none.exit);
        assertTrue(none.err.contains("--paths"), none.err);
    }

    @Test
    void paths_overflowingConversionsTotal_isADataErrorNamingTheRow() {
        String file = Cli.file(dir, "big.csv", "path,conversions", "A,9223372036854775000", "B > A,807", "C,1");
        Cli cli = Cli.run("paths", "--paths", file, "--path-column", "path", "--conversions-column", "conversions");
        assertEquals(2, cli.exit, cli.toString());
        assertEquals("", cli.out);
        assertEquals(
                "error: big.csv line 4, column conversions: '1' makes the file's total of conversions exceed"
                        + " 9223372036854775807\n",
                cli.err);
    }
}
