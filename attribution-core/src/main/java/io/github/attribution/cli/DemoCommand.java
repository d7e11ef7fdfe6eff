package io.github.attribution.cli;

import io.github.attribution.report.Comparison;
import java.util.Set;

/**
 * {@code demo}: runs {@code compare} on the small B2B sample bundled in the jar ({@code /sample}, made
 * by {@code generate --opportunities 300 --seed 2026}) with its default models, and prints the table;
 * {@code --html FILE} also writes the page.
 */
final class DemoCommand implements Command {
    /** Where the bundled sample lives on the class path. */
    static final String SAMPLE = "/sample";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "runs 'compare' on a small B2B sample bundled in the jar and prints the table";
    }

    @Override
    public String usage() {
        return "  --html FILE              also write the comparison as a self-contained HTML page";
    }

    @Override
    public Args.Spec options() {
        return new Args.Spec(Set.of("html"), Set.of(), Set.of());
    }

    @Override
    public int run(Args args, Context context) throws Exception {
        long began = System.nanoTime();
        String html = CompareCommand.htmlFile(args.get("html"));
        Inputs inputs = Inputs.loadResource(SAMPLE, CompareCommand.defaultModels(), context);
        context.out()
                .println("Every model on a bundled sample of " + inputs.data.opportunityCount() + " opportunities and "
                        + inputs.data.touchCount() + " touchpoints (generate --opportunities 300 --seed 2026).\n");
        CompareCommand.compare(inputs, Comparison.Basis.REVENUE, OutputFormat.TEXT, null, html, context, began);
        return 0;
    }
}
