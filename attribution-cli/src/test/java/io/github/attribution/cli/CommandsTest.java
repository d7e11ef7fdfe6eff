package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.ModelInfo;
import io.github.attribution.Models;
import io.github.attribution.io.DatasetWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CommandsTest {
    @TempDir
    Path dir;

    @Test
    void help_listsEveryCommand() {
        Cli cli = Cli.run("help");
        assertEquals(0, cli.exit);
        for (Command c : Main.COMMANDS) {
            assertTrue(cli.out.contains("  " + c.name() + " "), c.name() + " in " + cli.out);
        }
    }

    @Test
    void help_showsOneCommandsOptions() {
        Cli cli = Cli.run("help", "attribute");
        assertEquals(0, cli.exit);
        assertTrue(cli.out.contains("--touchpoints FILE"), cli.out);
        assertTrue(cli.out.contains("--format csv|json"), cli.out);
        assertEquals(cli.out, Cli.run("attribute", "--help").out);
    }

    @Test
    void main_withoutCommandIsAUsageError() {
        assertEquals(2, Cli.run().exit);
    }

    @Test
    void models_listsTheCatalog() {
        Cli cli = Cli.run("models");
        assertEquals(0, cli.exit);
        for (ModelInfo m : Models.catalog()) {
            assertTrue(cli.out.contains(m.name() + " "), m.name());
        }
        assertTrue(cli.out.contains("half-life-days=7"), cli.out);
    }

    @Test
    void generate_sameSeedGivesSameBytes() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        assertEquals(0, Cli.run("generate", "--opportunities", "200", "--seed", "9", "--out", a.toString()).exit);
        assertEquals(0, Cli.run("generate", "--opportunities", "200", "--seed", "9", "--out", b.toString()).exit);
        assertEquals(0, Cli.run("generate", "--opportunities", "200", "--seed", "10", "--out", c.toString()).exit);
        for (String f : DatasetWriter.FILES) {
            byte[] bytes = Files.readAllBytes(a.resolve(f));
            assertTrue(bytes.length > 20, f);
            assertArrayEquals(bytes, Files.readAllBytes(b.resolve(f)), f);
        }
        assertFalse(
                java.util.Arrays.equals(
                        Files.readAllBytes(a.resolve("touchpoints.csv")),
                        Files.readAllBytes(c.resolve("touchpoints.csv"))),
                "another seed, other data");
    }

    @Test
    void generate_writesFilesThatAttributeReads() {
        Path data = dir.resolve("data");
        Cli gen = Cli.run("generate", "--opportunities", "150", "--seed", "3", "--out", data.toString());
        assertEquals(0, gen.exit, gen.toString());
        assertTrue(gen.err.startsWith("summary: wrote 150 opportunities"), gen.err);
        Cli cli = Cli.run(
                "attribute",
                "--touchpoints",
                data.resolve("touchpoints.csv").toString(),
                "--opportunities",
                data.resolve("opportunities.csv").toString(),
                "--people",
                data.resolve("people.csv").toString(),
                "--contacts",
                data.resolve("opportunity_contacts.csv").toString(),
                "--stages",
                data.resolve("stages.csv").toString(),
                "--model",
                "w-shaped",
                "--cycle-gap-days",
                "30",
                "--lookback-days",
                "365");
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(cli.err.contains("150 opportunities"), cli.err);
        assertTrue(cli.err.contains(" stage rows)"), cli.err);
    }

    @Test
    void generate_requiresACount() {
        Cli cli = Cli.run("generate", "--out", dir.toString());
        assertEquals(2, cli.exit);
        assertTrue(cli.err.contains("--opportunities is required"), cli.err);
    }
}
