package io.github.attribution.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.attribution.cli.Main;
import io.github.attribution.data.Money;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** Runs the command line's {@code attribute} and the Spark module on the same files, rows as text. */
final class Runs {
    private Runs() {}

    /** The CLI's rows for {@code models} on the files in {@code dir}, in its order. */
    static List<List<String>> cli(Path dir, boolean contacts, List<String> settings, List<String> models) {
        try {
            Path out = Files.createTempFile(dir.getParent(), "cli", ".csv");
            List<String> args = new ArrayList<>(List.of(
                    "attribute",
                    "--touchpoints",
                    dir.resolve("touchpoints.csv").toString(),
                    "--opportunities",
                    dir.resolve("opportunities.csv").toString(),
                    "--people",
                    dir.resolve("people.csv").toString(),
                    "--out",
                    out.toString()));
            if (contacts) {
                args.addAll(List.of(
                        "--contacts", dir.resolve("opportunity_contacts.csv").toString()));
            }
            args.addAll(settings);
            for (String m : models) {
                args.addAll(List.of("--model", m));
            }
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit;
            try (PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                exit = Main.run(args.toArray(new String[0]), o, e);
            }
            assertEquals(0, exit, () -> err.toString(StandardCharsets.UTF_8));
            return TestData.csv(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The CLI's {@code report} rows (CSV) for {@code model} by {@code by}. */
    static List<List<String>> cliReport(Path dir, boolean contacts, List<String> settings, String model, String by) {
        return cliReport(dir, contacts, settings, model, by, null);
    }

    /** As above, with {@code --costs costs} when it is not null. */
    static List<List<String>> cliReport(
            Path dir, boolean contacts, List<String> settings, String model, String by, Path costs) {
        try {
            Path out = Files.createTempFile(dir.getParent(), "report", ".csv");
            List<String> args = new ArrayList<>(List.of(
                    "report",
                    "--touchpoints",
                    dir.resolve("touchpoints.csv").toString(),
                    "--opportunities",
                    dir.resolve("opportunities.csv").toString(),
                    "--people",
                    dir.resolve("people.csv").toString(),
                    "--model",
                    model,
                    "--by",
                    by,
                    "--out",
                    out.toString()));
            if (contacts) {
                args.addAll(List.of(
                        "--contacts", dir.resolve("opportunity_contacts.csv").toString()));
            }
            if (costs != null) {
                args.addAll(List.of("--costs", costs.toString()));
            }
            args.addAll(settings);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit;
            try (PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                exit = Main.run(args.toArray(new String[0]), o, e);
            }
            assertEquals(0, exit, () -> err.toString(StandardCharsets.UTF_8));
            return TestData.csv(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Spark's report rows as the CLI writes them: money with the currency's digits, counts with 6. */
    static List<List<String>> report(List<Row> rows) {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows) {
            List<String> f = new ArrayList<>();
            int currency = r.fieldIndex("currency");
            String code = r.getString(currency);
            int digits = Money.fractionDigits(Money.currency(code));
            for (int i = 0; i < r.size(); i++) {
                Object v = r.get(i);
                if (v instanceof BigDecimal d) {
                    String name = r.schema().fields()[i].name();
                    f.add((Reports.MONEY.contains(name) ? d.setScale(digits) : d).toPlainString());
                } else {
                    f.add(v == null ? "" : String.valueOf(v));
                }
            }
            out.add(f);
        }
        return out;
    }

    /**
     * The CLI's rows sorted by model (in {@code models} order) and opportunity id; an opportunity's rows
     * keep their (journey) order.
     */
    static List<List<String>> sorted(List<List<String>> rows, List<String> models) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            index.put(models.get(i), i);
        }
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(
                Comparator.<List<String>>comparingInt(r -> index.get(r.get(0))).thenComparing(r -> r.get(1)));
        return copy;
    }

    /** Spark's ordered rows as the CLI's CSV fields, sorted by model index, opportunity id and position. */
    static List<List<String>> spark(List<Row> rows) {
        List<Row> copy = new ArrayList<>(rows);
        copy.sort(Comparator.<Row>comparingInt(r -> r.getInt(r.fieldIndex("model_index")))
                .thenComparing(r -> r.getString(r.fieldIndex("opportunity_id")))
                .thenComparingInt(r -> r.getInt(r.fieldIndex("position"))));
        List<List<String>> out = new ArrayList<>();
        for (Row r : copy) {
            out.add(fields(r));
        }
        return out;
    }

    /** One credit row's fields as the CLI writes them (credit with the currency's digits). */
    static List<String> fields(Row r) {
        String currency = r.getString(r.fieldIndex("currency"));
        BigDecimal credit = r.getDecimal(r.fieldIndex("credit"));
        String touch = r.getString(r.fieldIndex("touchpoint_id"));
        return List.of(
                r.getString(r.fieldIndex("model")),
                r.getString(r.fieldIndex("opportunity_id")),
                touch == null ? "" : touch,
                r.getString(r.fieldIndex("channel")),
                r.getString(r.fieldIndex("campaign")),
                r.getString(r.fieldIndex("weight")),
                credit.setScale(Money.fractionDigits(Money.currency(currency))).toPlainString(),
                currency);
    }
}
