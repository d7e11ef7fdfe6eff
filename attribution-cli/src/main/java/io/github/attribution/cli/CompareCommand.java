package io.github.attribution.cli;

import io.github.attribution.ModelInfo;
import io.github.attribution.Models;
import io.github.attribution.datadriven.MarkovModel;
import io.github.attribution.datadriven.MarkovOrderSelection;
import io.github.attribution.internal.Escaping;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.model.ModelFamily;
import io.github.attribution.report.Bootstrap;
import io.github.attribution.report.Comparison;
import io.github.attribution.report.Dimension;
import io.github.attribution.report.Funnel;
import io.github.attribution.report.FunnelReport;
import io.github.attribution.report.FunnelTable;
import io.github.attribution.report.Report;
import io.github.attribution.report.ReportSpec;
import io.github.attribution.report.ReportTable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code compare}: several models' shares per channel side by side, with the spread between them and
 * their rank correlations ({@link Comparison}). CSV (default, like every command), the text table or JSON to {@code --out}
 * or standard output; {@code --html FILE} also writes the self-contained page ({@link HtmlReport}).
 * Without {@code --model}, every model of {@link #defaultModels()}.
 */
final class CompareCommand implements Command {
    /** The help line of {@code --models}, shared with {@code demo}. */
    static final String MODELS_USAGE =
            "  --models A,B,...         models to compare, comma-separated (with or instead of --model)";

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "models side by side per channel, with how much they disagree; --html FILE writes a page";
    }

    @Override
    public String usage() {
        return ReportCommand.modelUsage(
                        Inputs.usage(false), "a model (repeatable; default every rule-based and data-driven one)")
                + "\n"
                + MODELS_USAGE
                + "\n"
                + "  --basis revenue|pipeline shares of won revenue (default) or of all opportunities' amounts\n"
                + "  --html FILE              also write a self-contained HTML page with a chart\n"
                + "  --intervals LEVEL        add bootstrap intervals at LEVEL percent (such as 95) to every\n"
                + "                           figure, resampling accounts\n"
                + "  --replicates N           bootstrap replicates (default 200; needs --intervals)\n"
                + "  --seed S                 seed of the bootstrap weights (default 1; needs --intervals)\n"
                + "  --out FILE               write here instead of standard output\n"
                + "  --format csv|json|text   output format (default csv: one row per channel per model, as the\n"
                + "                           common --format option; text: the aligned table with rank\n"
                + "                           correlations, as demo prints it; json: shares and correlations)";
    }

    @Override
    public Args.Spec options() {
        return Inputs.spec(false)
                .with(new Args.Spec(
                        Set.of("basis", "html", "out", "format", "models", "intervals", "replicates", "seed"),
                        Set.of(),
                        Set.of("models")));
    }

    @Override
    public int run(Args args, Context context) throws Exception {
        long began = System.nanoTime();
        OutputFormat format = OutputFormat.of(args, OutputFormat.CSV);
        Comparison.Basis basis;
        try {
            basis = Comparison.Basis.parse(args.get("basis", "revenue"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --basis: " + e.getMessage());
        }
        String html = htmlFile(args.get("html"));
        Bootstrap.Settings intervals = intervals(args);
        requireDistinct(Inputs.modelLabels(args));
        try (Inputs inputs = Inputs.load(args, context, defaultModels(), new Progress(context, began))) {
            compare(inputs, basis, format, args.get("out"), html, context, began, intervals);
        }
        return 0;
    }

    /**
     * The bootstrap settings of {@code --intervals LEVEL --replicates N --seed S}, or null without
     * {@code --intervals}.
     *
     * @throws UsageException naming the option if a value is invalid, or if {@code --replicates} or
     *     {@code --seed} comes without {@code --intervals}
     */
    static Bootstrap.Settings intervals(Args args) {
        String level = args.get("intervals");
        if (level == null) {
            for (String option : List.of("replicates", "seed")) {
                if (args.get(option) != null) {
                    throw new UsageException("option --" + option + " needs --intervals LEVEL");
                }
            }
            return null;
        }
        double percent;
        try {
            percent = new java.math.BigDecimal(level).doubleValue();
        } catch (NumberFormatException e) {
            throw new UsageException("option --intervals must be a percentage such as 95: '" + level + "'");
        }
        int replicates;
        String r = args.get("replicates", "200");
        try {
            replicates = Integer.parseInt(r);
        } catch (NumberFormatException e) {
            throw new UsageException("option --replicates must be a whole number from 1 to 100000: '" + r + "'");
        }
        long seed;
        String s = args.get("seed", "1");
        try {
            seed = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new UsageException("option --seed must be a whole number: '" + s + "'");
        }
        try {
            return new Bootstrap.Settings(percent, replicates, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --"
                    + (e.getMessage().startsWith("replicates") ? "replicates" : "intervals") + ": " + e.getMessage());
        }
    }

    /**
     * The models compared when none is given: every rule-based model without parameters, then every
     * data-driven model the catalog holds (such as {@code markov} and {@code shapley}), in catalog order.
     */
    static List<String> defaultModels() {
        List<String> names = new ArrayList<>(Models.ruleBasedNames());
        for (ModelInfo m : Models.catalog()) {
            if (m.family() == ModelFamily.DATA_DRIVEN) {
                names.add(m.name());
            }
        }
        return List.copyOf(names);
    }

    /**
     * Runs the comparison of {@code inputs}' models, writes it to {@code out} (standard output when
     * {@code null}) in {@code format} and, when {@code html} is not {@code null}, the page ({@link
     * HtmlReport#render}) there; then prints the summary. Neither file is left partial on failure.
     */
    static void compare(
            Inputs inputs,
            Comparison.Basis basis,
            OutputFormat format,
            String out,
            String html,
            Context context,
            long began)
            throws IOException {
        compare(inputs, basis, format, out, html, context, began, null);
    }

    /** As {@link #compare(Inputs, Comparison.Basis, OutputFormat, String, String, Context, long)}, with intervals when not null. */
    static void compare(
            Inputs inputs,
            Comparison.Basis basis,
            OutputFormat format,
            String out,
            String html,
            Context context,
            long began,
            Bootstrap.Settings intervals)
            throws IOException {
        Journeys journeys = inputs.attributor.journeys(inputs.data);
        Summary summary = new Summary(inputs, began);
        Progress progress = new Progress(context, began);
        long opportunities = inputs.data.opportunityCount();
        long work = opportunities * inputs.models.size();
        try (Output output = Output.open(out, context.out());
                Output page = html == null ? null : Output.open(html, context.out())) {
            Comparison comparison;
            try {
                comparison = Comparison.run(
                        inputs.attributor,
                        journeys,
                        inputs.models,
                        basis,
                        (block, model) -> {
                            summary.add(model, block);
                            progress.update(
                                    "compare " + inputs.labels.get(model),
                                    model * opportunities + block.endOpportunity(),
                                    work);
                        },
                        intervals);
            } finally {
                progress.done();
            }
            Writer writer = output.writer();
            switch (format) {
                case TEXT ->
                    writer.write(Escaping.printableLines(comparison.toText(context.width()))); // for a terminal
                case CSV -> comparison.writeCsv(writer);
                case JSON -> comparison.writeJson(writer);
            }
            if (page != null) {
                page.writer().write(HtmlReport.render(comparison, funnel(inputs, journeys, context)));
            }
            Output.commitAll(output, page, inputs.rejectsOutput());
        }
        printOrderSelections(inputs, journeys, context);
        summary.print(context.err(), journeys);
    }

    /**
     * With a stage history, the funnel view's data: the standard funnel ({@link Funnel#standard}) under
     * the first model, by channel; null without one, or (with a warning) when it cannot be made.
     */
    static FunnelTable funnel(Inputs inputs, Journeys journeys, Context context) {
        if (inputs.data.stageRowCount() == 0) {
            return null;
        }
        AttributionModel model = inputs.models.get(0);
        try {
            ReportTable base =
                    Report.run(inputs.attributor, journeys, model, ReportSpec.of(Dimension.CHANNEL), List.of());
            return FunnelReport.of(inputs.attributor, journeys, model, base, Funnel.standard(inputs.data));
        } catch (IllegalArgumentException e) {
            context.err().println("warning: the page has no funnel view: " + e.getMessage());
            return null;
        }
    }

    /**
     * For each {@code markov:order=auto} model, the score of each order and the one chosen ({@link
     * MarkovOrderSelection#describe()}), one line on standard error, so the choice can be checked.
     */
    static void printOrderSelections(Inputs inputs, Journeys journeys, Context context) {
        for (int m = 0; m < inputs.models.size(); m++) {
            if (inputs.models.get(m) instanceof MarkovModel markov && markov.isAuto()) {
                context.err()
                        .println(inputs.labels.get(m) + ": "
                                + MarkovOrderSelection.of(journeys).describe());
            }
        }
    }

    /**
     * Rejects a model given twice, under any spelling ({@code time-decay} and {@code
     * time-decay:half-life-days=7}): its columns would be indistinguishable.
     *
     * @throws UsageException naming the repeated model
     */
    static void requireDistinct(List<String> labels) {
        Set<String> names = new HashSet<>();
        for (String label : labels) {
            String name;
            try {
                name = Models.byName(label).name();
            } catch (IllegalArgumentException e) {
                continue; // Inputs.load reports it
            }
            if (!names.add(name)) {
                throw new UsageException("--model " + label + " repeats model '" + name + "'; compare each model once");
            }
        }
    }

    /**
     * The {@code --html} file name, checked before any work is done; {@code null} when not given.
     *
     * @throws UsageException if its directory does not exist or it is a directory
     */
    static String htmlFile(String name) {
        if (name == null) {
            return null;
        }
        Path path = Path.of(name).toAbsolutePath();
        if (path.getParent() == null || !Files.isDirectory(path.getParent())) {
            throw new UsageException("option --html: cannot write '" + name + "': its directory does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new UsageException("option --html: cannot write '" + name + "': it is a directory");
        }
        return name;
    }
}
