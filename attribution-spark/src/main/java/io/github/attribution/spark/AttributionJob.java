package io.github.attribution.spark;

import static org.apache.spark.sql.functions.col;

import io.github.attribution.data.Money;
import io.github.attribution.journey.JourneySettings;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

/**
 * The job to submit: {@code attribute} (per-touch credits) or {@code report} (credits grouped by
 * dimensions) over input files, written to a directory as Parquet or CSV, with the command line's
 * options and errors.
 *
 * <pre>
 * spark-submit --class io.github.attribution.spark.AttributionJob attribution-spark-VERSION.jar \
 *   attribute --touchpoints s3://lake/touchpoints.csv --opportunities s3://lake/opportunities.csv \
 *   --model w-shaped --model markov --lookback-days 90 --out s3://lake/credits --format parquet
 * </pre>
 *
 * <p>Exit 0 on success, 2 for bad usage or a bad input row (one line on standard error, no stack
 * trace), 1 for anything else. The summary goes to standard error at the end.
 */
public final class AttributionJob {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AttributionJob.class);
    private static final Set<String> VALUED = Set.of(
            "touchpoints",
            "opportunities",
            "people",
            "contacts",
            "costs",
            "currency",
            "lookback-days",
            "cycle-gap-days",
            "as-of",
            "model",
            "out",
            "format",
            "input-format",
            "partitions",
            "by");
    private static final Set<String> FLAGS = Set.of("skip-invalid");
    private static final Set<String> REPEATABLE = Set.of("model", "by");

    static final String USAGE = String.join(
            "\n",
            "usage: AttributionJob attribute|report --touchpoints PATH --opportunities PATH [options] --out DIR",
            "  --touchpoints PATH       touchpoints (required)",
            "  --opportunities PATH     opportunities (required)",
            "  --people PATH            people, for lead-creation milestones",
            "  --contacts PATH          opportunity contacts; makes journeys contact-based",
            "  --model NAME[:k=v,...]   a model (repeatable; report: one, default w-shaped)",
            "  --by DIM                 report: group by DIM (repeatable; default channel)",
            "  --costs PATH             report: campaign costs; adds cost, cost_per_opportunity, cac, roas, roi",
            "  --lookback-days N        ignore touches more than N days before opportunity creation",
            "  --cycle-gap-days N       a quiet gap longer than N days starts a new funnel cycle",
            "  --as-of INSTANT          end open opportunities' journeys here (2026-06-30 or ...T00:00:00Z)",
            "  --currency CODE          currency of rows without one (default USD)",
            "  --skip-invalid           skip bad rows instead of stopping; counted in the summary",
            "  --input-format csv|parquet  how the inputs are stored (default csv)",
            "  --out DIR                the output directory (required; must not exist)",
            "  --format parquet|csv     output format (default parquet)",
            "  --partitions N           partitions opportunities are grouped into (default spark.sql.shuffle.partitions)");

    private AttributionJob() {}

    /** Runs the job in the session {@code spark-submit} provides, and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, null, System.err));
    }

    /**
     * Runs the job in {@code spark} (or the session {@code spark-submit} configured, when null),
     * without exiting.
     *
     * @return the exit code: 0, 2 for bad usage or input, 1 otherwise
     */
    public static int run(String[] args, SparkSession spark, PrintStream err) {
        long began = System.nanoTime();
        try {
            if (args.length == 0) {
                err.println(USAGE);
                return 2;
            }
            if (!(args[0].equals("attribute") || args[0].equals("report"))) {
                throw new Usage(
                        args.length == 0
                                ? "no command given; attribute or report"
                                : "unknown command '" + args[0] + "'; attribute or report");
            }
            String command = args[0];
            Map<String, List<String>> o = parse(args);
            String out = require(o, "out");
            String format = get(o, "format", "parquet").toLowerCase(Locale.ROOT);
            if (!format.equals("parquet") && !format.equals("csv")) {
                throw new Usage("option --format must be parquet or csv: '" + format + "'");
            }
            String inputFormat = get(o, "input-format", "csv").toLowerCase(Locale.ROOT);
            if (!inputFormat.equals("parquet") && !inputFormat.equals("csv")) {
                throw new Usage("option --input-format must be csv or parquet: '" + inputFormat + "'");
            }
            List<String> models = o.getOrDefault("model", List.of());
            if (command.equals("report")) {
                if (models.size() > 1) {
                    throw new Usage("report takes one --model, but " + models.size() + " were given");
                }
                if (models.isEmpty()) {
                    models = List.of("w-shaped");
                }
            } else if (models.isEmpty()) {
                throw new Usage("give at least one --model");
            } else if (o.containsKey("by")) {
                throw new Usage("option --by is for report");
            } else if (o.containsKey("costs")) {
                throw new Usage("option --costs is for report");
            }
            for (String m : models) {
                try {
                    io.github.attribution.Models.byName(m);
                } catch (IllegalArgumentException e) {
                    throw new Usage("--model " + m + ": " + e.getMessage());
                }
            }
            List<String> by = new ArrayList<>();
            for (String b : o.getOrDefault("by", List.of("channel"))) {
                for (String part : b.split(",")) {
                    by.add(part.trim());
                }
            }
            if (command.equals("report")) {
                try {
                    io.github.attribution.report.ReportSpec spec =
                            io.github.attribution.report.ReportSpec.of(by.toArray(new String[0]));
                    if (o.containsKey("costs")) { // costs by a dimension they cannot be split by
                        spec.requireCostDimensions();
                    }
                } catch (IllegalArgumentException e) {
                    throw new Usage("option --by: " + e.getMessage());
                }
            }
            SparkAttribution.Builder b = SparkAttribution.builder().settings(settings(o));
            String partitions = get(o, "partitions", null);
            if (partitions != null) {
                b.partitions((int) number(partitions, "partitions", 1, Integer.MAX_VALUE));
            }
            String currency = get(o, "currency", "USD");
            try {
                Money.currency(currency);
            } catch (IllegalArgumentException e) {
                throw new Usage("option --currency: " + e.getMessage());
            }
            String touchpoints = require(o, "touchpoints");
            String opportunities = require(o, "opportunities");
            if (spark == null) {
                spark = SparkSession.builder().appName("attribution " + command).getOrCreate();
            }
            for (String opt : List.of("touchpoints", "opportunities", "people", "contacts", "costs")) {
                String path = get(o, opt, null);
                if (path != null && !exists(spark, path)) {
                    throw new Usage("option --" + opt + ": cannot read '" + path + "'");
                }
            }
            if (exists(spark, out)) {
                throw new Usage("option --out: '" + out + "' already exists; give a new directory");
            }
            SparkInputs in = SparkInputs.read(
                            spark,
                            inputFormat,
                            touchpoints,
                            opportunities,
                            get(o, "people", null),
                            get(o, "contacts", null))
                    .withDefaultCurrency(currency);
            String costs = get(o, "costs", null);
            if (costs != null) {
                in = in.withCosts(SparkInputs.read(spark, inputFormat, costs), costs);
            }
            if (o.containsKey("skip-invalid")) {
                in = in.skippingInvalid();
            }
            SparkAttribution run = b.build();
            Engine.Counters counters = Engine.Counters.of(spark.sparkContext());
            Dataset<Row> result;
            if (command.equals("attribute")) {
                Dataset<Row> ordered = run.ordered(in, models, counters)
                        .sortWithinPartitions(
                                SparkAttribution.ORDER.stream().map(c -> col(c)).toArray(Column[]::new));
                result = ordered.select(
                        SparkAttribution.COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
            } else {
                result = run.report(in, models.get(0), by, counters);
                for (String note : run.reportNotes(in, models.get(0), by)) {
                    err.println("note: " + note);
                }
            }
            write(result, out, format);
            double seconds = (System.nanoTime() - began) / 1e9;
            err.println(String.format(
                    Locale.ROOT,
                    "summary: %d opportunities (%d unattributed), %d credit rows from %d model%s, %d invalid rows"
                            + " skipped, largest batch %d touch rows; wrote %s (%s) in %.1f s",
                    counters.opportunities().value(),
                    counters.unattributed().value(),
                    counters.rows().value(),
                    models.size(),
                    models.size() == 1 ? "" : "s",
                    in.rejected(),
                    counters.largestBatch().value(),
                    out,
                    format,
                    seconds));
            return 0;
        } catch (Usage e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception | Error e) {
            InvalidInputException bad = InvalidInputException.find(e);
            if (bad != null) {
                err.println("error: " + bad.getMessage());
                return 2;
            }
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            LOG.error("the run failed", e);
            err.println("error: " + root.getClass().getSimpleName() + ": " + root.getMessage());
            return 1;
        }
    }

    /** Writes {@code result} to {@code out}; CSV as the command line writes it (money with its currency's digits). */
    static void write(Dataset<Row> result, String out, String format) {
        if (format.equals("parquet")) {
            result.write().parquet(out);
            return;
        }
        Dataset<Row> text = result;
        if (java.util.Arrays.asList(result.columns()).contains("currency")) {
            SparkSession spark = result.sparkSession();
            spark.udf()
                    .register(
                            "attribution_money",
                            (UDF2<BigDecimal, String, String>) AttributionJob::money,
                            DataTypes.StringType);
            List<Column> cols = new ArrayList<>();
            for (var f : result.schema().fields()) {
                if (f.dataType() instanceof org.apache.spark.sql.types.DecimalType && isMoney(f.name())) {
                    cols.add(org.apache
                            .spark
                            .sql
                            .functions
                            .callUDF("attribution_money", col(f.name()), col("currency"))
                            .as(f.name()));
                } else {
                    cols.add(col(f.name()));
                }
            }
            text = result.select(cols.toArray(new Column[0]));
        }
        text.write()
                .option("header", "true")
                .option("quote", "\"")
                .option("escape", "\"")
                .option("emptyValue", "")
                .option("nullValue", "")
                .csv(out);
    }

    private static boolean isMoney(String column) {
        return column.equals("credit") || Reports.MONEY.contains(column);
    }

    /** {@code amount} with exactly its currency's digits ({@code 12.50}, JPY {@code 13}). */
    static String money(BigDecimal amount, String currency) {
        return amount == null
                ? null
                : amount.setScale(Money.fractionDigits(Money.currency(currency)))
                        .toPlainString();
    }

    private static boolean exists(SparkSession spark, String path) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static JourneySettings settings(Map<String, List<String>> o) {
        JourneySettings s = JourneySettings.DEFAULT;
        String lookback = get(o, "lookback-days", null);
        if (lookback != null) {
            s = s.withLookbackDays(number(lookback, "lookback-days", 0, Long.MAX_VALUE));
        }
        String gap = get(o, "cycle-gap-days", null);
        if (gap != null) {
            s = s.withCycleGapDays(number(gap, "cycle-gap-days", 0, Long.MAX_VALUE));
        }
        String asOf = get(o, "as-of", null);
        if (asOf != null) {
            s = s.withAsOf(instant(asOf));
        }
        return s;
    }

    private static Instant instant(String text) {
        String s = text.trim();
        try {
            if (s.indexOf('T') < 0 && s.indexOf('t') < 0) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            throw new Usage("option --as-of must be a date (2026-06-30) or an instant with a zone"
                    + " (2026-06-30T00:00:00Z): '" + text + "'");
        }
    }

    private static long number(String text, String option, long min, long max) {
        try {
            long v = Long.parseLong(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Usage("option --" + option + " must be a whole number of at least " + min + ": '" + text + "'");
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new Usage("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new Usage("option --" + name + " takes no value");
                }
                o.put(name, List.of("true"));
                continue;
            }
            if (!VALUED.contains(name)) {
                throw new Usage("unknown option --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new Usage("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            List<String> list = o.computeIfAbsent(name, k -> new ArrayList<>());
            if (!list.isEmpty() && !REPEATABLE.contains(name)) {
                throw new Usage("option --" + name + " is given twice");
            }
            list.add(value);
        }
        return o;
    }

    private static String get(Map<String, List<String>> o, String name, String otherwise) {
        List<String> v = o.get(name);
        return v == null ? otherwise : v.get(0);
    }

    private static String require(Map<String, List<String>> o, String name) {
        String v = get(o, name, null);
        if (v == null) {
            throw new Usage("option --" + name + " is required");
        }
        return v;
    }

    /** A usage error: exit 2 with one line. */
    private static final class Usage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message + " (run without arguments for usage)");
        }
    }
}
