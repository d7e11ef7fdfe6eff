package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One account whose touches are each on a different channel: shapley credits it exactly, markov
 * refuses a journey past its limit with one line naming the opportunity, and nothing is written.
 */
final class PathologicalJourneyTest {
    @TempDir
    Path dir;

    private String[] files(int touches) throws IOException {
        return files(touches, false);
    }

    /**
     * One account, {@code touches} touches a second apart, each on its own channel; {@code shuffled}
     * names the channels in an order unrelated to the touches' (channel numbering then runs against the
     * journey, which once made markov's solver take a sweep per step).
     */
    private String[] files(int touches, boolean shuffled) throws IOException {
        List<Integer> names = new ArrayList<>();
        for (int i = 0; i < touches; i++) {
            names.add(i);
        }
        if (shuffled) {
            Collections.shuffle(names, new Random(7));
        }
        StringBuilder t = new StringBuilder("touchpoint_id,account_id,occurred_at,channel\n");
        for (int i = 0; i < touches; i++) {
            t.append('t')
                    .append(i)
                    .append(",A,")
                    .append(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i))
                    .append(",c")
                    .append(names.get(i))
                    .append('\n');
        }
        Path touchpoints = Files.writeString(dir.resolve("touchpoints.csv"), t);
        String opportunities = Cli.file(
                dir,
                "opportunities.csv",
                "opportunity_id,account_id,amount,currency,created_at,closed_at,status",
                "O-big,A,1000.00,USD,2026-01-01,2026-02-01,won");
        return new String[] {touchpoints.toString(), opportunities};
    }

    @Test
    @Timeout(120)
    void shapley_20000DistinctChannels_creditsTheWholeAmountExactly() throws IOException {
        String[] f = files(20_000);
        Path out = dir.resolve("credits.csv");
        Cli cli = Cli.run(
                "attribute",
                "--touchpoints",
                f[0],
                "--opportunities",
                f[1],
                "--model",
                "shapley",
                "--out",
                out.toString());
        assertEquals(0, cli.exit, cli.toString());
        try (Stream<String> lines = Files.lines(out)) {
            // one journey, one converting set: every channel has the same Shapley value, 1/20000 of
            // 1000.00 = 0.05 each
            assertEquals(
                    20_000, lines.skip(1).filter(l -> l.endsWith(",0.05,USD")).count());
        }
    }

    @Test
    @Timeout(120)
    void markov_journeyPastTheChannelLimit_oneLineNamingTheOpportunity() throws IOException {
        String[] f = files(20_001);
        Path out = dir.resolve("credits.csv");
        Cli cli = Cli.run(
                "attribute",
                "--touchpoints",
                f[0],
                "--opportunities",
                f[1],
                "--model",
                "markov",
                "--out",
                out.toString());
        assertEquals(2, cli.exit, cli.toString());
        assertEquals(
                "error: opportunity 'O-big': its journey has 20001 distinct channels; markov takes at most 20000"
                        + " per journey (its cost grows with channels times states); use shapley or a rule-based"
                        + " model, or a --lookback-days window\n",
                cli.err);
        assertTrue(Files.notExists(out));
    }

    @Test
    @Timeout(120)
    void markov_20000DistinctChannelsNamedOutOfOrder_everyTouchCreditedEqually() throws IOException {
        String[] f = files(20_000, true);
        Path out = dir.resolve("credits.csv");
        Cli cli = Cli.run(
                "attribute",
                "--touchpoints",
                f[0],
                "--opportunities",
                f[1],
                "--model",
                "markov",
                "--out",
                out.toString());
        assertEquals(0, cli.exit, cli.toString());
        try (Stream<String> lines = Files.lines(out)) {
            // one converting path: every channel's removal effect is 1, so each touch gets 1000.00 / 20000
            assertEquals(
                    20_000, lines.skip(1).filter(l -> l.endsWith(",0.05,USD")).count());
        }
    }

    @Test
    void paths_orderFourWithMoreChannelsThanItNumbers_oneLineExit2() throws IOException {
        StringBuilder p = new StringBuilder("path,conversions,nulls\n");
        for (int c = 0; c < 65_535; c++) {
            p.append('c').append(c).append(",1,1\n");
        }
        Path paths = Files.writeString(dir.resolve("paths.csv"), p);
        Cli cli = Cli.run("paths", "--paths", paths.toString(), "--nulls-column", "nulls", "--model", "markov:order=4");
        assertEquals(2, cli.exit, cli.toString());
        assertEquals(
                "error: markov:order=4 numbers at most 65534 distinct channels and the data has 65535; use a lower"
                        + " order\n",
                cli.err);
        assertEquals("", cli.out);
    }
}
