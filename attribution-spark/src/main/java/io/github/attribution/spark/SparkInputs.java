package io.github.attribution.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import io.github.attribution.data.CampaignCost;
import io.github.attribution.data.Money;
import io.github.attribution.data.Opportunity;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.Person;
import io.github.attribution.data.TouchType;
import io.github.attribution.data.Touchpoint;
import io.github.attribution.internal.Values;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inputs of a run on Spark: touchpoints and opportunities, optionally people and opportunity
 * contacts, as {@code Dataset<Row>}s with the column names of the CSV files ({@code docs/data.md}).
 * Columns may be strings (parsed exactly as the command line parses the files), or, for instants,
 * Spark timestamps and dates, and for amounts, decimals or integers.
 *
 * <p>Rows are checked as the command line checks them: a bad value fails the run with a one-line
 * {@link InvalidInputException} naming the input, the column and the value; with {@link
 * #skipInvalid()} bad rows are left out and counted ({@link #rejected()}). Duplicate ids and contacts
 * of unknown opportunities are checked too (the command line keeps the first of duplicate rows; here
 * the row kept is the least by its columns' values, since Spark has no file order).
 *
 * <p>Immutable: each {@code with} method returns a new instance.
 */
public final class SparkInputs {
    private static final Logger LOG = LoggerFactory.getLogger(SparkInputs.class);

    /** Typed touchpoints: what the engine reads. */
    static final StructType TOUCHES = new StructType(new StructField[] {
        DataTypes.createStructField("touchpoint_id", DataTypes.StringType, false),
        DataTypes.createStructField("account_id", DataTypes.StringType, false),
        DataTypes.createStructField("person_id", DataTypes.StringType, true),
        DataTypes.createStructField("occurred_at", DataTypes.LongType, false),
        DataTypes.createStructField("channel", DataTypes.StringType, false),
        DataTypes.createStructField("source", DataTypes.StringType, false),
        DataTypes.createStructField("campaign", DataTypes.StringType, false),
        DataTypes.createStructField("offer", DataTypes.StringType, false),
        DataTypes.createStructField("touch_type", DataTypes.StringType, false)
    });

    /** Typed opportunities: amounts in minor units, instants in nanoseconds, no close as null. */
    static final StructType OPPORTUNITIES = new StructType(new StructField[] {
        DataTypes.createStructField("opportunity_id", DataTypes.StringType, false),
        DataTypes.createStructField("account_id", DataTypes.StringType, false),
        DataTypes.createStructField("amount", DataTypes.LongType, false),
        DataTypes.createStructField("currency", DataTypes.StringType, false),
        DataTypes.createStructField("created_at", DataTypes.LongType, false),
        DataTypes.createStructField("closed_at", DataTypes.LongType, true),
        DataTypes.createStructField("status", DataTypes.StringType, false)
    });

    static final StructType PEOPLE = new StructType(new StructField[] {
        DataTypes.createStructField("person_id", DataTypes.StringType, false),
        DataTypes.createStructField("account_id", DataTypes.StringType, false),
        DataTypes.createStructField("lead_created_at", DataTypes.LongType, true)
    });

    static final StructType CONTACTS = new StructType(new StructField[] {
        DataTypes.createStructField("opportunity_id", DataTypes.StringType, false),
        DataTypes.createStructField("person_id", DataTypes.StringType, false)
    });

    private final Input touchpoints;
    private final Input opportunities;
    private final Input people;
    private final Input contacts;
    private final Input costs;
    private final String defaultCurrency;
    private final boolean skipInvalid;
    private long rejected;
    private transient Typed typed;
    private transient List<CampaignCost> parsedCosts;
    private transient List<CampaignChannel> campaignChannels;

    /** A raw input and the name errors give it (a file name as given, or a table's name). */
    private record Input(Dataset<Row> rows, String name) {}

    private SparkInputs(
            Input touchpoints,
            Input opportunities,
            Input people,
            Input contacts,
            Input costs,
            String defaultCurrency,
            boolean skipInvalid) {
        this.touchpoints = touchpoints;
        this.opportunities = opportunities;
        this.people = people;
        this.contacts = contacts;
        this.costs = costs;
        this.defaultCurrency = defaultCurrency;
        this.skipInvalid = skipInvalid;
    }

    /** Touchpoints and opportunities (errors name them {@code touchpoints} and {@code opportunities}). */
    public static SparkInputs of(Dataset<Row> touchpoints, Dataset<Row> opportunities) {
        return of(touchpoints, "touchpoints", opportunities, "opportunities");
    }

    /** Touchpoints and opportunities, with the names errors give them (such as their file names). */
    public static SparkInputs of(
            Dataset<Row> touchpoints, String touchpointsName, Dataset<Row> opportunities, String opportunitiesName) {
        return new SparkInputs(
                new Input(Objects.requireNonNull(touchpoints, "touchpoints must not be null"), touchpointsName),
                new Input(Objects.requireNonNull(opportunities, "opportunities must not be null"), opportunitiesName),
                null,
                null,
                null,
                "USD",
                false);
    }

    /** These inputs with people rows ({@code person_id, account_id, lead_created_at}). */
    public SparkInputs withPeople(Dataset<Row> rows, String name) {
        return new SparkInputs(
                touchpoints, opportunities, new Input(rows, name), contacts, costs, defaultCurrency, skipInvalid);
    }

    /** These inputs with opportunity contacts ({@code opportunity_id, person_id}): journeys become contact-based. */
    public SparkInputs withContacts(Dataset<Row> rows, String name) {
        return new SparkInputs(
                touchpoints, opportunities, people, new Input(rows, name), costs, defaultCurrency, skipInvalid);
    }

    /**
     * These inputs with campaign costs ({@code campaign, cost, currency, period}): reports gain the
     * command line's cost columns ({@code cost, cost_per_opportunity, cac, roas, roi}).
     */
    public SparkInputs withCosts(Dataset<Row> rows, String name) {
        return new SparkInputs(
                touchpoints, opportunities, people, contacts, new Input(rows, name), defaultCurrency, skipInvalid);
    }

    /** These inputs with {@code code} as the currency of opportunities without one (default USD). */
    public SparkInputs withDefaultCurrency(String code) {
        Values.currency(code);
        return new SparkInputs(touchpoints, opportunities, people, contacts, costs, code.trim(), skipInvalid);
    }

    /** These inputs, leaving bad rows out (counted by {@link #rejected()}) instead of failing. */
    public SparkInputs skippingInvalid() {
        return new SparkInputs(touchpoints, opportunities, people, contacts, costs, defaultCurrency, true);
    }

    /** Whether bad rows are left out instead of failing the run. */
    public boolean skipInvalid() {
        return skipInvalid;
    }

    /**
     * Rows left out as invalid (with {@link #skipInvalid()}): counted by a pass over each input when
     * the inputs are first used, so exact whatever Spark retries.
     */
    public long rejected() {
        return rejected;
    }

    /** Whether campaign costs were given. */
    public boolean hasCosts() {
        return costs != null;
    }

    /** Whether opportunity contacts were given (journeys are contact-based, with account fallback). */
    public boolean hasContacts() {
        return contacts != null;
    }

    /**
     * Reads one input file (or directory of part files) with the project's conventions: CSV with a
     * header row, fields as text, RFC 4180 quotes ({@code ""} inside quotes), empty fields empty;
     * or Parquet with the same column names.
     *
     * @param format {@code csv} or {@code parquet}
     */
    public static Dataset<Row> read(SparkSession spark, String format, String path) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "csv":
                return spark.read()
                        .option("header", "true")
                        .option("inferSchema", "false")
                        .option("quote", "\"")
                        .option("escape", "\"")
                        .option("mode", "PERMISSIVE")
                        .option("nullValue", null)
                        .option("emptyValue", "")
                        .option("enforceSchema", "false")
                        .csv(path);
            case "parquet":
                return spark.read().parquet(path);
            default:
                throw new IllegalArgumentException("format must be csv or parquet: '" + format + "'");
        }
    }

    /**
     * Reads the files of a run; {@code people} and {@code contacts} may be {@code null}. Errors name
     * each file as given.
     */
    public static SparkInputs read(
            SparkSession spark,
            String format,
            String touchpoints,
            String opportunities,
            String people,
            String contacts) {
        SparkInputs in =
                of(read(spark, format, touchpoints), touchpoints, read(spark, format, opportunities), opportunities);
        if (people != null) {
            in = in.withPeople(read(spark, format, people), people);
        }
        if (contacts != null) {
            in = in.withContacts(read(spark, format, contacts), contacts);
        }
        return in;
    }

    /** The checked, typed inputs; built once (the duplicate checks run here, as Spark jobs). */
    synchronized Typed typed() {
        if (typed == null) {
            boolean counter = skipInvalid;
            Dataset<Row> t = parse(touchpoints, TOUCHES, new TouchParser(columns(touchpoints, TOUCH_COLUMNS)), counter);
            Dataset<Row> o = parse(
                    opportunities,
                    OPPORTUNITIES,
                    new OpportunityParser(columns(opportunities, OPPORTUNITY_COLUMNS), defaultCurrency),
                    counter);
            t = unique(t, "touchpoint_id", touchpoints.name, TOUCHES);
            o = unique(o, "opportunity_id", opportunities.name, OPPORTUNITIES);
            Dataset<Row> p = null;
            if (people != null) {
                p = parse(people, PEOPLE, new PersonParser(columns(people, PERSON_COLUMNS)), counter);
                p = unique(p, "person_id", people.name, PEOPLE);
            }
            Dataset<Row> c = null;
            if (contacts != null) {
                c = parse(contacts, CONTACTS, new ContactParser(columns(contacts, CONTACT_COLUMNS)), counter);
                c = knownOpportunities(c, o);
            }
            typed = new Typed(t, o, p, c);
        }
        return typed;
    }

    /**
     * The campaign costs, checked as the command line checks {@code costs.csv} and brought to the driver
     * (a costs table is small: a row per campaign and period), sorted by campaign, period, currency and
     * cost so that nothing depends on the input's order; {@code null} when no costs were given.
     */
    synchronized List<CampaignCost> costs() {
        if (costs == null) {
            return null;
        }
        if (parsedCosts == null) {
            CostParser parser = new CostParser(columns(costs, COST_COLUMNS), defaultCurrency);
            List<CampaignCost> out = new ArrayList<>();
            Map<Currency, Long> totals = new HashMap<>();
            for (Row r : costs.rows.collectAsList()) {
                CampaignCost cost;
                try {
                    cost = parser.parse(r);
                } catch (InvalidInputException e) {
                    if (!skipInvalid) {
                        throw e;
                    }
                    rejected++;
                    LOG.warn("skipped: {}", e.getMessage());
                    continue;
                }
                Currency cur = cost.cost().currency();
                long total = totals.getOrDefault(cur, 0L);
                if (cost.cost().minor() > Long.MAX_VALUE - total) { // every cost sum of a report is at most this
                    throw new InvalidInputException(costs.name + ", column cost: '"
                            + cost.cost().amount().toPlainString() + "' takes the sum of " + cur.getCurrencyCode()
                            + " costs past "
                            + Money.ofMinor(cur, Long.MAX_VALUE).amount().toPlainString()
                            + ", the largest sum of one currency's costs supported");
                }
                totals.put(cur, total + cost.cost().minor());
                out.add(cost);
            }
            out.sort(Comparator.comparing(CampaignCost::campaign)
                    .thenComparing(c -> c.period() == null ? "" : c.period())
                    .thenComparing(c -> c.cost().currency().getCurrencyCode())
                    .thenComparingLong(c -> c.cost().minor()));
            parsedCosts = List.copyOf(out);
        }
        return parsedCosts;
    }

    /** A campaign and a channel it has touches in. */
    record CampaignChannel(String campaign, String channel) {}

    /**
     * Every distinct (campaign, channel) pair of the touches, sorted: what placing costs in channels
     * needs (a campaign maps to a channel when all its touches share one). One small aggregation.
     */
    synchronized List<CampaignChannel> campaignChannels() {
        if (campaignChannels == null) {
            List<CampaignChannel> out = new ArrayList<>();
            for (Row r : typed().touches()
                    .select(col("campaign"), col("channel"))
                    .distinct()
                    .collectAsList()) {
                out.add(new CampaignChannel(r.getString(0), r.getString(1)));
            }
            out.sort(Comparator.comparing(CampaignChannel::campaign).thenComparing(CampaignChannel::channel));
            campaignChannels = List.copyOf(out);
        }
        return campaignChannels;
    }

    /** The checked inputs, typed as {@link #TOUCHES}, {@link #OPPORTUNITIES}, ... ({@code null} when not given). */
    record Typed(Dataset<Row> touches, Dataset<Row> opportunities, Dataset<Row> people, Dataset<Row> contacts) {}

    // ---- columns

    /** A column the parser reads: its name and whether the file must have it. */
    private record Col(String name, boolean required) implements Serializable {}

    private static final List<Col> TOUCH_COLUMNS = List.of(
            new Col("touchpoint_id", true),
            new Col("account_id", true),
            new Col("person_id", false),
            new Col("occurred_at", true),
            new Col("channel", true),
            new Col("source", false),
            new Col("campaign", false),
            new Col("offer", false),
            new Col("touch_type", false));
    private static final List<Col> OPPORTUNITY_COLUMNS = List.of(
            new Col("opportunity_id", true),
            new Col("account_id", true),
            new Col("amount", true),
            new Col("currency", false),
            new Col("created_at", true),
            new Col("closed_at", false),
            new Col("status", true));
    private static final List<Col> PERSON_COLUMNS =
            List.of(new Col("person_id", true), new Col("account_id", true), new Col("lead_created_at", false));
    private static final List<Col> CONTACT_COLUMNS =
            List.of(new Col("opportunity_id", true), new Col("person_id", true));
    private static final List<Col> COST_COLUMNS = List.of(
            new Col("campaign", true), new Col("cost", true), new Col("currency", false), new Col("period", false));

    /** Where each column is in the input's rows (-1 when an optional column is absent). */
    private static Columns columns(Input input, List<Col> wanted) {
        List<String> names = Arrays.asList(input.rows.columns());
        int[] at = new int[wanted.size()];
        String[] n = new String[wanted.size()];
        for (int i = 0; i < at.length; i++) {
            Col c = wanted.get(i);
            at[i] = names.indexOf(c.name);
            n[i] = c.name;
            if (at[i] < 0 && c.required) {
                throw new InvalidInputException(
                        input.name + ": missing column '" + c.name + "'; it has " + String.join(", ", names));
            }
        }
        return new Columns(input.name, n, at);
    }

    /** The positions of a parser's columns in one input, and the input's name. */
    private record Columns(String input, String[] names, int[] at) implements Serializable {
        boolean has(int c) {
            return at[c] >= 0;
        }

        String text(Row r, int c) {
            int i = at[c];
            if (i < 0 || r.isNullAt(i)) {
                return "";
            }
            Object v = r.get(i);
            if (v instanceof String s) {
                return s;
            }
            if (v instanceof BigDecimal d) {
                return d.toPlainString();
            }
            return v.toString();
        }

        /** An instant column: text as the files have it, or a Spark timestamp or date. */
        long instant(Row r, int c) {
            int i = at[c];
            Object v = i < 0 || r.isNullAt(i) ? "" : r.get(i);
            Instant instant;
            if (v instanceof java.sql.Timestamp ts) {
                instant = ts.toInstant();
            } else if (v instanceof Instant in) {
                instant = in;
            } else if (v instanceof java.sql.Date d) {
                instant = d.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
            } else if (v instanceof LocalDate d) {
                instant = d.atStartOfDay(ZoneOffset.UTC).toInstant();
            } else if (v instanceof LocalDateTime d) {
                instant = d.toInstant(ZoneOffset.UTC);
            } else {
                return Values.instant(v.toString());
            }
            try {
                return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("'" + instant + "' is outside 1677..2262");
            }
        }

        /** A currency column: its code, or {@code defaultCurrency} when blank. */
        Currency currency(Row r, int c, String defaultCurrency) {
            String code = text(r, c);
            try {
                return Values.currency(code.isBlank() ? defaultCurrency : code);
            } catch (IllegalArgumentException e) {
                throw error(c, r, e.getMessage());
            }
        }

        /** An amount column in minor units of {@code currency}. */
        long amount(Row r, int c, Currency currency) {
            try {
                return Values.amount(text(r, c), currency);
            } catch (IllegalArgumentException e) {
                throw error(c, r, e.getMessage());
            }
        }

        InvalidInputException error(int c, Row r, String reason) {
            return new InvalidInputException(input + ", column " + names[c] + ": " + reason);
        }

        InvalidInputException error(String field, String reason) {
            return new InvalidInputException(input + (field == null ? "" : ", column " + field) + ": " + reason);
        }
    }

    /** Parses one row into a typed row; throws {@link InvalidInputException} for a bad one. */
    private interface RowParser extends Serializable {
        Row parse(Row raw);

        Columns columns();
    }

    private Dataset<Row> parse(Input input, StructType schema, RowParser parser, boolean skip) {
        if (skip) {
            rejected += invalid(input, parser);
        }
        return parsed(input, schema, parser, skip);
    }

    /** The typed rows of {@code input}; static, so the function Spark ships holds only the parser. */
    private static Dataset<Row> parsed(Input input, StructType schema, RowParser parser, boolean skip) {
        MapPartitionsFunction<Row, Row> f = rows -> new Iterator<Row>() {
            private Row next;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    Row raw = rows.next();
                    try {
                        next = parser.parse(raw);
                    } catch (InvalidInputException e) {
                        if (!skip) {
                            throw e;
                        }
                    }
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Row r = next;
                next = null;
                return r;
            }
        };
        return input.rows.mapPartitions(f, Encoders.row(schema));
    }

    /** Counts (and logs the first few of) the invalid rows of {@code input}: one pass over it. */
    private static long invalid(Input input, RowParser parser) {
        MapPartitionsFunction<Row, Long> f = rows -> {
            long n = 0;
            while (rows.hasNext()) {
                Row raw = rows.next();
                try {
                    parser.parse(raw);
                } catch (InvalidInputException e) {
                    if (n++ < 5) {
                        LOG.warn("skipped: {}", e.getMessage());
                    }
                }
            }
            return List.of(n).iterator();
        };
        return input.rows.mapPartitions(f, Encoders.LONG()).collectAsList().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private static final class TouchParser implements RowParser {
        private static final long serialVersionUID = 1L;
        private final Columns c;

        TouchParser(Columns c) {
            this.c = c;
        }

        @Override
        public Columns columns() {
            return c;
        }

        @Override
        public Row parse(Row r) {
            long at;
            try {
                at = c.instant(r, 3);
            } catch (IllegalArgumentException e) {
                throw c.error(3, r, e.getMessage());
            }
            TouchType type;
            try {
                type = TouchType.parse(c.text(r, 8));
            } catch (IllegalArgumentException e) {
                throw c.error(8, r, e.getMessage());
            }
            String id = c.text(r, 0);
            String account = c.text(r, 1);
            String person = c.text(r, 2);
            String channel = c.text(r, 4);
            try {
                new Touchpoint(
                        id,
                        account,
                        person.isBlank() ? null : person,
                        Instant.ofEpochSecond(0, at),
                        channel,
                        "",
                        "",
                        "",
                        type);
            } catch (io.github.attribution.data.InvalidRecordException e) {
                throw c.error(e.field(), e.getMessage());
            }
            return RowFactory.create(
                    id,
                    account,
                    person.isBlank() ? null : person,
                    at,
                    channel,
                    c.text(r, 5),
                    c.text(r, 6),
                    c.text(r, 7),
                    type.name());
        }
    }

    private static final class OpportunityParser implements RowParser {
        private static final long serialVersionUID = 1L;
        private final Columns c;
        private final String defaultCurrency;

        OpportunityParser(Columns c, String defaultCurrency) {
            this.c = c;
            this.defaultCurrency = defaultCurrency;
        }

        @Override
        public Columns columns() {
            return c;
        }

        @Override
        public Row parse(Row r) {
            Currency currency = c.currency(r, 3, defaultCurrency);
            long minor = c.amount(r, 2, currency);
            long created;
            try {
                created = c.instant(r, 4);
            } catch (IllegalArgumentException e) {
                throw c.error(4, r, e.getMessage());
            }
            Long closed = null;
            if (c.has(5) && !c.text(r, 5).isBlank()) {
                try {
                    closed = c.instant(r, 5);
                } catch (IllegalArgumentException e) {
                    throw c.error(5, r, e.getMessage());
                }
            }
            OpportunityStatus status;
            try {
                status = OpportunityStatus.parse(c.text(r, 6));
            } catch (IllegalArgumentException e) {
                throw c.error(6, r, e.getMessage());
            }
            String id = c.text(r, 0);
            String account = c.text(r, 1);
            try {
                new Opportunity(
                        id,
                        account,
                        Money.ofMinor(currency, minor),
                        Instant.ofEpochSecond(0, created),
                        closed == null ? null : Instant.ofEpochSecond(0, closed),
                        status);
            } catch (io.github.attribution.data.InvalidRecordException e) {
                throw c.error(e.field(), e.getMessage());
            }
            return RowFactory.create(id, account, minor, currency.getCurrencyCode(), created, closed, status.name());
        }
    }

    private static final class PersonParser implements RowParser {
        private static final long serialVersionUID = 1L;
        private final Columns c;

        PersonParser(Columns c) {
            this.c = c;
        }

        @Override
        public Columns columns() {
            return c;
        }

        @Override
        public Row parse(Row r) {
            Long lead = null;
            if (c.has(2) && !c.text(r, 2).isBlank()) {
                try {
                    lead = c.instant(r, 2);
                } catch (IllegalArgumentException e) {
                    throw c.error(2, r, e.getMessage());
                }
            }
            String id = c.text(r, 0);
            String account = c.text(r, 1);
            try {
                new Person(id, account, lead == null ? null : Instant.ofEpochSecond(0, lead));
            } catch (io.github.attribution.data.InvalidRecordException e) {
                throw c.error(e.field(), e.getMessage());
            }
            return RowFactory.create(id, account, lead);
        }
    }

    private static final class ContactParser implements RowParser {
        private static final long serialVersionUID = 1L;
        private final Columns c;

        ContactParser(Columns c) {
            this.c = c;
        }

        @Override
        public Columns columns() {
            return c;
        }

        @Override
        public Row parse(Row r) {
            String opp = c.text(r, 0);
            String person = c.text(r, 1);
            if (opp.isBlank()) {
                throw c.error(0, r, "opportunity_id must not be empty (opportunity contact)");
            }
            if (person.isBlank()) {
                throw c.error(1, r, "person_id must not be empty (opportunity contact of " + opp + ")");
            }
            return RowFactory.create(opp, person);
        }
    }

    /** A costs row, as the command line reads {@code costs.csv}; parsed on the driver. */
    private static final class CostParser {
        private final Columns c;
        private final String defaultCurrency;

        CostParser(Columns c, String defaultCurrency) {
            this.c = c;
            this.defaultCurrency = defaultCurrency;
        }

        CampaignCost parse(Row r) {
            Currency currency = c.currency(r, 2, defaultCurrency);
            long minor = c.amount(r, 1, currency);
            String period = c.text(r, 3).trim();
            try {
                return new CampaignCost(c.text(r, 0), Money.ofMinor(currency, minor), period.isEmpty() ? null : period);
            } catch (io.github.attribution.data.InvalidRecordException e) {
                throw c.error(e.field(), e.getMessage());
            }
        }
    }

    // ---- checks across rows

    /** Fails on a duplicate id, or (skipping) keeps the least row of each id by its columns. */
    private Dataset<Row> unique(Dataset<Row> rows, String id, String name, StructType schema) {
        if (!skipInvalid) {
            List<Row> dup = rows.groupBy(col(id))
                    .agg(count(lit(1)).as("n"))
                    .filter(col("n").gt(1))
                    .select(col(id))
                    .limit(1)
                    .collectAsList();
            if (!dup.isEmpty()) {
                String v = dup.get(0).getString(0);
                throw new InvalidInputException(
                        name + ", column " + id + ": duplicate " + id + ": '" + v + "' appears more than once");
            }
            return rows;
        }
        Column[] all = Arrays.stream(schema.fieldNames()).map(f -> col(f)).toArray(Column[]::new);
        Dataset<Row> grouped = rows.groupBy(col(id))
                .agg(min(struct(all)).as("r"), count(lit(1)).as("n"));
        Row extra = grouped.filter(col("n").gt(1)).selectExpr("sum(n - 1)").first();
        long dups = extra.isNullAt(0) ? 0 : extra.getLong(0);
        if (dups > 0) {
            rejected += dups;
            LOG.warn("{}: skipped {} rows with a duplicate {}", name, dups, id);
        }
        return grouped.select(col("r.*"));
    }

    /** Fails on (or, skipping, leaves out) contacts of opportunities that are not among the opportunities. */
    private Dataset<Row> knownOpportunities(Dataset<Row> c, Dataset<Row> o) {
        Dataset<Row> ids = o.select(col("opportunity_id"));
        Dataset<Row> unknown = c.join(ids, c.col("opportunity_id").equalTo(ids.col("opportunity_id")), "left_anti");
        if (!skipInvalid) {
            List<Row> first = unknown.limit(1).collectAsList();
            if (!first.isEmpty()) {
                String v = first.get(0).getString(0);
                throw new InvalidInputException(contacts.name + ", column opportunity_id: unknown opportunity_id: '" + v
                        + "' is not among the opportunities");
            }
            return c;
        }
        long n = unknown.count();
        if (n > 0) {
            rejected += n;
            LOG.warn("{}: skipped {} contacts of unknown opportunities", contacts.name, n);
        }
        return c.join(ids, c.col("opportunity_id").equalTo(ids.col("opportunity_id")), "left_semi");
    }

    static List<String> names(StructType s) {
        return new ArrayList<>(Arrays.asList(s.fieldNames()));
    }
}
