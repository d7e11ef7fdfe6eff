package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.io.CsvReader;
import io.github.attribution.io.DatasetReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation test of the command line: generated datasets whose files get byte, line and field
 * mutations (broken quotes, NUL and invalid UTF-8 bytes, deleted and repeated lines, huge and hostile
 * values, sums past a long, absurd exponents), run in-process through {@link Main#run}. Every case must
 * end either with exit 0 and credits that reconcile (each model's credits of an opportunity add up to
 * its amount) or with exit 2 and exactly one error line naming the file and line; a failed case leaves
 * no file behind.
 *
 * <p>{@value #DEFAULT_CASES} cases run in the build. A longer run: {@code mvn -B -o verify -pl
 * attribution-cli -am -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dattribution.fuzz.cases=20000 -Dattribution.fuzz.seed=1}; it prints its figures.
 */
final class FuzzTest {
    static final int DEFAULT_CASES = 200;

    private static final List<String> FILES =
            List.of("touchpoints.csv", "opportunities.csv", "people.csv", "opportunity_contacts.csv", "costs.csv");

    private static final Pattern DATA_ERROR = Pattern.compile(
            "error: (touchpoints|opportunities|people|opportunity_contacts|costs)\\.csv line [0-9]+, column [^:]+: .+");

    private static final String[] MODELS = {
        "linear", "first-touch", "last-touch", "w-shaped", "time-decay", "position-based", "markov", "shapley"
    };

    /** Values that have broken readers and sums: each replaces a field in a field mutation. */
    private static final String[] HOSTILE = {
        "",
        " ",
        "-1",
        "0",
        "1e999999999",
        "1e20000000",
        "92233720368547758.07",
        "92233720368547758.08",
        "9223372036854775807",
        "99999999999999999999999",
        "12.345",
        "NaN",
        "=HYPERLINK(\"http://x\",\"y\")",
        "+1",
        "@SUM(A1)",
        "\"",
        "\"\"",
        "a\"b",
        "\"unterminated",
        "line\nbreak",
        "cr\rhere",
        "esc\u001b]0;title\u0007",
        "bidi\u202eexe.txt",
        "nul\u0000byte",
        "x".repeat(70_000),
        "1677-01-01",
        "2262-12-31T23:59:59Z",
        "2026-02-30",
        "2026-01-01T00:00:00",
        "2026-01-01T00:00:00+14:00",
        "XYZ",
        "usd",
        "won",
        "lost",
        "open",
        "maybe",
        "sales",
        "2026-Q5",
        "2026-03",
        "\uFEFF",
        "ünïcödé",
        "a,b",
    };

    private static final byte[] BYTES = {0, '"', ',', '\n', '\r', (byte) 0xFF, (byte) 0xC3, (byte) 0xEF, 'x', '9', '-'};

    @TempDir
    Path dir;

    @Test
    void mutatedInputs_exitCleanlyWithReconcilingCreditsOrOneLineErrors() throws IOException {
        int cases = Integer.getInteger("attribution.fuzz.cases", DEFAULT_CASES);
        long seed = Long.getLong("attribution.fuzz.seed", 2026L);
        SplittableRandom random = new SplittableRandom(seed);
        List<Map<String, byte[]>> bases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bases.add(generate(8 + 12 * i, seed + i));
        }
        int[] exits = new int[3];
        long began = System.nanoTime();
        for (int c = 0; c < cases; c++) {
            long caseSeed = random.nextLong();
            int exit = runCase(c, caseSeed, bases.get(random.nextInt(bases.size())));
            exits[exit]++;
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(
                "fuzz: %d cases (seed %d) in %.1f s: %d exit 0 (credits reconciled), %d exit 2 (one-line"
                        + " errors), %d exit 1%n",
                cases, seed, seconds, exits[0], exits[2], exits[1]);
        assertEquals(0, exits[1], "no case may end with exit 1");
    }

    /** Runs case {@code c}; returns its exit code after checking it. */
    private int runCase(int c, long caseSeed, Map<String, byte[]> base) throws IOException {
        SplittableRandom random = new SplittableRandom(caseSeed);
        Path in = Files.createDirectories(dir.resolve("in" + c));
        Path out = Files.createDirectories(dir.resolve("out" + c));
        Map<String, byte[]> files = new HashMap<>(base);
        int mutations = 1 + random.nextInt(3);
        List<String> applied = new ArrayList<>();
        for (int m = 0; m < mutations; m++) {
            String file = FILES.get(random.nextInt(FILES.size()));
            String what = mutate(files, file, random);
            applied.add(file + ": " + what);
        }
        for (String f : FILES) {
            Files.write(in.resolve(f), files.get(f));
        }
        boolean skip = random.nextInt(4) == 0;
        int command = random.nextInt(10);
        List<String> args = new ArrayList<>();
        args.add(command < 7 ? "attribute" : command < 9 ? "report" : "compare");
        for (String option : new String[] {"touchpoints", "opportunities", "people", "contacts", "costs"}) {
            boolean given = option.equals("touchpoints") || option.equals("opportunities") || random.nextInt(3) > 0;
            if (given && (!option.equals("costs") || args.get(0).equals("report"))) { // costs: report's only
                args.add("--" + option);
                args.add(in.resolve(option.equals("contacts") ? "opportunity_contacts.csv" : option + ".csv")
                        .toString());
            }
        }
        List<String> models = new ArrayList<>();
        if (args.get(0).equals("report")) {
            models.add(MODELS[random.nextInt(MODELS.length)]);
        } else {
            for (String m : MODELS) {
                if (random.nextInt(3) == 0) {
                    models.add(m);
                }
            }
            if (models.isEmpty()) {
                models.add("linear");
            }
        }
        for (String m : models) {
            args.add("--model");
            args.add(m);
        }
        if (skip) {
            args.add("--skip-invalid");
            args.add("--rejects");
            args.add(out.resolve("rejects.csv").toString());
        }
        Path result = out.resolve("result.csv");
        args.add("--out");
        args.add(result.toString());

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(stdout, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
            exit = Main.run(args.toArray(String[]::new), o, e);
        }
        String err = stderr.toString(StandardCharsets.UTF_8);
        String context = "case " + c + " (seed " + caseSeed + "), " + applied + ", " + args + "\n" + err;
        List<String> left = list(out);
        if (exit == 2) {
            String[] lines = err.split("\n", -1);
            assertEquals(2, lines.length, "one error line: " + context);
            assertTrue(DATA_ERROR.matcher(lines[0]).matches(), "names file, line and column: " + context);
            assertEquals(List.of(), left, "no file left behind: " + context);
        } else if (exit == 0) {
            assertTrue(left.contains("result.csv"), context);
            assertEquals(skip ? List.of("rejects.csv", "result.csv") : List.of("result.csv"), left, context);
            if (args.get(0).equals("attribute")) {
                reconcile(in, args, result, skip, models, context);
            }
        } else {
            fail("exit " + exit + ": " + context);
        }
        return exit;
    }

    /** Each model's credits of each opportunity add up to its amount, to the minor unit. */
    private static void reconcile(
            Path in, List<String> args, Path result, boolean skip, List<String> models, String context)
            throws IOException {
        DatasetReader reader = new DatasetReader(Money.currency("USD"), skip ? (e, r) -> {} : null);
        Dataset.Builder b = Dataset.builder();
        reader.readTouchpoints(in.resolve("touchpoints.csv"), b);
        reader.readOpportunities(in.resolve("opportunities.csv"), b);
        Dataset data = b.build();
        Map<String, BigDecimal> amounts = new HashMap<>();
        for (int o = 0; o < data.opportunityCount(); o++) {
            amounts.put(
                    data.opportunityId(o),
                    Money.ofMinor(data.currency(o), data.amount(o)).amount());
        }
        Map<String, BigDecimal> credited = new HashMap<>();
        try (CsvReader csv = CsvReader.open(result)) {
            int model = csv.requireColumn("model");
            int opportunity = csv.requireColumn("opportunity_id");
            int credit = csv.requireColumn("credit");
            while (csv.next()) {
                credited.merge(
                        csv.get(model) + "\u0000" + csv.get(opportunity),
                        new BigDecimal(csv.get(credit)),
                        BigDecimal::add);
            }
        }
        for (String m : models) {
            for (Map.Entry<String, BigDecimal> e : amounts.entrySet()) {
                BigDecimal sum = credited.get(m + "\u0000" + e.getKey());
                assertTrue(
                        sum != null && sum.compareTo(e.getValue()) == 0,
                        m + " credits " + sum + " of opportunity " + e.getKey() + " of " + e.getValue() + ": "
                                + context);
            }
        }
    }

    /** Applies one random mutation to {@code file}; returns what it did. */
    private static String mutate(Map<String, byte[]> files, String file, SplittableRandom random) {
        byte[] bytes = files.get(file);
        switch (random.nextInt(3)) {
            case 0 -> {
                int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                byte b = BYTES[random.nextInt(BYTES.length)];
                int kind = random.nextInt(3);
                byte[] next;
                if (kind == 0 && bytes.length > 0) {
                    next = bytes.clone();
                    next[at] = b;
                } else if (kind == 1) {
                    next = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, next, 0, at);
                    next[at] = b;
                    System.arraycopy(bytes, at, next, at + 1, bytes.length - at);
                } else {
                    next = bytes.length == 0
                            ? bytes
                            : concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, at + 1, bytes.length));
                }
                files.put(file, next);
                return "byte " + at + " " + (kind == 0 ? "set" : kind == 1 ? "inserted" : "deleted") + " " + (b & 0xFF);
            }
            case 1 -> {
                List<String> lines =
                        new ArrayList<>(List.of(new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1)));
                int at = random.nextInt(lines.size());
                int kind = random.nextInt(5);
                String what;
                if (kind == 0 && lines.size() > 1) {
                    lines.remove(at);
                    what = "line " + (at + 1) + " deleted";
                } else if (kind == 1) {
                    lines.add(at, lines.get(at));
                    what = "line " + (at + 1) + " repeated";
                } else if (kind == 2) {
                    int other = random.nextInt(lines.size());
                    String t = lines.get(at);
                    lines.set(at, lines.get(other));
                    lines.set(other, t);
                    what = "lines " + (at + 1) + " and " + (other + 1) + " swapped";
                } else if (kind == 3) {
                    String line = lines.get(at);
                    lines.set(at, line.substring(0, line.isEmpty() ? 0 : random.nextInt(line.length())));
                    what = "line " + (at + 1) + " cut";
                } else {
                    lines.add(at, "");
                    what = "empty line before " + (at + 1);
                }
                files.put(file, String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1));
                return what;
            }
            default -> {
                String text = new String(bytes, StandardCharsets.UTF_8);
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                int at = random.nextInt(lines.size());
                String[] fields = lines.get(at).split(",", -1);
                int f = random.nextInt(fields.length);
                String value = HOSTILE[random.nextInt(HOSTILE.length)];
                boolean quote = random.nextBoolean();
                fields[f] = quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
                lines.set(at, String.join(",", fields));
                files.put(file, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
                return "line " + (at + 1) + " field " + (f + 1) + " = " + describe(value) + (quote ? " quoted" : "");
            }
        }
    }

    private static String describe(String value) {
        return value.length() > 40
                ? value.substring(0, 10) + "...(" + value.length() + ")"
                : value.replace("\n", "\\n").replace("\r", "\\r");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private Map<String, byte[]> generate(int opportunities, long seed) throws IOException {
        Path target = dir.resolve("base" + seed);
        Cli cli = Cli.run(
                "generate",
                "--opportunities",
                Integer.toString(opportunities),
                "--seed",
                Long.toString(seed),
                "--out",
                target.toString());
        assertEquals(0, cli.exit, cli.toString());
        Map<String, byte[]> files = new HashMap<>();
        for (String f : FILES) {
            files.put(f, Files.readAllBytes(target.resolve(f)));
        }
        return files;
    }

    private static List<String> list(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
