package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The first minutes of a new user: version, help everywhere, and "did you mean" for typos. */
final class CliHelpTest {
    @Test
    void version_printsTheBuildsVersion() {
        for (String flag : new String[] {"--version", "-V"}) {
            Cli cli = Cli.run(flag);
            assertEquals(0, cli.exit, cli.toString());
            assertTrue(cli.out.matches("attribution \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), cli.out);
            assertTrue(cli.err.isEmpty(), cli.err);
        }
    }

    @Test
    void help_atTheTopLevelPrintsTheOverview() {
        for (String flag : new String[] {"--help", "-h"}) {
            Cli cli = Cli.run(flag);
            assertEquals(0, cli.exit, cli.toString());
            assertTrue(cli.out.startsWith("attribution: exact multi-touch revenue attribution"), cli.out);
            assertTrue(cli.out.contains("--version"), cli.out);
        }
    }

    @Test
    void help_afterEveryCommandPrintsItsOptions() {
        for (Command c : Main.COMMANDS) {
            for (String flag : new String[] {"--help", "-h"}) {
                Cli cli = Cli.run(c.name(), flag);
                assertEquals(0, cli.exit, c.name() + " " + flag + ": " + cli);
                assertTrue(cli.out.startsWith("usage: java -jar attribution-cli.jar " + c.name()), cli.out);
            }
        }
    }

    @Test
    void help_ofHelp_showsItsOperand() {
        Cli cli = Cli.run("help", "help");
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(cli.out.startsWith("usage: java -jar attribution-cli.jar help [COMMAND]\n"), cli.out);
    }

    @Test
    void unknownCommand_suggestsTheNearest() {
        Cli cli = Cli.run("atribute");
        assertEquals(2, cli.exit);
        assertEquals("error: unknown command 'atribute'; did you mean 'attribute'?\n", cli.err);
        Cli help = Cli.run("help", "comprae");
        assertEquals(2, help.exit);
        assertEquals("error: unknown command 'comprae'; did you mean 'compare'?\n", help.err);
    }

    @Test
    void unknownCommand_farFromAnyListsThemAll() {
        Cli cli = Cli.run("frobnicate");
        assertEquals(2, cli.exit);
        assertTrue(cli.err.startsWith("error: unknown command 'frobnicate'; commands: help, demo"), cli.err);
        assertFalse(cli.err.contains("did you mean"), cli.err);
    }

    @Test
    void unknownOption_suggestsTheNearest() {
        Cli cli = Cli.run("compare", "--touchpoint", "t.csv");
        assertEquals(2, cli.exit);
        assertEquals(
                "error: unknown option --touchpoint; did you mean '--touchpoints'? (see 'help compare')\n", cli.err);
    }

    @Test
    void unknownModel_suggestsTheNearest() {
        Cli cli = Cli.run("demo", "--model", "w-shapd");
        assertEquals(2, cli.exit);
        assertTrue(cli.err.contains("unknown model 'w-shapd'"), cli.err);
        assertTrue(cli.err.contains("did you mean 'w-shaped'?"), cli.err);
    }

    @Test
    void unknownDimension_suggestsTheNearest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Cli cli = new Sample(dir).run("report", "--by", "chanel");
        assertEquals(2, cli.exit);
        assertTrue(cli.err.contains("unknown report dimension 'chanel'"), cli.err);
        assertTrue(cli.err.contains("did you mean 'channel'?"), cli.err);
    }

    @Test
    void unknownPathModelAndScenario_suggestTheNearest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String paths = Cli.file(dir, "paths.csv", "path,conversions", "A > B,1");
        Cli cli = Cli.run("paths", "--paths", paths, "--model", "markv");
        assertEquals(2, cli.exit);
        assertTrue(cli.err.contains("unknown model 'markv'"), cli.err);
        assertTrue(cli.err.endsWith("; did you mean 'markov'? (see 'help paths')\n"), cli.err);
        Cli generate = Cli.run(
                "generate", "--opportunities", "10", "--out", dir.resolve("d").toString(), "--scenario", "openr");
        assertEquals(2, generate.exit);
        assertTrue(generate.err.endsWith("; did you mean 'opener'? (see 'help generate')\n"), generate.err);
    }

    @Test
    void distance_countsEditsAndSwaps() {
        assertEquals(0, Suggest.distance("linear", "linear"));
        assertEquals(1, Suggest.distance("atribute", "attribute"));
        assertEquals(1, Suggest.distance("chanenl", "channel"));
        assertEquals(3, Suggest.distance("abc", ""));
    }
}
