package io.github.attribution.cli;

import io.github.attribution.io.CsvReader;
import io.github.attribution.io.DataFileException;
import io.github.attribution.journey.Journeys;
import io.github.attribution.report.Bootstrap;
import io.github.attribution.report.Comparison;
import io.github.attribution.report.Evaluation;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code evaluate}: every model scored against known true channel shares (the {@code truth.csv} that
 * {@code generate --scenario} writes), as a leaderboard ({@link Evaluation}); with {@code --intervals},
 * bootstrap intervals on each score.
 */
final class EvaluateCommand implements Command {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "scores every model against true channel shares (generate --scenario): a leaderboard";
    }

    @Override
    public String usage() {
        return ReportCommand.modelUsage(Inputs.usage(false), "a model (repeatable; default every model compare runs)")
                + "\n"
                + CompareCommand.MODELS_USAGE.replace("models to compare", "models to score")
                + "\n"
                + "  --truth FILE             the true shares: CSV with columns channel and share (a fraction),\n"
                + "                           such as the truth.csv of generate --scenario (required)\n"
                + "  --intervals LEVEL        add bootstrap intervals at LEVEL percent (such as 95)\n"
                + "  --replicates N           bootstrap replicates (default 200; needs --intervals)\n"
                + "  --seed S                 seed of the bootstrap weights (default 1; needs --intervals)\n"
                + "  --html FILE              also write the comparison page of the models with the leaderboard\n"
                + "                           first (and the intervals, with --intervals)\n"
                + "  --out FILE               write here instead of standard output\n"
                + "  --format csv|json|text   output format (default csv; text: the aligned leaderboard)";
    }

    @Override
    public Args.Spec options() {
        return Inputs.spec(false)
                .with(new Args.Spec(
                        Set.of("truth", "out", "format", "html", "intervals", "replicates", "seed", "models"),
                        Set.of(),
                        Set.of("models")));
    }

    @Override
    public int run(Args args, Context context) throws Exception {
        long began = System.nanoTime();
        OutputFormat format = OutputFormat.of(args, OutputFormat.CSV);
        String html = CompareCommand.htmlFile(args.get("html"));
        String truthFile = args.get("truth");
        if (truthFile == null) {
            throw new UsageException("option --truth FILE is required");
        }
        if (!Files.isRegularFile(Path.of(truthFile))) {
            throw new UsageException("cannot read --truth '" + truthFile + "': no such file");
        }
        Bootstrap.Settings intervals = CompareCommand.intervals(args);
        CompareCommand.requireDistinct(Inputs.modelLabels(args));
        Map<String, BigDecimal> truth = readTruth(Path.of(truthFile), truthFile);
        try (Inputs inputs = Inputs.load(args, context, CompareCommand.defaultModels(), new Progress(context, began))) {
            evaluate(inputs, args, context, format, truth, intervals, html, began);
        }
        return 0;
    }

    private static void evaluate(
            Inputs inputs,
            Args args,
            Context context,
            OutputFormat format,
            Map<String, BigDecimal> truth,
            Bootstrap.Settings intervals,
            String html,
            long began)
            throws IOException {
        Journeys journeys = inputs.attributor.journeys(inputs.data);
        Summary summary = new Summary(inputs, began);
        Comparison comparison = Comparison.run(
                inputs.attributor,
                journeys,
                inputs.models,
                Comparison.Basis.REVENUE,
                (block, model) -> summary.add(model, block),
                intervals);
        Evaluation evaluation;
        try {
            evaluation = Evaluation.of(comparison, truth);
        } catch (IllegalArgumentException e) {
            throw new UsageException("cannot evaluate: " + e.getMessage());
        }
        try (Output output = Output.open(args.get("out"), context.out());
                Output page = html == null ? null : Output.open(html, context.out())) {
            Writer w = output.writer();
            switch (format) {
                case TEXT -> w.write(evaluation.toText(context.width()));
                case CSV -> evaluation.writeCsv(w);
                case JSON -> evaluation.writeJson(w);
            }
            if (page != null) {
                page.writer().write(HtmlReport.render(comparison, null, evaluation));
            }
            Output.commitAll(output, page);
        }
        CompareCommand.printOrderSelections(inputs, journeys, context);
        summary.print(context.err(), journeys);
    }

    /**
     * Reads {@code channel} and {@code share} (a fraction from 0 to 1) per row.
     *
     * @throws DataFileException naming file, line, column and value for a bad or repeated row
     */
    static Map<String, BigDecimal> readTruth(Path path, String name) throws IOException {
        Map<String, BigDecimal> truth = new TreeMap<>();
        try (CsvReader in = CsvReader.open(path)) {
            int channel = in.requireColumn("channel");
            int share = in.requireColumn("share");
            while (in.next()) {
                String c = in.get(channel).trim();
                String s = in.get(share).trim();
                if (c.isEmpty()) {
                    throw new DataFileException(name, in.line(), "channel", c, "a channel name is required");
                }
                BigDecimal v;
                try {
                    v = new BigDecimal(s);
                } catch (NumberFormatException e) {
                    throw new DataFileException(name, in.line(), "share", s, "'" + s + "' is not a number");
                }
                if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
                    throw new DataFileException(
                            name, in.line(), "share", s, "'" + s + "' is not a fraction from 0 to 1");
                }
                if (truth.put(c, v) != null) {
                    throw new DataFileException(name, in.line(), "channel", c, "channel '" + c + "' is given twice");
                }
            }
        }
        if (truth.isEmpty()) {
            throw new UsageException("--truth '" + name + "' names no channel");
        }
        return truth;
    }
}
