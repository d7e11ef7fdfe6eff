package io.github.attribution.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import io.github.attribution.Models;
import io.github.attribution.datadriven.MarkovModel;
import io.github.attribution.datadriven.MarkovOrderSelection;
import io.github.attribution.datadriven.PathStatistics;
import io.github.attribution.datadriven.ShapleyModel;
import io.github.attribution.journey.JourneySettings;
import io.github.attribution.model.AttributionModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attribution on Spark with the same numbers as the single-machine engine: per-touch credits (the
 * columns of the command line's {@code attribute}) and grouped reports (those of {@code report}).
 *
 * <pre>{@code
 * SparkInputs in = SparkInputs.read(spark, "csv", "touchpoints.csv", "opportunities.csv", null, null);
 * SparkAttribution run = SparkAttribution.builder().lookbackDays(90).build();
 * Dataset<Row> credits = run.credits(in, List.of("w-shaped", "markov"));
 * }</pre>
 *
 * <p>Each opportunity's journey is cut and credited by the core engine on an executor (see the
 * module's README for how rows are routed and what a task holds). Data-driven models ({@code markov},
 * {@code shapley}) take one pass more: path statistics are counted per task and summed by Spark, the
 * model is fitted once on the driver and broadcast, then applied to every journey. Nothing brings
 * touchpoints to the driver.
 *
 * <p>Rows come in no particular order; {@link #ORDER} sorts them as the command line writes them
 * (models in the order given, then opportunity id, then journey order).
 */
public final class SparkAttribution {
    private static final Logger LOG = LoggerFactory.getLogger(SparkAttribution.class);

    /** The columns of {@link #credits}, as {@code attribute} writes them. */
    public static final List<String> COLUMNS =
            List.of("model", "opportunity_id", "touchpoint_id", "channel", "campaign", "weight", "credit", "currency");

    private final JourneySettings settings;
    private final int partitions;
    private final int batchTouches;

    private SparkAttribution(JourneySettings settings, int partitions, int batchTouches) {
        this.settings = settings;
        this.partitions = partitions;
        this.batchTouches = batchTouches;
    }

    /** A builder with default settings (no lookback, no cycles, no as-of). */
    public static Builder builder() {
        return new Builder();
    }

    /** The journey settings. */
    public JourneySettings settings() {
        return settings;
    }

    /**
     * The per-touch credits of {@code models} (names with parameters, as {@code Models.byName} takes
     * them; the {@code model} column holds them as given): {@link #COLUMNS}, {@code credit} an exact
     * {@code decimal(38,4)} in the opportunity's currency, {@code touchpoint_id} null on an
     * opportunity's {@code (unattributed)} row.
     *
     * <p>Runs the data-driven models' fitting pass at once (a Spark job); the credits themselves are
     * computed when the result is used.
     *
     * @throws IllegalArgumentException for an unknown model or bad parameter
     * @throws InvalidInputException for a bad input row (unless skipped), possibly only when the result is used
     */
    public Dataset<Row> credits(SparkInputs inputs, List<String> models) {
        return ordered(inputs, models).select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
    }

    /**
     * {@link #credits} with two more columns, {@code model_index} (the model's place in {@code models})
     * and {@code position} (the row's place in the opportunity's rows, journey order): sorting by
     * {@link #ORDER} gives the command line's row order.
     */
    public Dataset<Row> ordered(SparkInputs inputs, List<String> models) {
        return ordered(inputs, models, null);
    }

    /** {@link #ordered(SparkInputs, List)} counting opportunities and rows into {@code counters}. */
    Dataset<Row> ordered(SparkInputs inputs, List<String> models, Engine.Counters counters) {
        return run(inputs, models, counters, null);
    }

    private Dataset<Row> run(SparkInputs inputs, List<String> models, Engine.Counters counters, List<String> reportBy) {
        Objects.requireNonNull(inputs, "inputs must not be null");
        List<String> labels = List.copyOf(models);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("give at least one model");
        }
        List<AttributionModel> parsed = new ArrayList<>();
        boolean dataDriven = false;
        boolean shapley = false;
        boolean auto = false;
        for (String label : labels) {
            AttributionModel m = Models.byName(label);
            parsed.add(m);
            auto |= m instanceof MarkovModel markov && markov.isAuto();
            dataDriven |= m instanceof MarkovModel || m instanceof ShapleyModel;
            shapley |= m instanceof ShapleyModel;
        }
        SparkInputs.Typed typed = inputs.typed();
        SparkSession spark = typed.touches().sparkSession();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int n = partitions > 0 ? partitions : spark.sessionState().conf().numShufflePartitions();
        // one RDD for both passes: the second reuses the first's shuffle output
        JavaRDD<Row> grouped = Engine.group(typed, settings, n).javaRDD();
        Engine.Settings s = Engine.Settings.of(settings);
        List<String> channels = null;
        if (shapley || auto) {
            // Shapley numbers channels that the fit never saw after the fitted ones, by name, over every
            // channel of the input: each batch's dataset knows them all. The order selection numbers its
            // states by rank among every channel of the input, as the command line does.
            channels = new ArrayList<>();
            for (Row r : typed.touches().select(col("channel")).distinct().collectAsList()) {
                channels.add(r.getString(0));
            }
            channels.sort(null);
        }
        Broadcast<List<AttributionModel>> fitted = null;
        if (dataDriven) {
            Dataset<Row> paths = paths(spark, grouped, s, labels);
            PathStatistics stats = statistics(paths);
            MarkovOrderSelection selection = auto ? MarkovOrderSelection.ofFolds(channels, folds(paths)) : null;
            if (selection != null) {
                LOG.info("{}", selection.describe());
            }
            List<AttributionModel> fits = new ArrayList<>();
            for (AttributionModel m : parsed) {
                if (m instanceof MarkovModel markov && markov.isAuto()) {
                    fits.add(markov.fit(stats, selection));
                } else if (m instanceof MarkovModel markov) {
                    fits.add(markov.fit(stats));
                } else if (m instanceof ShapleyModel sh) {
                    fits.add(sh.fit(stats));
                } else {
                    fits.add(null);
                }
            }
            fitted = jsc.broadcast(fits);
        }
        Engine.Batches batches = new Engine.Batches(
                reportBy == null ? Engine.Output.CREDITS : Engine.Output.REPORT, s, labels, fitted, channels, counters);
        batches.batchTouches(batchTouches);
        if (reportBy != null) {
            batches.report(reportBy);
            return spark.createDataFrame(grouped.mapPartitions(batches), Engine.GROUPS);
        }
        return spark.createDataFrame(grouped.mapPartitions(batches), Engine.CREDITS);
    }

    /**
     * The report of {@code model} grouped by {@code by} (dimension labels: {@code channel}, {@code
     * campaign}, {@code quarter}, ...): the columns of the command line's {@code report} ({@code by...},
     * {@code currency}, {@code pipeline}, {@code revenue}, {@code opportunities}, {@code won}, {@code
     * touches}, and with costs ({@link SparkInputs#withCosts}) {@code cost}, {@code cost_per_opportunity},
     * {@code cac}, {@code roas}, {@code roi}), money as {@code decimal(38,4)} in the row's currency,
     * counts as {@code decimal(38,6)}, ratios as {@code decimal(38,4)}. Each task's batches are reported by the core's {@code ReportAccumulator}; Spark
     * adds the groups up (exact: money in minor units, counts in millionths, never across currencies).
     * Rows come sorted as the command line sorts them (by currency, then by each dimension, placeholders
     * such as {@code (unattributed)} after real values).
     */
    public Dataset<Row> report(SparkInputs inputs, String model, List<String> by) {
        return report(inputs, model, by, null);
    }

    Dataset<Row> report(SparkInputs inputs, String model, List<String> by, Engine.Counters counters) {
        List<String> labels = Reports.dimensions(by);
        Reports.PlacedCosts costs = placedCosts(inputs, model, labels);
        Dataset<Row> groups = run(inputs, List.of(model), counters, labels);
        if (costs == null) {
            return Reports.merge(groups, labels);
        }
        return Reports.merge(groups.sparkSession(), groups, labels, costs.groups());
    }

    /**
     * The notes of {@link #report} with costs, as the command line prints them ({@code note: ...}):
     * costs of campaigns that could not be placed in a channel, or of periods coarser than the report's.
     * Empty without costs.
     */
    public List<String> reportNotes(SparkInputs inputs, String model, List<String> by) {
        Reports.PlacedCosts costs = placedCosts(inputs, model, Reports.dimensions(by));
        return costs == null ? List.of() : costs.notes();
    }

    private static Reports.PlacedCosts placedCosts(SparkInputs inputs, String model, List<String> labels) {
        if (!inputs.hasCosts()) {
            return null;
        }
        // a report by a dimension costs cannot be placed in fails here, before any pass over the data
        io.github.attribution.report.ReportSpec.of(labels.toArray(new String[0]))
                .requireCostDimensions();
        return Reports.placeCosts(
                inputs.costs(),
                inputs.campaignChannels(),
                labels,
                Models.byName(model).name());
    }

    /** The order of the command line's rows: {@code model_index, opportunity_id, position}. */
    public static final List<String> ORDER = List.of("model_index", "opportunity_id", "position");

    /**
     * The path statistics of every won and lost journey, per account fold: counted per task by the
     * core ({@code PathStatistics.byFold} over each batch's journeys) and summed path by path and fold
     * by fold by Spark (exact integers and decimals, as {@code PathStatistics.merge} adds them). Cached:
     * the fit and the order selection both read it.
     */
    private static Dataset<Row> paths(
            SparkSession spark, JavaRDD<Row> grouped, Engine.Settings s, List<String> labels) {
        JavaRDD<Row> rows = grouped.mapPartitions(new Engine.Batches(Engine.Output.PATHS, s, labels, null, null, null));
        return spark.createDataFrame(rows, Engine.PATHS)
                .groupBy(col("fold"), col("path"))
                .agg(
                        sum(col("conversions")).as("conversions"),
                        sum(col("nulls")).as("nulls"),
                        sum(col("value")).as("value"))
                .cache();
    }

    /** The statistics of every fold together, brought to the driver: one row per distinct collapsed path. */
    private static PathStatistics statistics(Dataset<Row> paths) {
        long began = System.nanoTime();
        List<Row> merged = paths.groupBy(col("path"))
                .agg(sum(col("conversions")), sum(col("nulls")), sum(col("value")))
                .collectAsList();
        PathStatistics stats = statistics(merged, 0);
        LOG.info(
                "path statistics: {} distinct paths, {} conversions, {} nulls in {} ms",
                stats.pathCount(),
                stats.conversions(),
                stats.nulls(),
                (System.nanoTime() - began) / 1_000_000);
        return stats;
    }

    /** Each fold's statistics, brought to the driver (for {@code markov:order=auto}). */
    private static List<PathStatistics> folds(Dataset<Row> paths) {
        List<List<Row>> byFold = new ArrayList<>();
        for (int f = 0; f < MarkovOrderSelection.FOLDS; f++) {
            byFold.add(new ArrayList<>());
        }
        for (Row r : paths.collectAsList()) {
            byFold.get(r.getInt(0)).add(r);
        }
        List<PathStatistics> out = new ArrayList<>();
        for (List<Row> rows : byFold) {
            out.add(statistics(rows, 1));
        }
        return out;
    }

    /** Statistics from rows whose path, conversions, nulls and value start at column {@code from}. */
    private static PathStatistics statistics(List<Row> rows, int from) {
        PathStatistics.Builder b = PathStatistics.builder();
        for (Row r : rows) {
            List<String> path = r.getList(from);
            BigDecimal value = r.getDecimal(from + 3);
            b.add(path, r.getLong(from + 1), r.getLong(from + 2), value);
        }
        return b.build();
    }

    /** Configures a {@link SparkAttribution}. */
    public static final class Builder {
        private JourneySettings settings = JourneySettings.DEFAULT;
        private int partitions;
        private int batchTouches = Engine.BATCH_TOUCHES;

        private Builder() {}

        /**
         * How many touch rows a task gathers into one core dataset before attributing it (default
         * 20,000); a single journey larger than that is still attributed whole. With the largest
         * journey, this bounds what a task holds; results do not depend on it.
         */
        public Builder batchTouches(int touches) {
            if (touches < 1) {
                throw new IllegalArgumentException("batch touches must be at least 1: " + touches);
            }
            this.batchTouches = touches;
            return this;
        }

        /** The journey settings (lookback, cycle gap, as-of), as for the core {@code Attributor}. */
        public Builder settings(JourneySettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings must not be null");
            return this;
        }

        /** Leave out touches more than {@code days} before opportunity creation. */
        public Builder lookbackDays(long days) {
            settings = settings.withLookbackDays(days);
            return this;
        }

        /** Start a new funnel cycle after a quiet gap longer than {@code days}. */
        public Builder cycleGapDays(long days) {
            settings = settings.withCycleGapDays(days);
            return this;
        }

        /** End open opportunities' journeys at {@code asOf}. */
        public Builder asOf(Instant asOf) {
            settings = settings.withAsOf(asOf);
            return this;
        }

        /**
         * How many partitions opportunities are grouped into; 0 (the default) takes {@code
         * spark.sql.shuffle.partitions}. Results do not depend on it.
         */
        public Builder partitions(int partitions) {
            if (partitions < 0) {
                throw new IllegalArgumentException("partitions must not be negative: " + partitions);
            }
            this.partitions = partitions;
            return this;
        }

        /** The runner. */
        public SparkAttribution build() {
            return new SparkAttribution(settings, partitions, batchTouches);
        }
    }

    static List<String> list(String... s) {
        return Arrays.asList(s);
    }
}
