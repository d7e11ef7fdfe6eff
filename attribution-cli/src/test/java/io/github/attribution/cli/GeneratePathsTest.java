package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.io.CsvReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --paths FILE} (docs/cli.md, "generate"; the format in docs/data.md, "Path files"):
 * one row per collapsed channel path of the won and lost journeys, checked against paths built here
 * from the generated CSV files by the rules of docs/models.md ("Journeys", "What they fit on").
 */
final class GeneratePathsTest {
    @TempDir
    Path dir;

    @Test
    void generatePaths_rowsAreTheCollapsedPathsOfWonAndLostJourneys() throws IOException {
        Path data = dir.resolve("data");
        Path paths = data.resolve("paths.csv");
        Cli gen = Cli.run(
                "generate",
                "--opportunities",
                "300",
                "--seed",
                "7",
                "--out",
                data.toString(),
                "--paths",
                paths.toString());
        assertEquals(0, gen.exit, gen.toString());
        assertTrue(gen.err.contains("channel paths to " + paths), gen.err);

        Map<String, String[]> expected = referencePaths(data);
        Map<String, String[]> actual = new TreeMap<>();
        try (CsvReader csv = CsvReader.open(paths)) {
            assertEquals(List.of("path", "conversions", "nulls", "value"), csv.header());
            while (csv.next()) {
                assertEquals(null, actual.put(csv.get(0), new String[] {csv.get(1), csv.get(2), csv.get(3)}));
            }
        }
        assertEquals(expected.keySet(), actual.keySet());
        for (String path : expected.keySet()) {
            String[] e = expected.get(path);
            String[] a = actual.get(path);
            assertEquals(e[0], a[0], path + " conversions");
            assertEquals(e[1], a[1], path + " nulls");
            assertEquals(0, new BigDecimal(e[2]).compareTo(new BigDecimal(a[2])), path + " value " + a[2]);
        }

        Cli run = Cli.run(
                "paths",
                "--paths",
                paths.toString(),
                "--nulls-column",
                "nulls",
                "--value-column",
                "value",
                "--model",
                "markov");
        assertEquals(0, run.exit, run.toString());
    }

    @Test
    void generatePaths_missingDirectory_isAUsageErrorAndWritesNothing() {
        Path data = dir.resolve("data");
        Cli gen = Cli.run(
                "generate",
                "--opportunities",
                "10",
                "--out",
                data.toString(),
                "--paths",
                dir.resolve("nowhere/paths.csv").toString());
        assertEquals(2, gen.exit, gen.toString());
        assertTrue(gen.err.contains("its directory does not exist"), gen.err);
        assertFalse(Files.exists(data.resolve("touchpoints.csv")));
    }

    /**
     * Per path ({@code A > B}): conversions, nulls, value; from the account's touches at or before the
     * close, ordered by time then id, consecutive repeats merged; open opportunities and empty journeys
     * left out.
     */
    private static Map<String, String[]> referencePaths(Path data) throws IOException {
        Map<String, List<String[]>> touches = new HashMap<>(); // account -> (time, id, channel)
        try (CsvReader csv = CsvReader.open(data.resolve("touchpoints.csv"))) {
            int id = csv.requireColumn("touchpoint_id");
            int account = csv.requireColumn("account_id");
            int at = csv.requireColumn("occurred_at");
            int channel = csv.requireColumn("channel");
            while (csv.next()) {
                touches.computeIfAbsent(csv.get(account), k -> new ArrayList<>())
                        .add(new String[] {csv.get(at), csv.get(id), csv.get(channel)});
            }
        }
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> value = new TreeMap<>();
        try (CsvReader csv = CsvReader.open(data.resolve("opportunities.csv"))) {
            int account = csv.requireColumn("account_id");
            int amount = csv.requireColumn("amount");
            int closed = csv.requireColumn("closed_at");
            int status = csv.requireColumn("status");
            while (csv.next()) {
                String s = csv.get(status);
                if (s.equals("open")) {
                    continue;
                }
                Instant end = Instant.parse(csv.get(closed));
                List<String[]> mine = new ArrayList<>(touches.getOrDefault(csv.get(account), List.of()));
                mine.removeIf(t -> Instant.parse(t[0]).isAfter(end));
                mine.sort((x, y) -> {
                    int c = Instant.parse(x[0]).compareTo(Instant.parse(y[0]));
                    return c != 0 ? c : x[1].compareTo(y[1]);
                });
                List<String> path = new ArrayList<>();
                for (String[] t : mine) {
                    if (path.isEmpty() || !path.get(path.size() - 1).equals(t[2])) {
                        path.add(t[2]);
                    }
                }
                if (path.isEmpty()) {
                    continue;
                }
                String key = String.join(" > ", path);
                long[] c = counts.computeIfAbsent(key, k -> new long[2]);
                value.putIfAbsent(key, BigDecimal.ZERO);
                if (s.equals("won")) {
                    c[0]++;
                    value.merge(key, new BigDecimal(csv.get(amount)), BigDecimal::add);
                } else {
                    c[1]++;
                }
            }
        }
        Map<String, String[]> out = new TreeMap<>();
        counts.forEach((k, c) -> out.put(k, new String[] {
            Long.toString(c[0]), Long.toString(c[1]), value.get(k).toPlainString()
        }));
        return out;
    }
}
