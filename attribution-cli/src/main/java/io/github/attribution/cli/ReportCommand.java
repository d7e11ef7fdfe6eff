package io.github.attribution.cli;

import io.github.attribution.internal.Escaping;
import io.github.attribution.journey.Journeys;
import io.github.attribution.report.Bootstrap;
import io.github.attribution.report.Dimension;
import io.github.attribution.report.Funnel;
import io.github.attribution.report.FunnelReport;
import io.github.attribution.report.FunnelTable;
import io.github.attribution.report.ReportAccumulator;
import io.github.attribution.report.ReportSpec;
import io.github.attribution.report.ReportTable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/**
 * {@code report}: one model's credits grouped by the {@code --by} dimensions, with pipeline, revenue,
 * counts, and cost and ROI columns when {@code --costs} is given (columns in {@link ReportTable}). CSV,
 * JSON or text to {@code --out} or standard output; the report's notes (costs that could not be
 * placed) and the summary on standard error.
 *
 * <p>A report is of one model: several {@code --model} options are a usage error, since the groups of
 * different models do not belong in one table ({@code compare} puts models side by side).
 */
final class ReportCommand implements Command {
    /** The model when no {@code --model} is given. */
    static final String DEFAULT_MODEL = "w-shaped";

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "credits grouped by dimensions, with pipeline, revenue, counts, and ROI when costs are given";
    }

    @Override
    public String usage() {
        String indent = " ".repeat(27);
        StringBuilder by = new StringBuilder(
                "  --by DIM                 group by DIM (repeatable, in column order; default channel):");
        int lineStart = 0;
        for (Dimension d : Dimension.values()) {
            String word = d.label() + (d.ordinal() + 1 < Dimension.values().length ? "," : "");
            if (by.length() - lineStart + 1 + word.length() > 100) {
                lineStart = by.length() + 1;
                by.append('\n').append(indent).append(word);
            } else {
                by.append(' ').append(word);
            }
        }
        return modelUsage(Inputs.usage(true), "the model; one only (default " + DEFAULT_MODEL + "); see 'models'")
                + "\n"
                + by + "\n" + indent + "with --costs: campaign, channel and periods only\n"
                + "  --funnel STAGES          the funnel report: stage counts, conversion, velocity, cost per stage;\n"
                + "                           STAGES such as lead,mql,sql,opportunity,won, or 'default' for the\n"
                + "                           stages the files hold (the default whenever --stages is given)\n"
                + "  --conversion FILE        with the funnel and CSV: write conversion and velocity here\n"
                + "  --intervals LEVEL        add bootstrap intervals at LEVEL percent (such as 95) to the pipeline,\n"
                + "                           revenue, opportunities, won and touches cells, resampling accounts\n"
                + "  --replicates N           bootstrap replicates (default 200; needs --intervals)\n"
                + "  --seed S                 seed of the bootstrap weights (default 1; needs --intervals)\n"
                + "  --out FILE               write here instead of standard output\n"
                + "  --format csv|json|text   output format (default csv); text adds totals and marketing's\n"
                + "                           sourced and influenced revenue";
    }

    /** {@code usage} with the description of {@code --model} replaced by {@code description}. */
    static String modelUsage(String usage, String description) {
        return usage.replace("a model (repeatable); see 'models'", description);
    }

    @Override
    public Args.Spec options() {
        return Inputs.spec(true)
                .with(new Args.Spec(
                        Set.of("by", "out", "format", "funnel", "conversion", "intervals", "replicates", "seed"),
                        Set.of(),
                        Set.of("by")));
    }

    @Override
    public int run(Args args, Context context) throws Exception {
        long began = System.nanoTime();
        OutputFormat format = OutputFormat.of(args, OutputFormat.CSV);
        ReportSpec spec = spec(args.all("by"));
        Bootstrap.Settings intervals = CompareCommand.intervals(args);
        if (intervals != null && (args.get("funnel") != null || args.get("stages") != null)) {
            throw new UsageException("--intervals is not available for the funnel report (--funnel, --stages)");
        }
        List<String> given = args.all("model");
        if (given.size() > 1) {
            throw new UsageException("report takes one --model, but " + given.size() + " were given ("
                    + String.join(", ", given) + "); run it once per model, or use 'compare'");
        }
        if (args.get("costs") != null) {
            try {
                spec.requireCostDimensions();
            } catch (IllegalArgumentException e) {
                throw new UsageException("option --by: " + e.getMessage());
            }
        }
        Funnel stages = funnelOption(args);
        try (Inputs inputs = Inputs.load(args, context, List.of(DEFAULT_MODEL), new Progress(context, began))) {
            return run(args, context, inputs, format, spec, stages, intervals, began);
        }
    }

    private static int run(
            Args args,
            Context context,
            Inputs inputs,
            OutputFormat format,
            ReportSpec spec,
            Funnel stages,
            Bootstrap.Settings intervals,
            long began)
            throws Exception {
        Funnel funnel = funnel(args, stages, inputs);
        Journeys journeys = inputs.attributor.journeys(inputs.data);
        ReportAccumulator report;
        try {
            report = new ReportAccumulator(
                    journeys, inputs.models.get(0).name(), spec, inputs.costs, args.get("costs") != null);
        } catch (IllegalArgumentException e) { // costs by a dimension they cannot be split by
            throw new UsageException("option --by: " + e.getMessage());
        }
        if (intervals != null) {
            report.intervals(inputs.attributor, inputs.models.get(0), intervals);
        }
        Summary summary = new Summary(inputs, began);
        Progress progress = new Progress(context, began);
        String label = inputs.labels.get(0);
        long opportunities = inputs.data.opportunityCount();
        ReportTable table;
        try (Output output = Output.open(args.get("out"), context.out())) {
            try {
                inputs.attributor.stream(journeys, inputs.models.get(0), block -> {
                    report.accept(block);
                    summary.add(0, block);
                    progress.update("report " + label, block.endOpportunity(), opportunities);
                });
            } finally {
                progress.done();
            }
            table = report.finish();
            Writer writer = output.writer();
            if (funnel != null) {
                writeFunnel(args, context, inputs, journeys, table, funnel, format, writer);
                Output.commitAll(output, inputs.rejectsOutput());
                summary.print(context.err(), journeys);
                return 0;
            }
            switch (format) {
                case CSV -> table.writeCsv(writer);
                case JSON -> table.writeJson(writer);
                case TEXT -> writer.write(Escaping.printableLines(table.toText(context.width()))); // for a terminal
            }
            Output.commitAll(output, inputs.rejectsOutput());
        }
        if (format != OutputFormat.TEXT) { // the text form ends with them already
            table.notes().forEach(n -> context.err().println(Main.line("note: " + n)));
        }
        summary.print(context.err(), journeys);
        return 0;
    }

    /**
     * The funnel of {@code --funnel STAGES}, parsed before any file is read; null for {@code default},
     * for {@code --stages} alone (the standard funnel, which needs the data) and without the funnel
     * report.
     *
     * @throws UsageException for a bad {@code --funnel}, or {@code --conversion} without the funnel report
     */
    private static Funnel funnelOption(Args args) {
        String text = args.get("funnel");
        if (text == null && args.get("stages") == null && args.get("conversion") != null) {
            throw new UsageException("--conversion needs the funnel report (--funnel or --stages)");
        }
        if (text == null || text.trim().equals("default")) {
            return null;
        }
        try {
            return Funnel.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --funnel: " + e.getMessage());
        }
    }

    /**
     * The funnel report's funnel: {@code parsed}, or the standard one for {@code default} or {@code
     * --stages} alone, resolved against the data's stages; null without the funnel report.
     */
    private static Funnel funnel(Args args, Funnel parsed, Inputs inputs) {
        String text = args.get("funnel");
        if (text == null && args.get("stages") == null) {
            return null;
        }
        try {
            Funnel funnel = parsed == null ? Funnel.standard(inputs.data) : parsed;
            funnel.resolve(inputs.data.stageIndex());
            return funnel;
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --funnel: " + e.getMessage());
        }
    }

    private static void writeFunnel(
            Args args,
            Context context,
            Inputs inputs,
            Journeys journeys,
            ReportTable base,
            Funnel funnel,
            OutputFormat format,
            Writer writer)
            throws IOException {
        FunnelTable t;
        try {
            t = FunnelReport.of(inputs.attributor, journeys, inputs.models.get(0), base, funnel);
        } catch (IllegalArgumentException e) { // money in several currencies
            throw new UsageException("option --funnel: " + e.getMessage());
        }
        switch (format) {
            case CSV -> t.writeCsv(writer);
            case JSON -> t.writeJson(writer);
            case TEXT -> writer.write(Escaping.printableLines(t.toText())); // for a terminal
        }
        String conversion = args.get("conversion");
        if (conversion != null) {
            try (Output out = Output.open(conversion, context.out())) {
                t.writeConversionCsv(out.writer());
                out.commit();
            }
        }
        if (format != OutputFormat.TEXT) {
            t.notes().forEach(n -> context.err().println(Main.line("note: " + n)));
        }
    }

    /** The dimensions of the {@code --by} options (each may be a comma-separated list); channel if none. */
    private static ReportSpec spec(List<String> by) {
        if (by.isEmpty()) {
            return ReportSpec.of(Dimension.CHANNEL);
        }
        try {
            return ReportSpec.of(by.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            List<String> labels = java.util.Arrays.stream(Dimension.values())
                    .map(Dimension::label)
                    .toList();
            String hint = "";
            for (String list : by) {
                for (String d : list.split(",")) {
                    if (hint.isEmpty() && !labels.contains(d.trim())) {
                        hint = Suggest.didYouMean(d, labels, "");
                    }
                }
            }
            throw new UsageException("option --by: " + e.getMessage() + hint);
        }
    }
}
