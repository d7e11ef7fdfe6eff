package io.github.attribution.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.github.attribution.AttributionResult;
import io.github.attribution.Attributor;
import io.github.attribution.Credit;
import io.github.attribution.CreditTable;
import io.github.attribution.Models;
import io.github.attribution.data.Money;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.TouchType;
import io.github.attribution.data.TouchpointRow;
import io.github.attribution.datadriven.PathStatistics;
import io.github.attribution.internal.DatasetAccess;
import io.github.attribution.internal.DatasetAccess.TouchField;
import io.github.attribution.internal.Numbers;
import io.github.attribution.journey.JourneySettings;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.report.ReportAccumulator;
import io.github.attribution.report.ReportRow;
import io.github.attribution.report.ReportSpec;
import io.github.attribution.report.ReportTable;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Groups the inputs so that each opportunity meets the touches its journey needs in one task, and runs
 * the core engine over those groups on the executors.
 *
 * <p>Driver side ({@link #group}): every opportunity becomes one header row (its fields, its contacts
 * with their people rows, its account's earliest lead-creation date) and every touch it may need one
 * touch row with its opportunity id: the touches of its account (no contacts) or of its contacts'
 * people (contacts), at or before the journey's end and not before {@code created_at - lookback}; with
 * a lookback, also the earliest touch of the account or of each contact, which may be the original
 * source. Rows are hash-partitioned by opportunity id and sorted by it, header first.
 *
 * <p>Executor side ({@link Batches}): consecutive opportunities are gathered until about {@link
 * #BATCH_TOUCHES} touch rows, made into a small core {@code Dataset} with the same people, contacts
 * and channels the journeys need, and run through {@link Attributor} with the run's settings. A batch
 * holds one opportunity whatever its size, so a task's memory is bounded by the larger of the batch
 * budget and the largest single journey.
 */
final class Engine {
    /** Touch rows gathered into one core dataset before it is attributed (a single larger journey is kept whole). */
    static final int BATCH_TOUCHES = 20_000;
    /** Opportunities gathered into one core dataset at most. */
    static final int BATCH_OPPORTUNITIES = 2_048;
    /** The scale of the {@code credit} column: the most minor-unit digits of any ISO 4217 currency. */
    static final int CREDIT_SCALE = 4;

    static final DecimalType CREDIT_TYPE = DataTypes.createDecimalType(38, CREDIT_SCALE);

    /** A person id that cannot clash with an input's (it starts with a NUL): carries an account's earliest lead. */
    private static final String LEAD_PERSON = "\u0000lead\u0000";

    /** The per-touch credits with the two columns that order them ({@code model_index}, {@code position}). */
    static final StructType CREDITS = new StructType(new StructField[] {
        DataTypes.createStructField("model_index", DataTypes.IntegerType, false),
        DataTypes.createStructField("model", DataTypes.StringType, false),
        DataTypes.createStructField("opportunity_id", DataTypes.StringType, false),
        DataTypes.createStructField("touchpoint_id", DataTypes.StringType, true),
        DataTypes.createStructField("channel", DataTypes.StringType, false),
        DataTypes.createStructField("campaign", DataTypes.StringType, false),
        DataTypes.createStructField("weight", DataTypes.StringType, false),
        DataTypes.createStructField("credit", CREDIT_TYPE, false),
        DataTypes.createStructField("currency", DataTypes.StringType, false),
        DataTypes.createStructField("position", DataTypes.IntegerType, false)
    });

    /**
     * Path statistics of one batch, per account fold ({@code MarkovOrderSelection.fold}): what
     * data-driven models fit on (summed over folds) and what {@code markov:order=auto} chooses its order
     * on (fold by fold).
     */
    static final StructType PATHS = new StructType(new StructField[] {
        DataTypes.createStructField("fold", DataTypes.IntegerType, false),
        DataTypes.createStructField("path", DataTypes.createArrayType(DataTypes.StringType, false), false),
        DataTypes.createStructField("conversions", DataTypes.LongType, false),
        DataTypes.createStructField("nulls", DataTypes.LongType, false),
        DataTypes.createStructField("value", CREDIT_TYPE, false)
    });

    private Engine() {}

    /** The journey settings in a serializable form. */
    record Settings(Duration lookback, Duration cycleGap, Instant asOf) implements Serializable {
        static Settings of(JourneySettings s) {
            return new Settings(s.lookback(), s.cycleGap(), s.asOf());
        }

        JourneySettings journeySettings() {
            return new JourneySettings(lookback, cycleGap, asOf);
        }
    }

    static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The grouped rows' columns: the header's (0..9), then the touch's ({@link #T}..). */
    private static final Column[] GROUPED = java.util.stream.Stream.of(
                    "opp",
                    "kind",
                    "account_id",
                    "amount",
                    "currency",
                    "created_at",
                    "closed_at",
                    "status",
                    "contacts",
                    "account_lead",
                    "touchpoint_id",
                    "t_account",
                    "person_id",
                    "occurred_at",
                    "channel",
                    "source",
                    "campaign",
                    "offer",
                    "touch_type")
            .map(c -> col(c))
            .toArray(Column[]::new);

    /** Where the touch columns start in a grouped row. */
    private static final int T = 10;

    private static final String[] TOUCH_COLUMNS = {
        "touchpoint_id", "t_account", "person_id", "occurred_at", "channel", "source", "campaign", "offer", "touch_type"
    };

    /** The grouped rows: header and touch rows of each opportunity, partitioned and sorted by opportunity. */
    static Dataset<Row> group(SparkInputs.Typed in, JourneySettings settings, int partitions) {
        Dataset<Row> touches = in.touches().withColumnRenamed("account_id", "t_account");
        long asOf = settings.asOf() == null ? Long.MAX_VALUE : nanos(settings.asOf());
        Column end = when(col("status").equalTo("OPEN"), lit(asOf)).otherwise(col("closed_at"));
        Column lower;
        if (settings.lookback() == null) {
            lower = lit(Long.MIN_VALUE);
        } else {
            long lb = nanos(settings.lookback());
            lower = when(col("created_at").lt(lit(Long.MIN_VALUE + lb)), lit(Long.MIN_VALUE))
                    .otherwise(col("created_at").minus(lit(lb)));
        }
        Dataset<Row> opps = in.opportunities().withColumn("end", end).withColumn("lower", lower);

        Dataset<Row> headers = opps;
        Dataset<Row> contacts = in.contacts() == null ? null : in.contacts().distinct();
        if (contacts != null) {
            Dataset<Row> info = contacts;
            if (in.people() != null) {
                Dataset<Row> p = in.people()
                        .select(
                                col("person_id").as("c_person"),
                                col("account_id").as("c_account"),
                                col("lead_created_at").as("c_lead"));
                info = contacts.join(p, contacts.col("person_id").equalTo(p.col("c_person")), "left");
            } else {
                info = contacts.withColumn("c_account", lit(null).cast("string"))
                        .withColumn("c_lead", lit(null).cast("long"));
            }
            Dataset<Row> byOpp = info.groupBy(col("opportunity_id").as("c_opp"))
                    .agg(collect_list(struct(
                                    col("person_id"),
                                    col("c_account").as("account_id"),
                                    col("c_lead").as("lead")))
                            .as("contacts"));
            headers = headers.join(byOpp, headers.col("opportunity_id").equalTo(byOpp.col("c_opp")), "left")
                    .drop("c_opp");
        } else {
            headers = headers.withColumn(
                    "contacts", lit(null).cast("array<struct<person_id:string,account_id:string,lead:bigint>>"));
        }
        if (in.people() != null) {
            Dataset<Row> leads = in.people()
                    .filter(col("lead_created_at").isNotNull())
                    .groupBy(col("account_id").as("l_account"))
                    .agg(min(col("lead_created_at")).as("account_lead"));
            headers = headers.join(leads, headers.col("account_id").equalTo(leads.col("l_account")), "left")
                    .drop("l_account");
        } else {
            headers = headers.withColumn("account_lead", lit(null).cast("long"));
        }
        headers = headers.select(
                col("opportunity_id").as("opp"),
                lit(0).as("kind"),
                col("account_id"),
                col("amount"),
                col("currency"),
                col("created_at"),
                col("closed_at"),
                col("status"),
                col("contacts"),
                col("account_lead"));

        // touches routed to the opportunities that need them
        Dataset<Row> byAccount = (contacts == null
                        ? opps
                        : opps.join(
                                contacts.select(col("opportunity_id").as("c_opp"))
                                        .distinct(),
                                opps.col("opportunity_id").equalTo(col("c_opp")),
                                "left_anti"))
                .select(col("opportunity_id").as("opp"), col("account_id").as("r_account"), col("end"), col("lower"));
        Dataset<Row> routed =
                window(byAccount.join(touches, byAccount.col("r_account").equalTo(touches.col("t_account"))));
        Dataset<Row> byPerson = null;
        if (contacts != null) {
            byPerson = contacts.join(
                            opps.select(col("opportunity_id").as("c_opp"), col("end"), col("lower")),
                            contacts.col("opportunity_id").equalTo(col("c_opp")))
                    .select(col("c_opp").as("opp"), col("person_id").as("r_person"), col("end"), col("lower"));
            Dataset<Row> t = touches.filter(col("person_id").isNotNull());
            routed = routed.unionByName(
                    window(byPerson.join(t, byPerson.col("r_person").equalTo(t.col("person_id")))));
        }
        if (settings.lookback() != null) {
            // the earliest touch of each account and person: a journey's original source ignores the lookback
            Column first = min(struct(touchColumns())).as("f");
            Dataset<Row> firstOfAccount =
                    touches.groupBy(col("t_account").as("f_account")).agg(first);
            routed = routed.unionByName(
                    early(byAccount.join(firstOfAccount, col("r_account").equalTo(col("f_account")))));
            if (byPerson != null) {
                Dataset<Row> firstOfPerson = touches.filter(col("person_id").isNotNull())
                        .groupBy(col("person_id").as("f_person"))
                        .agg(min(struct(touchColumns())).as("f"));
                routed = routed.unionByName(
                        early(byPerson.join(firstOfPerson, col("r_person").equalTo(col("f_person")))));
            }
        }
        Dataset<Row> all = headers.unionByName(routed, true).select(GROUPED);
        return all.repartition(partitions, col("opp")).sortWithinPartitions(col("opp"), col("kind"));
    }

    private static Column[] touchColumns() {
        Column[] c = new Column[TOUCH_COLUMNS.length];
        // occurred_at first, then the id: the order of min() is journey order (time, then id)
        c[0] = col("occurred_at");
        c[1] = col("touchpoint_id");
        int k = 2;
        for (String name : TOUCH_COLUMNS) {
            if (!name.equals("occurred_at") && !name.equals("touchpoint_id")) {
                c[k++] = col(name);
            }
        }
        return c;
    }

    /** Routed rows whose touch lies in the opportunity's window [lower, end]. */
    private static Dataset<Row> window(Dataset<Row> joined) {
        return touchRows(
                joined.filter(col("occurred_at")
                        .leq(col("end"))
                        .and(col("occurred_at").geq(col("lower")))),
                "");
    }

    /** The earliest touch of an account or person when it lies before the window (and not after the end). */
    private static Dataset<Row> early(Dataset<Row> joined) {
        return touchRows(
                joined.filter(col("f.occurred_at")
                        .leq(col("end"))
                        .and(col("f.occurred_at").lt(col("lower")))),
                "f.");
    }

    private static Dataset<Row> touchRows(Dataset<Row> rows, String prefix) {
        List<Column> c = new ArrayList<>();
        c.add(col("opp"));
        c.add(lit(1).as("kind"));
        for (String name : TOUCH_COLUMNS) {
            c.add(col(prefix + name).as(name));
        }
        return rows.select(c.toArray(new Column[0]));
    }

    // ---- executors

    /** What a pass over the groups produces. */
    enum Output {
        CREDITS,
        PATHS,
        REPORT
    }

    /** The scale of report counts: millionths of an opportunity. */
    static final DecimalType COUNT_TYPE = DataTypes.createDecimalType(38, 6);

    /** One batch's report groups: keys (one per dimension), currency, and the summable metrics. */
    static final StructType GROUPS = new StructType(new StructField[] {
        DataTypes.createStructField("keys", DataTypes.createArrayType(DataTypes.StringType, false), false),
        DataTypes.createStructField("currency", DataTypes.StringType, false),
        DataTypes.createStructField("pipeline", CREDIT_TYPE, false),
        DataTypes.createStructField("revenue", CREDIT_TYPE, false),
        DataTypes.createStructField("opportunities", COUNT_TYPE, false),
        DataTypes.createStructField("won", COUNT_TYPE, false),
        DataTypes.createStructField("touches", DataTypes.LongType, false)
    });

    /**
     * Runs the engine over grouped rows, batch by batch. {@code fitted} holds, per model, the fitted
     * data-driven model (or null for a model made by name on the executor).
     */
    static final class Batches implements FlatMapFunction<Iterator<Row>, Row> {
        private static final long serialVersionUID = 1L;
        private final Output output;
        private final Settings settings;
        private final List<String> labels;
        private final Broadcast<List<AttributionModel>> fitted;
        private final List<String> channels;
        private final Counters counters;
        private List<String> reportBy;
        private int batchTouches = BATCH_TOUCHES;

        /** These batches gathering opportunities up to {@code touches} touch rows. */
        Batches batchTouches(int touches) {
            this.batchTouches = touches;
            return this;
        }

        /** These batches making report groups by {@code by} (dimension labels) instead of credits. */
        Batches report(List<String> by) {
            this.reportBy = List.copyOf(by);
            return this;
        }

        Batches(
                Output output,
                Settings settings,
                List<String> labels,
                Broadcast<List<AttributionModel>> fitted,
                List<String> channels,
                Counters counters) {
            this.counters = counters;
            this.output = output;
            this.settings = settings;
            this.labels = labels;
            this.fitted = fitted;
            this.channels = channels;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            List<AttributionModel> models = new ArrayList<>();
            if (output != Output.PATHS) {
                List<AttributionModel> fits = fitted == null ? null : fitted.value();
                for (int m = 0; m < labels.size(); m++) {
                    AttributionModel fit = fits == null ? null : fits.get(m);
                    models.add(fit != null ? fit : Models.byName(labels.get(m)));
                }
            }
            Attributor attributor = Attributor.builder()
                    .settings(settings.journeySettings())
                    .threads(1)
                    .build();
            return new BatchIterator(rows, models, attributor);
        }

        /** One opportunity of a batch: its header row and touch rows. */
        private record Opp(Row header, List<Row> touches) {}

        private final class BatchIterator implements Iterator<Row> {
            private final Iterator<Row> rows;
            private final List<AttributionModel> models;
            private final Attributor attributor;
            private Row pending;
            private Iterator<Row> out = Collections.emptyIterator();

            BatchIterator(Iterator<Row> rows, List<AttributionModel> models, Attributor attributor) {
                this.rows = rows;
                this.models = models;
                this.attributor = attributor;
                this.pending = rows.hasNext() ? rows.next() : null;
            }

            @Override
            public boolean hasNext() {
                while (!out.hasNext() && pending != null) {
                    out = run(nextBatch());
                }
                return out.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return out.next();
            }

            private Iterator<Row> report(io.github.attribution.data.Dataset data, Journeys journeys) {
                AttributionModel model = models.get(0);
                ReportAccumulator acc = new ReportAccumulator(
                        journeys, model.name(), ReportSpec.of(reportBy.toArray(new String[0])), List.of());
                attributor.stream(journeys, model, acc);
                ReportTable table = acc.finish();
                List<Row> rows = new ArrayList<>();
                for (ReportRow r : table.rows()) {
                    rows.add(RowFactory.create(
                            r.keys().toArray(new String[0]),
                            r.currency().getCurrencyCode(),
                            r.pipeline().amount().setScale(CREDIT_SCALE),
                            r.revenue().amount().setScale(CREDIT_SCALE),
                            r.opportunities().setScale(6),
                            r.won().setScale(6),
                            r.touches()));
                }
                if (counters != null) {
                    counters.opportunities.add(data.opportunityCount());
                    for (int o = 0; o < data.opportunityCount(); o++) {
                        if (journeys.size(o) == 0) {
                            counters.unattributed.add(1);
                        }
                    }
                }
                return rows.iterator();
            }

            private List<Opp> nextBatch() {
                List<Opp> batch = new ArrayList<>();
                int touches = 0;
                while (pending != null
                        && batch.size() < BATCH_OPPORTUNITIES
                        && (batch.isEmpty() || touches < batchTouches)) {
                    Row header = pending;
                    if (header.getInt(1) != 0) {
                        throw new IllegalStateException("touch rows without their opportunity: " + header);
                    }
                    String opp = header.getString(0);
                    List<Row> list = new ArrayList<>();
                    pending = rows.hasNext() ? rows.next() : null;
                    while (pending != null
                            && pending.getInt(1) == 1
                            && pending.getString(0).equals(opp)) {
                        list.add(pending);
                        pending = rows.hasNext() ? rows.next() : null;
                    }
                    touches += list.size();
                    batch.add(new Opp(header, list));
                }
                return batch;
            }

            private Iterator<Row> run(List<Opp> batch) {
                if (counters != null) {
                    long rows = 0;
                    for (Opp o : batch) {
                        rows += o.touches.size();
                    }
                    counters.largestBatch.add(rows);
                }
                io.github.attribution.data.Dataset data = dataset(batch);
                Journeys journeys = Journeys.build(data, settings.journeySettings());
                if (output == Output.PATHS) {
                    List<Row> rows = new ArrayList<>();
                    List<PathStatistics> folds = PathStatistics.byFold(journeys);
                    for (int f = 0; f < folds.size(); f++) {
                        for (PathStatistics.PathCount p : folds.get(f).paths()) {
                            rows.add(RowFactory.create(
                                    f,
                                    p.path().toArray(new String[0]),
                                    p.conversions(),
                                    p.nulls(),
                                    p.value().setScale(CREDIT_SCALE)));
                        }
                    }
                    return rows.iterator();
                }
                if (output == Output.REPORT) {
                    return report(data, journeys);
                }
                AttributionResult result = attributor.attribute(journeys, models);
                if (counters != null) {
                    counters.opportunities.add(data.opportunityCount());
                    for (int o = 0; o < data.opportunityCount(); o++) {
                        if (journeys.size(o) == 0) {
                            counters.unattributed.add(1);
                        }
                    }
                    for (CreditTable t : result.tables()) {
                        counters.rows.add(t.rowCount());
                    }
                }
                return new CreditRows(data, result.tables());
            }
        }

        /** Builds the core dataset of one batch. */
        private io.github.attribution.data.Dataset dataset(List<Opp> batch) {
            io.github.attribution.data.Dataset.Builder b = io.github.attribution.data.Dataset.builder();
            if (channels != null) {
                // every channel of the whole input, so models that number channels number them as the CLI does
                for (String c : channels) {
                    DatasetAccess.hooks().intern(b, TouchField.CHANNEL, c);
                }
            }
            Map<String, Currency> currencies = new HashMap<>();
            Set<String> touches = new HashSet<>();
            Set<String> people = new HashSet<>();
            for (Opp o : batch) {
                Row h = o.header;
                Currency currency = currencies.computeIfAbsent(h.getString(4), Currency::getInstance);
                b.addOpportunity(
                        h.getString(0),
                        h.getString(2),
                        currency,
                        h.getLong(3),
                        h.getLong(5),
                        h.isNullAt(6) ? io.github.attribution.data.Dataset.NO_INSTANT : h.getLong(6),
                        OpportunityStatus.valueOf(h.getString(7)));
                for (Row t : o.touches) {
                    String id = t.getString(T);
                    if (touches.add(id)) {
                        b.addTouchpoint(new TouchpointRow(
                                id,
                                t.getString(T + 1),
                                t.isNullAt(T + 2) ? null : t.getString(T + 2),
                                t.getLong(T + 3),
                                t.getString(T + 4),
                                t.getString(T + 5),
                                t.getString(T + 6),
                                t.getString(T + 7),
                                TouchType.valueOf(t.getString(T + 8))));
                    }
                }
            }
            for (Opp o : batch) {
                Row h = o.header;
                if (!h.isNullAt(8)) {
                    for (Row c : h.<Row>getList(8)) {
                        String person = c.getString(0);
                        if (!c.isNullAt(1) && people.add(person)) {
                            b.addPerson(
                                    person,
                                    c.getString(1),
                                    c.isNullAt(2) ? io.github.attribution.data.Dataset.NO_INSTANT : c.getLong(2));
                        }
                        b.addContact(h.getString(0), person);
                    }
                } else if (!h.isNullAt(9)) {
                    // the account's earliest lead-creation date, from all its people rows
                    String account = h.getString(2);
                    if (people.add(LEAD_PERSON + account)) {
                        b.addPerson(LEAD_PERSON + account, account, h.getLong(9));
                    }
                }
            }
            return b.build();
        }

        /** The credit rows of one batch, made as they are read. */
        private final class CreditRows implements Iterator<Row> {
            private final io.github.attribution.data.Dataset data;
            private final List<CreditTable> tables;
            private int model;
            private int opp;
            private int row;

            CreditRows(io.github.attribution.data.Dataset data, List<CreditTable> tables) {
                this.data = data;
                this.tables = tables;
                settle();
            }

            private void settle() {
                while (model < tables.size()) {
                    CreditTable t = tables.get(model);
                    while (opp < data.opportunityCount()) {
                        if (row < t.rowEnd(opp)) {
                            return;
                        }
                        opp++;
                        if (opp < data.opportunityCount()) {
                            row = t.rowStart(opp);
                        }
                    }
                    model++;
                    opp = 0;
                    row = 0;
                }
            }

            @Override
            public boolean hasNext() {
                return model < tables.size();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CreditTable t = tables.get(model);
                int touch = t.touch(row);
                Currency currency = data.currency(opp);
                Row r = RowFactory.create(
                        model,
                        labels.get(model),
                        data.opportunityId(opp),
                        touch < 0 ? null : data.touchId(touch),
                        touch < 0 ? Credit.UNATTRIBUTED : data.channelName(data.touchChannel(touch)),
                        touch < 0 ? "" : data.campaignName(data.touchCampaign(touch)),
                        Numbers.weight(t.weight(row)),
                        BigDecimal.valueOf(t.credit(row), Money.fractionDigits(currency))
                                .setScale(CREDIT_SCALE),
                        currency.getCurrencyCode(),
                        row - t.rowStart(opp));
                row++;
                settle();
                return r;
            }
        }
    }

    /** What a credits pass counts, for a run's summary (a retried task counts twice). */
    record Counters(
            org.apache.spark.util.LongAccumulator opportunities,
            org.apache.spark.util.LongAccumulator unattributed,
            org.apache.spark.util.LongAccumulator rows,
            MaxAccumulator largestBatch)
            implements Serializable {
        static Counters of(org.apache.spark.SparkContext sc) {
            MaxAccumulator largest = new MaxAccumulator();
            sc.register(largest, "largest batch (touch rows)");
            return new Counters(
                    sc.longAccumulator("opportunities"),
                    sc.longAccumulator("unattributed"),
                    sc.longAccumulator("rows"),
                    largest);
        }
    }

    /** Runs {@code batches} over the grouped rows' RDD. */
    static JavaRDD<Row> run(JavaRDD<Row> grouped, Batches batches) {
        return grouped.mapPartitions(batches);
    }
}
