package io.github.attribution.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.github.attribution.report.Dimension;
import io.github.attribution.report.Report;
import io.github.attribution.report.ReportSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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

    static Dataset<Row> merge(Dataset<Row> groups, List<String> labels) {
        Dataset<Row> summed = groups.groupBy(col("keys"), col("currency"))
                .agg(
                        sum(col("pipeline")).cast(Engine.CREDIT_TYPE).as("pipeline"),
                        sum(col("revenue")).cast(Engine.CREDIT_TYPE).as("revenue"),
                        sum(col("opportunities")).cast(Engine.COUNT_TYPE).as("opportunities"),
                        sum(col("won")).cast(Engine.COUNT_TYPE).as("won"),
                        sum(col("touches")).as("touches"));
        List<Column> select = new ArrayList<>();
        List<Column> order = new ArrayList<>();
        order.add(col("currency"));
        for (int i = 0; i < labels.size(); i++) {
            Column key = element_at(col("keys"), i + 1);
            select.add(key.as(labels.get(i)));
            order.add(rank(col(labels.get(i))));
            order.add(col(labels.get(i)));
        }
        for (String c : List.of("currency", "pipeline", "revenue", "opportunities", "won", "touches")) {
            select.add(col(c));
        }
        // the groups are few (dimension values times currencies): one sorted partition, one file
        return summed.select(select.toArray(new Column[0]))
                .orderBy(order.toArray(new Column[0]))
                .coalesce(1);
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
