package io.github.attribution.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.github.attribution.Attributor;
import io.github.attribution.data.CampaignCost;
import io.github.attribution.data.Money;
import io.github.attribution.data.Touchpoint;
import io.github.attribution.journey.Journeys;
import io.github.attribution.report.Dimension;
import io.github.attribution.report.Report;
import io.github.attribution.report.ReportAccumulator;
import io.github.attribution.report.ReportRow;
import io.github.attribution.report.ReportSpec;
import io.github.attribution.report.ReportTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/** Adds up the report groups of every batch and lays them out as the command line's {@code report}. */
final class Reports {
    private Reports() {}

    /**
     * The labels of the dimensions {@code by} names (parsed as the command line parses {@code --by}).
     *
     * @throws IllegalArgumentException for an unknown dimension or a repeated one
     */
    static List<String> dimensions(List<String> by) {
        return ReportSpec.of(by.toArray(new String[0])).labels();
    }

    /** The report columns that are money in the row's currency. */
    static final Set<String> MONEY = Set.of("pipeline", "revenue", "cost", "cost_per_opportunity", "cac");

    /** Ratio columns: {@code decimal(38,4)}, as the command line rounds them. */
    private static final DecimalType RATIO_TYPE = DataTypes.createDecimalType(38, ReportRow.RATIO_SCALE);

    /** The cost groups of a report and its notes (costs that could not be placed in a channel or period). */
    record PlacedCosts(List<Row> groups, List<String> notes) {}

    /**
     * Places {@code costs} in the report groups of {@code labels} exactly as the command line does, by
     * running the core's {@code ReportAccumulator} on a dataset of one touch per (campaign, channel)
     * pair of the input and no opportunities: a campaign maps to its channel when all its touches share
     * one, coarser periods go to {@code (unallocated)}, and so on. Rows in {@link Engine#GROUPS} with a
     * {@code cost} column, every metric zero.
     *
     * @throws IllegalArgumentException if the report groups by a dimension costs cannot be placed in
     */
    static PlacedCosts placeCosts(
            List<CampaignCost> costs, List<SparkInputs.CampaignChannel> pairs, List<String> labels, String model) {
        io.github.attribution.data.Dataset.Builder b = io.github.attribution.data.Dataset.builder();
        int i = 0;
        for (SparkInputs.CampaignChannel pair : pairs) {
            b.addTouchpoint(
                    Touchpoint.of("t" + i++, "a", Instant.EPOCH, pair.channel()).withCampaign(pair.campaign()));
        }
        Journeys journeys = Attributor.create().journeys(b.build());
        ReportTable table = new ReportAccumulator(
                        journeys, model, ReportSpec.of(labels.toArray(new String[0])), costs, true)
                .finish();
        List<Row> rows = new ArrayList<>();
        BigDecimal zero = BigDecimal.ZERO;
        for (ReportRow r : table.rows()) {
            rows.add(RowFactory.create(
                    r.keys().toArray(new String[0]),
                    r.currency().getCurrencyCode(),
                    zero.setScale(Engine.CREDIT_SCALE),
                    zero.setScale(Engine.CREDIT_SCALE),
                    zero.setScale(6),
                    zero.setScale(6),
                    0L,
                    r.cost().amount().setScale(Engine.CREDIT_SCALE)));
        }
        return new PlacedCosts(rows, table.notes());
    }

    /** {@link Engine#GROUPS} with a {@code cost} column. */
    static final StructType GROUPS_WITH_COST = Engine.GROUPS.add("cost", Engine.CREDIT_TYPE, false);

    /**
     * As {@link #merge(Dataset, List)}, adding {@code costGroups} (from {@link #placeCosts}) and the
     * command line's cost columns: {@code cost}, {@code cost_per_opportunity} and {@code cac} (money,
     * half-up to the currency's digits), {@code roas} and {@code roi} (4 decimals, half-up), null when
     * undefined. The ratios are computed on the driver by the core's {@code ReportRow}, on the summed
     * groups (a report has few groups: dimension values times currencies).
     */
    static Dataset<Row> merge(SparkSession spark, Dataset<Row> groups, List<String> labels, List<Row> costGroups) {
        Dataset<Row> all = groups.withColumn("cost", lit(BigDecimal.ZERO).cast(Engine.CREDIT_TYPE))
                .unionByName(spark.createDataFrame(costGroups, GROUPS_WITH_COST));
        List<Row> merged = summedAndSorted(all, labels, true).collectAsList();
        List<Row> out = new ArrayList<>(merged.size());
        int n = labels.size();
        for (Row r : merged) {
            Currency currency = Money.currency(r.getString(n));
            List<String> keys = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                keys.add(r.getString(i));
            }
            ReportRow row = new ReportRow(
                    keys,
                    currency,
                    money(r.getDecimal(n + 1), currency),
                    money(r.getDecimal(n + 2), currency),
                    r.getDecimal(n + 3),
                    r.getDecimal(n + 4),
                    r.getLong(n + 5),
                    money(r.getDecimal(n + 6), currency));
            Object[] values = new Object[n + 11];
            for (int i = 0; i < n + 7; i++) {
                values[i] = r.get(i);
            }
            values[n + 7] = row.costPerOpportunity().map(Reports::credit).orElse(null);
            values[n + 8] = row.costPerWon().map(Reports::credit).orElse(null);
            values[n + 9] = row.roas().orElse(null);
            values[n + 10] = row.roi().orElse(null);
            out.add(RowFactory.create(values));
        }
        StructType schema = new StructType();
        for (String label : labels) {
            schema = schema.add(label, DataTypes.StringType, false);
        }
        schema = schema.add("currency", DataTypes.StringType, false)
                .add("pipeline", Engine.CREDIT_TYPE, false)
                .add("revenue", Engine.CREDIT_TYPE, false)
                .add("opportunities", Engine.COUNT_TYPE, false)
                .add("won", Engine.COUNT_TYPE, false)
                .add("touches", DataTypes.LongType, false)
                .add("cost", Engine.CREDIT_TYPE, false)
                .add("cost_per_opportunity", Engine.CREDIT_TYPE, true)
                .add("cac", Engine.CREDIT_TYPE, true)
                .add("roas", RATIO_TYPE, true)
                .add("roi", RATIO_TYPE, true);
        return spark.createDataFrame(out, schema).coalesce(1);
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return Money.ofMinor(
                currency, amount.movePointRight(Money.fractionDigits(currency)).longValueExact());
    }

    private static BigDecimal credit(BigDecimal amount) {
        return amount.setScale(Engine.CREDIT_SCALE);
    }

    static Dataset<Row> merge(Dataset<Row> groups, List<String> labels) {
        // the groups are few (dimension values times currencies): one sorted partition, one file
        return summedAndSorted(groups, labels, false).coalesce(1);
    }

    private static Dataset<Row> summedAndSorted(Dataset<Row> groups, List<String> labels, boolean withCost) {
        List<Column> metrics = new ArrayList<>(List.of(
                sum(col("revenue")).cast(Engine.CREDIT_TYPE).as("revenue"),
                sum(col("opportunities")).cast(Engine.COUNT_TYPE).as("opportunities"),
                sum(col("won")).cast(Engine.COUNT_TYPE).as("won"),
                sum(col("touches")).as("touches")));
        if (withCost) {
            metrics.add(sum(col("cost")).cast(Engine.CREDIT_TYPE).as("cost"));
        }
        Dataset<Row> summed = groups.groupBy(col("keys"), col("currency"))
                .agg(sum(col("pipeline")).cast(Engine.CREDIT_TYPE).as("pipeline"), metrics.toArray(new Column[0]));
        List<Column> select = new ArrayList<>();
        List<Column> order = new ArrayList<>();
        order.add(col("currency"));
        for (int i = 0; i < labels.size(); i++) {
            Column key = element_at(col("keys"), i + 1);
            select.add(key.as(labels.get(i)));
            order.add(rank(col(labels.get(i))));
            order.add(col(labels.get(i)));
        }
        List<String> columns =
                new ArrayList<>(List.of("currency", "pipeline", "revenue", "opportunities", "won", "touches"));
        if (withCost) {
            columns.add("cost");
        }
        for (String c : columns) {
            select.add(col(c));
        }
        return summed.select(select.toArray(new Column[0])).orderBy(order.toArray(new Column[0]));
    }

    /** Real values first, then (none), then (unmapped campaigns) and (unallocated), then (unattributed). */
    private static Column rank(Column v) {
        return when(v.equalTo(lit(Report.UNATTRIBUTED)), lit(3))
                .when(v.equalTo(lit(Report.UNMAPPED)).or(v.equalTo(lit(Report.UNALLOCATED))), lit(2))
                .when(v.equalTo(lit(Report.NONE)), lit(1))
                .otherwise(lit(0));
    }

    static Dimension dimension(String label) {
        return Dimension.parse(label);
    }
}
