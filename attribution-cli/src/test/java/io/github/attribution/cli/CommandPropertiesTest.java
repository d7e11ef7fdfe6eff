package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.attribution.Models;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation through the whole command line, on generated datasets: whatever the seed, size and
 * model, a report's pipeline, revenue and cost columns add up to the amounts and costs in the files,
 * and every model of a comparison credits the whole pipeline.
 */
final class CommandPropertiesTest {
    @TempDir
    Path dir;

    @Test
    void reportAndCompare_reconcileWithTheInputFiles() {
        List<String> models = Models.ruleBasedNames();
        qt().withExamples(12)
                .forAll(
                        longs().between(1, 1_000_000),
                        integers().between(1, 40),
                        integers().between(0, models.size() - 1))
                .checkAssert((seed, opportunities, model) -> {
                    Path data = dir.resolve("d" + seed + "-" + opportunities);
                    Cli gen = Cli.run(
                            "generate",
                            "--opportunities",
                            opportunities.toString(),
                            "--seed",
                            seed.toString(),
                            "--out",
                            data.toString());
                    assertEquals(0, gen.exit, gen.toString());
                    String[] files = {
                        "--touchpoints", data.resolve("touchpoints.csv").toString(),
                        "--opportunities", data.resolve("opportunities.csv").toString(),
                        "--people", data.resolve("people.csv").toString()
                    };
                    List<Map<String, String>> opps = read(data.resolve("opportunities.csv"));
                    Map<String, BigDecimal> pipeline = sum(opps, "amount", r -> true);
                    Map<String, BigDecimal> revenue =
                            sum(opps, "amount", r -> r.get("status").equals("won"));
                    Map<String, BigDecimal> costs = sum(read(data.resolve("costs.csv")), "cost", r -> true);

                    Cli report = Cli.run(concat(
                            files,
                            "report",
                            "--model",
                            models.get(model),
                            "--by",
                            "channel",
                            "--by",
                            "quarter",
                            "--costs",
                            data.resolve("costs.csv").toString()));
                    assertEquals(0, report.exit, report.toString());
                    List<Map<String, String>> rows = parse(report.out);
                    assertEquals(pipeline, sum(rows, "pipeline", r -> true), report.out);
                    assertEquals(revenue, sum(rows, "revenue", r -> true), report.out);
                    assertEquals(costs, sum(rows, "cost", r -> true), report.out);

                    // two different models; the second one chosen by the property
                    String other = models.get(model == 0 ? 1 : 0);
                    Cli compare = Cli.run(concat(
                            files,
                            "compare",
                            "--basis",
                            "pipeline",
                            "--format",
                            "csv",
                            "--model",
                            other,
                            "--model",
                            models.get(model)));
                    assertEquals(0, compare.exit, compare.toString());
                    List<Map<String, String>> shares = parse(compare.out);
                    for (String m : List.of(other, models.get(model))) {
                        assertEquals(
                                pipeline,
                                sum(shares, "amount", r -> r.get("model").equals(m)),
                                compare.out);
                    }
                });
    }

    private static String[] concat(String[] files, String... command) {
        String[] args = new String[command.length + files.length];
        System.arraycopy(command, 0, args, 0, command.length);
        System.arraycopy(files, 0, args, command.length, files.length);
        return args;
    }

    /** Sums {@code column} per currency over the rows that pass {@code filter} (zero for a currency without). */
    private static Map<String, BigDecimal> sum(
            List<Map<String, String>> rows, String column, java.util.function.Predicate<Map<String, String>> filter) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (Map<String, String> r : rows) {
            BigDecimal v = filter.test(r) ? new BigDecimal(r.get(column)) : BigDecimal.ZERO;
            sums.merge(r.get("currency"), v, BigDecimal::add);
        }
        sums.replaceAll((c, v) -> v.setScale(2));
        return sums;
    }

    private static List<Map<String, String>> read(Path csv) {
        try {
            return parse(Files.readString(csv, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a CSV whose fields hold no commas or quotes in the columns read here, keyed by header. */
    private static List<Map<String, String>> parse(String csv) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        return lines.subList(1, lines.size()).stream()
                .map(CommandPropertiesTest::fields)
                .map(f -> {
                    Map<String, String> row = new TreeMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        row.put(header.get(i), f.get(f.size() - header.size() + i));
                    }
                    return row;
                })
                .toList();
    }

    /** The fields of one RFC 4180 line. */
    private static List<String> fields(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
