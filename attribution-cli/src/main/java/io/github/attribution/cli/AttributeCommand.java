package io.github.attribution.cli;

import io.github.attribution.io.CreditWriter;
import io.github.attribution.journey.Journeys;
import java.util.List;
import java.util.Set;

/**
 * {@code attribute}: per-touch credits of one or more models, streamed block by block to CSV or JSON
 * (columns in docs/data.md, "Output files"), then the summary on standard error.
 */
final class AttributeCommand implements Command {
    @Override
    public String name() {
        return "attribute";
    }

    @Override
    public String summary() {
        return "per-touch credits for one or more models";
    }

    @Override
    public String usage() {
        return Inputs.usage(false) + "\n"
                + "  --out FILE               write here instead of standard output\n"
                + "  --format csv|json        output format (default csv; for a table to read, see report and compare)\n"
                + "  --csv-safe               prefix ' to CSV text starting with = + - @ (for spreadsheets)";
    }

    @Override
    public Args.Spec options() {
        return Inputs.spec(false).with(new Args.Spec(Set.of("out", "format"), Set.of("csv-safe"), Set.of()));
    }

    @Override
    public int run(Args args, Context context) throws Exception {
        long began = System.nanoTime();
        CreditWriter.Format format = switch (OutputFormat.of(args, OutputFormat.CSV)) {
            case CSV -> CreditWriter.Format.CSV;
            case JSON -> CreditWriter.Format.JSON;
            case TEXT ->
                throw new UsageException("attribute writes --format csv or json: a row per credited touch is"
                        + " for files and programs; 'report --format text' and 'compare --format text'"
                        + " print tables");
        };
        Progress progress = new Progress(context, began);
        try (Inputs inputs = Inputs.load(args, context, List.of(), progress)) {
            return run(args, context, inputs, format, progress, began);
        }
    }

    private static int run(
            Args args, Context context, Inputs inputs, CreditWriter.Format format, Progress progress, long began)
            throws Exception {
        Journeys journeys = inputs.attributor.journeys(inputs.data);
        Summary summary = new Summary(inputs, began);
        int models = inputs.models.size();
        long opportunities = inputs.data.opportunityCount();
        try (Output output = Output.open(args.get("out"), context.out())) {
            CreditWriter writer = new CreditWriter(output.stream(), format, args.flag("csv-safe"));
            for (int m = 0; m < models; m++) {
                int model = m;
                String label = inputs.labels.get(m);
                // rows are rendered to bytes on the worker threads; this thread only writes them in order
                inputs.attributor.stream(
                        journeys, inputs.models.get(m), table -> writer.render(label, table), (table, rendered) -> {
                            writer.write(rendered);
                            summary.add(model, table);
                            progress.update(
                                    "attribute " + label,
                                    model * opportunities + table.endOpportunity(),
                                    models * opportunities);
                        });
            }
            writer.finish();
            Output.commitAll(output, inputs.rejectsOutput());
        } finally {
            progress.done();
        }
        summary.print(context.err(), journeys);
        return 0;
    }
}
