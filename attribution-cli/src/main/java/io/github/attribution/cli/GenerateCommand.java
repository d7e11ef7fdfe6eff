package io.github.attribution.cli;

import io.github.attribution.Attributor;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.DatasetSink;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.StageRecord;
import io.github.attribution.data.TouchpointRow;
import io.github.attribution.datadriven.PathStatistics;
import io.github.attribution.io.CsvWriter;
import io.github.attribution.io.DatasetReader;
import io.github.attribution.io.DatasetWriter;
import io.github.attribution.sample.SampleGenerator;
import io.github.attribution.sample.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * {@code generate}: writes a synthetic B2B dataset ({@link SampleGenerator}) as CSV files into a
 * directory, streaming, so any size fits in little memory. The files appear only when it succeeds.
 *
 * <p>With {@code --paths FILE} it also writes a path file aggregated from the dataset's journeys
 * (account-based, no lookback, no cycles): one row per collapsed channel path with its conversions
 * (won opportunities), nulls (lost ones) and value (won amounts), as the data-driven models fit them
 * ({@link PathStatistics#of(io.github.attribution.journey.Journeys)}). It reads the written files
 * back for that, so it needs memory for the whole dataset.
 */
final class GenerateCommand implements Command {
    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "writes a synthetic but realistic B2B dataset of N opportunities (seeded)";
    }

    @Override
    public String usage() {
        return String.join(
                "\n",
                "  --opportunities N        how many opportunities (required)",
                "  --seed S                 the random seed (default 1); the same seed gives the same files",
                "  --out DIR                the directory to write into (required; created if missing):",
                "                           " + String.join(", ", DatasetWriter.FILES),
                "  --paths FILE             also write a path file: one row per channel path of the",
                "                           won and lost journeys, with conversions, nulls and value",
                "  --scenario NAME          simulate journeys from a known causal process instead, and also",
                "                           write truth.csv, each channel's true share of revenue; one of",
                "                           " + String.join(", ", Scenario.names()));
    }

    @Override
    public Args.Spec options() {
        return new Args.Spec(Set.of("opportunities", "seed", "out", "paths", "scenario"), Set.of(), Set.of());
    }

    @Override
    public int run(Args args, Context context) throws Exception {
        long began = System.nanoTime();
        Long n = args.number("opportunities", 0);
        if (n == null) {
            throw new UsageException("option --opportunities is required");
        }
        if (n > Integer.MAX_VALUE / 32) {
            throw new UsageException("option --opportunities must be at most " + Integer.MAX_VALUE / 32 + ": " + n);
        }
        long seed;
        try {
            seed = Long.parseLong(args.get("seed", "1").trim());
        } catch (NumberFormatException e) {
            throw new UsageException("option --seed must be a whole number: '" + args.get("seed") + "'");
        }
        Path dir = Path.of(args.require("out"));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("option --out must be a directory: '" + dir + "' is a file");
        }
        Scenario scenario = null;
        if (args.get("scenario") != null) {
            try {
                scenario = Scenario.byName(args.get("scenario").trim());
            } catch (IllegalArgumentException e) {
                throw new UsageException("option --scenario: " + e.getMessage()
                        + Suggest.didYouMean(args.get("scenario"), Scenario.names(), ""));
            }
        }
        Path paths = args.get("paths") == null ? null : Path.of(args.get("paths"));
        if (paths != null) {
            Path parent = paths.toAbsolutePath().getParent();
            if (Files.isDirectory(paths)) {
                throw new UsageException("cannot write '" + paths + "': it is a directory");
            }
            if (parent == null
                    || !Files.isDirectory(parent)
                            && !parent.normalize().equals(dir.toAbsolutePath().normalize())) {
                throw new UsageException("cannot write '" + paths + "': its directory does not exist");
            }
        }
        long[] counts = new long[6];
        Progress progress = new Progress(context, began);
        try (DatasetWriter writer = DatasetWriter.open(dir);
                Output truth =
                        scenario == null ? null : Output.open(dir.resolve(TRUTH).toString(), context.out())) {
            DatasetSink sink = new DatasetSink() {
                @Override
                public void touchpoint(TouchpointRow touch) {
                    counts[0]++;
                    writer.touchpoint(touch);
                }

                @Override
                public void person(String id, String accountId, long leadCreatedAt) {
                    counts[2]++;
                    writer.person(id, accountId, leadCreatedAt);
                }

                @Override
                public void opportunity(
                        String id,
                        String accountId,
                        Currency currency,
                        long amountMinor,
                        long createdAt,
                        long closedAt,
                        OpportunityStatus status) {
                    counts[1]++;
                    writer.opportunity(id, accountId, currency, amountMinor, createdAt, closedAt, status);
                    progress.update("generate", counts[1], n);
                }

                @Override
                public void contact(String opportunityId, String personId) {
                    counts[3]++;
                    writer.contact(opportunityId, personId);
                }

                @Override
                public void cost(String campaign, Currency currency, long costMinor, String period) {
                    counts[4]++;
                    writer.cost(campaign, currency, costMinor, period);
                }

                @Override
                public void stage(StageRecord kind, String recordId, String stage, long enteredAt) {
                    counts[5]++;
                    writer.stage(kind, recordId, stage, enteredAt);
                }
            };
            if (scenario == null) {
                SampleGenerator.generate(n.intValue(), seed, sink);
            } else {
                scenario.generate(n.intValue(), seed, sink);
                writeTruth(scenario, truth.writer());
            }
            writer.commit();
            if (truth != null) {
                truth.commit();
            }
        } finally {
            progress.done();
        }
        int pathRows = paths == null ? 0 : writePaths(dir, paths, context);
        context.err()
                .printf(
                        java.util.Locale.ROOT,
                        "summary: wrote %s opportunities, %s touchpoints, %s people, %s opportunity contacts, %s"
                                + " campaign costs and %s stage rows to %s (seed %d%s)%s; %.2f s.%n",
                        Summary.count(counts[1]),
                        Summary.count(counts[0]),
                        Summary.count(counts[2]),
                        Summary.count(counts[3]),
                        Summary.count(counts[4]),
                        Summary.count(counts[5]),
                        dir,
                        seed,
                        scenario == null ? "" : ", scenario " + scenario.name() + ", with " + TRUTH,
                        paths == null ? "" : ", and " + Summary.count(pathRows) + " channel paths to " + paths,
                        (System.nanoTime() - began) / 1e9);
        return 0;
    }

    /** The file of true shares written beside a scenario's data. */
    static final String TRUTH = "truth.csv";

    /**
     * Writes {@code scenario,channel,effect,presence,contribution,share}: per channel (by name) its
     * effect on the win probability, its presence probability, the expected revenue it causes per
     * opportunity (USD) and its true share of revenue (12 decimals), as {@link Scenario#truth()}.
     */
    static void writeTruth(Scenario scenario, java.io.Writer out) throws java.io.IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row("scenario", "channel", "effect", "presence", "contribution", "share");
        for (Scenario.Truth t : scenario.truth()) {
            csv.row(
                    scenario.name(),
                    t.channel(),
                    t.effect().toPlainString(),
                    t.presence().toPlainString(),
                    t.contribution().toPlainString(),
                    t.share().toPlainString());
        }
    }

    /** Writes the path file of the dataset just written to {@code dir}; returns its number of rows. */
    private static int writePaths(Path dir, Path file, Context context) throws Exception {
        DatasetReader reader = DatasetReader.strict(Currency.getInstance("USD"));
        Dataset.Builder builder = Dataset.builder();
        reader.readTouchpoints(dir.resolve("touchpoints.csv"), builder);
        reader.readOpportunities(dir.resolve("opportunities.csv"), builder);
        PathStatistics stats = PathStatistics.of(Attributor.create().journeys(builder.build()));
        List<PathStatistics.PathCount> rows = stats.paths();
        try (Output out = Output.open(file.toString(), context.out())) {
            CsvWriter csv = new CsvWriter(out.writer());
            csv.row("path", "conversions", "nulls", "value");
            for (PathStatistics.PathCount row : rows) {
                csv.row(
                        String.join(" > ", row.path()),
                        Long.toString(row.conversions()),
                        Long.toString(row.nulls()),
                        row.value().toPlainString());
            }
            out.commit();
        }
        return rows.size();
    }
}
