package io.github.attribution.cli;

import io.github.attribution.Models;
import io.github.attribution.PathAttribution;
import io.github.attribution.PathCredit;
import io.github.attribution.datadriven.MarkovModel;
import io.github.attribution.datadriven.MarkovOrderSelection;
import io.github.attribution.datadriven.PathSet;
import io.github.attribution.internal.Escaping;
import io.github.attribution.io.CsvWriter;
import io.github.attribution.io.PathsReader;
import io.github.attribution.io.Text;
import io.github.attribution.report.TextTable;
import java.io.Writer;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code paths}: channel credits (conversions and value) from a path file, under the path models
 * (markov, shapley, first-touch, last-touch, linear). Output columns {@code model,channel,conversions,value}.
 */
final class PathsCommand implements Command {
    @Override
    public String name() {
        return "paths";
    }

    @Override
    public String summary() {
        return "channel credits from a path file (conversions and value per channel per model)";
    }

    @Override
    public String usage() {
        return "  --paths FILE             the path file (CSV)\n"
                + "  --path-column NAME       column holding the path, such as 'A > B > C' (default path)\n"
                + "  --conversions-column NAME  column of conversion counts (default conversions)\n"
                + "  --nulls-column NAME      column of null (non-conversion) counts; optional\n"
                + "  --value-column NAME      column of conversion value; optional\n"
                + "  --separator S            channel separator (default >)\n"
                + "  --model NAME[:k=v,...]   repeatable; default: " + String.join(", ", Models.PATH_MODELS) + "\n"
                + "  --out FILE               write here instead of standard output\n"
                + "  --format csv|json|text   output format (default csv; text: an aligned table, two decimals)";
    }

    @Override
    public Args.Spec options() {
        return new Args.Spec(
                Set.of(
                        "paths",
                        "path-column",
                        "conversions-column",
                        "nulls-column",
                        "value-column",
                        "separator",
                        "model",
                        "out",
                        "format"),
                Set.of(),
                Set.of("model"));
    }

    /**
     * The rows as an aligned table for a terminal: one section per model, conversions and value to two
     * decimals (rounded half-up), grouped by thousands; blocks of columns when wider than {@code width}.
     */
    static String text(List<PathCredit> rows, int width) {
        TextTable t = new TextTable(
                List.of("model", "channel", "conversions", "value"), new boolean[] {false, false, true, true});
        String model = null;
        for (PathCredit r : rows) {
            if (model != null && !model.equals(r.model())) {
                t.rule();
            }
            model = r.model();
            t.add(List.of(
                    r.model(),
                    r.channel(),
                    r.conversions().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                    r.value().setScale(2, RoundingMode.HALF_UP).toPlainString()));
        }
        return t.render(width, 2);
    }

    @Override
    public int run(Args args, Context context) throws Exception {
        long began = System.nanoTime();
        String file = args.get("paths");
        if (file == null) {
            throw new UsageException("option --paths FILE is required");
        }
        OutputFormat format = OutputFormat.of(args, OutputFormat.CSV);
        if (!Files.isRegularFile(Path.of(file))) {
            throw new UsageException("cannot read --paths '" + file + "': no such file");
        }
        List<String> models = args.all("model").isEmpty() ? Models.PATH_MODELS : args.all("model");
        for (String model : models) {
            try {
                Models.pathModel(model);
            } catch (IllegalArgumentException e) {
                throw new UsageException("option --model: " + e.getMessage() + Inputs.modelSuggestion(model));
            }
        }
        PathsReader reader;
        try {
            reader = new PathsReader(
                    args.get("path-column", "path"),
                    args.get("conversions-column", "conversions"),
                    args.get("nulls-column"),
                    args.get("value-column"),
                    args.get("separator", ">"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --separator: " + e.getMessage());
        }
        PathSet paths = reader.read(Path.of(file));
        List<PathCredit> rows = PathAttribution.compute(paths, models);
        try (Output output = Output.open(args.get("out"), context.out())) {
            Writer w = output.writer();
            if (format == OutputFormat.TEXT) {
                w.write(text(rows, context.width()));
            } else if (format == OutputFormat.CSV) {
                CsvWriter csv = new CsvWriter(w);
                csv.row("model", "channel", "conversions", "value");
                for (PathCredit r : rows) {
                    csv.row(
                            r.model(),
                            r.channel(),
                            r.conversions().toPlainString(),
                            r.value().toPlainString());
                }
            } else {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < rows.size(); i++) {
                    PathCredit r = rows.get(i);
                    sb.append(i == 0 ? "\n" : ",\n").append("{\"model\":");
                    Escaping.appendJson(sb, r.model());
                    sb.append(",\"channel\":");
                    Escaping.appendJson(sb, r.channel());
                    sb.append(",\"conversions\":")
                            .append(r.conversions().toPlainString())
                            .append(",\"value\":")
                            .append(r.value().toPlainString())
                            .append('}');
                }
                w.write(sb.append(rows.isEmpty() ? "]\n" : "\n]\n").toString());
            }
            output.commit();
        }
        for (String model : models) {
            if (Models.pathModel(model) instanceof MarkovModel markov && markov.isAuto()) {
                context.err()
                        .println(model + ": " + MarkovOrderSelection.of(paths).describe());
            }
        }
        context.err()
                .printf(
                        Locale.ROOT,
                        "summary: read %s path rows (%s channels, %s conversions, %s nulls, value %s); %d models;"
                                + " %.2f s.%n",
                        Summary.count(paths.size()),
                        Summary.count(paths.channels().size()),
                        Summary.count(paths.totalConversions()),
                        Summary.count(paths.totalNulls()),
                        Text.grouped(paths.totalValue().toPlainString()),
                        models.size(),
                        (System.nanoTime() - began) / 1e9);
        return 0;
    }
}
