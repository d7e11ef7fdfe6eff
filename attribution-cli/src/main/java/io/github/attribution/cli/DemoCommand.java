package io.github.attribution.cli;

import io.github.attribution.Attributor;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.internal.Escaping;
import io.github.attribution.internal.Numbers;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.report.Comparison;
import io.github.attribution.report.Dimension;
import io.github.attribution.report.Funnel;
import io.github.attribution.report.FunnelReport;
import io.github.attribution.report.FunnelTable;
import io.github.attribution.report.Report;
import io.github.attribution.report.ReportSpec;
import io.github.attribution.report.ReportTable;
import io.github.attribution.sample.SampleGenerator;
import java.util.List;
import java.util.Set;

/**
 * {@code demo}: generates a small B2B sample in memory (what {@code generate --opportunities 300 --seed
 * 2026} writes, without opportunity contacts), runs {@code compare} on it with its default models, and
 * prints the table; {@code --html FILE} also writes the page.
 */
final class DemoCommand implements Command {
    /** The sample's size and seed: the same every run, so the demo's table never changes. */
    static final int SAMPLE_OPPORTUNITIES = 300;

    static final long SAMPLE_SEED = 2026;

    /** The model the demo's funnel table credits stage events with. */
    static final String FUNNEL_MODEL = "w-shaped";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "runs 'compare' on a small generated B2B sample and prints the table";
    }

    @Override
    public String usage() {
        return "  --model NAME[:k=v,...]   a model (repeatable; default every rule-based and data-driven one)\n"
                + CompareCommand.MODELS_USAGE
                + "\n"
                + "  --html FILE              also write the comparison as a self-contained HTML page";
    }

    @Override
    public Args.Spec options() {
        return new Args.Spec(Set.of("html", "model", "models"), Set.of(), Set.of("model", "models"));
    }

    @Override
    public int run(Args args, Context context) throws Exception {
        long began = System.nanoTime();
        String html = CompareCommand.htmlFile(args.get("html"));
        Dataset sample = SampleGenerator.generate(SAMPLE_OPPORTUNITIES, SAMPLE_SEED);
        List<String> models = Inputs.modelLabels(args);
        CompareCommand.requireDistinct(models);
        Inputs inputs = Inputs.ofDataset(sample, models.isEmpty() ? CompareCommand.defaultModels() : models);
        context.out()
                .println((models.isEmpty() ? "Every model" : models.size() == 1 ? "One model" : "The models chosen")
                        + " on a generated sample of " + sample.opportunityCount() + " opportunities and "
                        + Numbers.grouped(Integer.toString(sample.touchCount()))
                        + " touchpoints\n(the data of 'generate"
                        + " --opportunities " + SAMPLE_OPPORTUNITIES + " --seed " + SAMPLE_SEED + "').\n");
        CompareCommand.compare(inputs, Comparison.Basis.REVENUE, OutputFormat.TEXT, null, html, context, began);
        printFunnel(sample, context);
        return 0;
    }

    /**
     * The sample's funnel: each stage event of its stage history (leads, MQLs, SQLs, opportunities,
     * proposals, won deals) credited to the channels before it under w-shaped, as {@code report --funnel
     * default --model w-shaped --by channel} prints it (the stage table only).
     */
    private static void printFunnel(Dataset sample, Context context) {
        Attributor attributor = Attributor.create();
        Journeys journeys = attributor.journeys(sample);
        AttributionModel model = Models.byName(FUNNEL_MODEL);
        ReportTable base = Report.run(attributor, journeys, model, ReportSpec.of(Dimension.CHANNEL), List.of());
        FunnelTable funnel = FunnelReport.of(attributor, journeys, model, base, Funnel.standard(sample));
        context.out().println();
        context.out().print(Escaping.printableLines(funnel.stageText(context.width())));
    }
}
