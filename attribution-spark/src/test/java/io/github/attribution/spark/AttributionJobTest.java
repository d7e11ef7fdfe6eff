package io.github.attribution.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job as spark-submit runs it ({@link AttributionJob#run} in the test's local session): its
 * output equals the command line's, bad input and bad usage exit 2 with one line.
 */
final class AttributionJobTest {
    @TempDir
    static Path tmp;

    private static Path data;

    @BeforeAll
    static void setUp() {
        data = TestData.random(tmp.resolve("data"), 30);
    }

    private record Result(int exit, String err) {}

    private static Result job(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = AttributionJob.run(args, TestSpark.session(), e);
        }
        return new Result(exit, err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> inputs(Path dir) {
        return List.of(
                "--touchpoints",
                dir.resolve("touchpoints.csv").toString(),
                "--opportunities",
                dir.resolve("opportunities.csv").toString(),
                "--people",
                dir.resolve("people.csv").toString(),
                "--contacts",
                dir.resolve("opportunity_contacts.csv").toString());
    }

    /** The records of every part file of a CSV output directory, in part order, headers left out. */
    private static List<List<String>> parts(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<List<String>> rows = new ArrayList<>();
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-"))
                    .sorted()
                    .toList()) {
                rows.addAll(TestData.csv(p));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void attribute_csv_equalsTheCliRowForRow() {
        List<String> models = List.of("w-shaped", "time-decay:half-life-days=3", "markov:order=2", "shapley");
        List<String> args = new ArrayList<>(List.of("attribute"));
        args.addAll(inputs(data));
        for (String m : models) {
            args.addAll(List.of("--model", m));
        }
        args.addAll(
                List.of("--lookback-days", "30", "--out", tmp.resolve("credits").toString(), "--format", "csv"));
        Result r = job(args.toArray(new String[0]));
        assertEquals(0, r.exit, r.err);
        assertTrue(r.err.contains("summary: "), r.err);
        List<List<String>> cli = Runs.cli(data, true, List.of("--lookback-days", "30"), models);
        // each part file is in the command line's order; parts are by opportunity hash
        assertEquals(Runs.sorted(cli, models), Runs.sorted(parts(tmp.resolve("credits")), models));
    }

    @Test
    void report_csv_equalsTheCli() {
        Result r = job(Stream.concat(
                        Stream.of("report"),
                        Stream.concat(
                                inputs(data).stream(),
                                Stream.of(
                                        "--model",
                                        "markov",
                                        "--by",
                                        "channel,quarter",
                                        "--out",
                                        tmp.resolve("report").toString(),
                                        "--format",
                                        "csv")))
                .toArray(String[]::new));
        assertEquals(0, r.exit, r.err);
        List<List<String>> cli = Runs.cliReport(data, true, List.of(), "markov", "channel,quarter");
        assertEquals(cli, parts(tmp.resolve("report")));
    }

    @Test
    void report_withCosts_equalsTheCliAndPrintsItsNotes() throws IOException {
        Path costs = TestData.costs(data);
        Result r = job(Stream.concat(
                        Stream.of("report"),
                        Stream.concat(
                                inputs(data).stream(),
                                Stream.of(
                                        "--costs",
                                        costs.toString(),
                                        "--model",
                                        "linear",
                                        "--by",
                                        "campaign,quarter",
                                        "--out",
                                        tmp.resolve("report-costs").toString(),
                                        "--format",
                                        "csv")))
                .toArray(String[]::new));
        assertEquals(0, r.exit, r.err);
        assertTrue(r.err.contains("note: campaign 'Ghost Campaign' has costs but no touches\n"), r.err);
        List<List<String>> cli = Runs.cliReport(data, true, List.of(), "linear", "campaign,quarter", costs);
        assertEquals(cli, parts(tmp.resolve("report-costs")));
    }

    @Test
    void costs_wrongCommandOrDimension_exit2WithOneLine() throws IOException {
        Path costs = TestData.costs(data);
        List<String> attribute = new ArrayList<>(List.of("attribute"));
        attribute.addAll(inputs(data));
        attribute.addAll(List.of("--costs", costs.toString(), "--model", "linear", "--out", "x"));
        Result a = job(attribute.toArray(new String[0]));
        assertEquals(2, a.exit);
        assertEquals("error: option --costs is for report (run without arguments for usage)\n", a.err);
        List<String> report = new ArrayList<>(List.of("report"));
        report.addAll(inputs(data));
        report.addAll(List.of("--costs", costs.toString(), "--by", "touch_type", "--out", "x"));
        Result b = job(report.toArray(new String[0]));
        assertEquals(2, b.exit);
        assertEquals(
                "error: option --by: costs can be reported by campaign, channel, month, quarter and year only, but"
                        + " the report also groups by 'touch_type' (run without arguments for usage)\n",
                b.err);
    }

    @Test
    void attribute_parquet_writesEveryRow() {
        Path out = tmp.resolve("parquet");
        List<String> args = new ArrayList<>(List.of("attribute"));
        args.addAll(inputs(data));
        args.addAll(List.of("--model", "linear", "--out", out.toString()));
        Result r = job(args.toArray(new String[0]));
        assertEquals(0, r.exit, r.err);
        long cli = Runs.cli(data, true, List.of(), List.of("linear")).size();
        assertEquals(cli, TestSpark.session().read().parquet(out.toString()).count());
    }

    @Test
    void attribute_badRow_exits2NamingFileAndValue() throws IOException {
        Path bad = tmp.resolve("bad");
        Files.createDirectories(bad);
        for (String f : io.github.attribution.io.DatasetWriter.FILES) {
            Files.copy(data.resolve(f), bad.resolve(f));
        }
        Path tp = bad.resolve("touchpoints.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(tp));
        String[] fields = lines.get(3).split(",", -1);
        fields[3] = "2026-13-45";
        lines.set(3, String.join(",", fields));
        Files.write(tp, lines);
        List<String> args = new ArrayList<>(List.of("attribute"));
        args.addAll(inputs(bad));
        args.addAll(List.of("--model", "linear", "--out", tmp.resolve("bad-out").toString()));
        Result r = job(args.toArray(new String[0]));
        assertEquals(2, r.exit, r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(
                r.err.contains(tp.toString()) && r.err.contains("occurred_at") && r.err.contains("2026-13-45"), r.err);

        args.set(
                args.indexOf(tmp.resolve("bad-out").toString()),
                tmp.resolve("skipped").toString());
        args.add("--skip-invalid");
        Result skipped = job(args.toArray(new String[0]));
        assertEquals(0, skipped.exit, skipped.err);
        assertTrue(skipped.err.contains("1 invalid rows skipped"), skipped.err);
    }

    @Test
    void usage_mistakes_exit2WithOneLine() {
        Result unknown = job("attribute", "--touchpoints", "x", "--bogus", "1");
        assertEquals(2, unknown.exit);
        assertTrue(unknown.err.startsWith("error: unknown option --bogus"), unknown.err);
        Result model = job(Stream.concat(
                        Stream.of("attribute"),
                        Stream.concat(inputs(data).stream(), Stream.of("--model", "nope", "--out", "x")))
                .toArray(String[]::new));
        assertEquals(2, model.exit);
        assertTrue(model.err.contains("unknown model 'nope'"), model.err);
        Result missing = job(
                "attribute",
                "--touchpoints",
                "/no/such/file.csv",
                "--opportunities",
                "/no/such",
                "--model",
                "linear",
                "--out",
                tmp.resolve("never").toString());
        assertEquals(2, missing.exit);
        assertTrue(missing.err.contains("cannot read '/no/such/file.csv'"), missing.err);
        assertFalse(Files.exists(tmp.resolve("never")));
    }
}
