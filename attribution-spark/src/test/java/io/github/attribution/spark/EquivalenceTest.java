package io.github.attribution.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.RandomDatasets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's credits equal the command line's {@code attribute} output row for row, for every model
 * (rule-based, custom, markov of orders 1 to 4, shapley), on generated and random datasets, account-
 * and contact-based, with lookback, cycle gaps and as-of, for any partition count and input order.
 */
final class EquivalenceTest {
    @TempDir
    static Path tmp;

    private static List<String> models;
    private static Path generated;
    private static Path random;

    @BeforeAll
    static void setUp() {
        models = new ArrayList<>(RandomDatasets.modelSpecs());
        models.addAll(List.of("markov:order=2", "markov:order=3", "markov:order=4", "markov:order=auto"));
        generated = TestData.generated(tmp.resolve("generated"), 80, 11);
        random = TestData.random(tmp.resolve("random"), 30);
    }

    private static final List<String> WINDOWS =
            List.of("--lookback-days", "40", "--cycle-gap-days", "20", "--as-of", "2026-02-20");

    private static SparkAttribution windows() {
        return SparkAttribution.builder()
                .lookbackDays(40)
                .cycleGapDays(20)
                .asOf(Instant.parse("2026-02-20T00:00:00Z"))
                .build();
    }

    private static List<List<String>> spark(SparkAttribution run, Path dir, boolean contacts) {
        SparkSession spark = TestSpark.session();
        SparkInputs in = SparkInputs.read(
                spark,
                "csv",
                dir.resolve("touchpoints.csv").toString(),
                dir.resolve("opportunities.csv").toString(),
                dir.resolve("people.csv").toString(),
                contacts ? dir.resolve("opportunity_contacts.csv").toString() : null);
        List<Row> rows = run.ordered(in, models).collectAsList();
        return Runs.spark(rows);
    }

    private static void same(List<List<String>> cli, List<List<String>> spark) {
        List<List<String>> expected = Runs.sorted(cli, models);
        assertEquals(expected.size(), spark.size(), "row count");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), spark.get(i), "row " + i);
        }
    }

    @Test
    void credits_generatedAccountBased_equalTheCli() {
        List<List<String>> cli = Runs.cli(generated, false, List.of(), models);
        assertTrue(cli.size() > 10_000, "a real workload: " + cli.size());
        same(cli, spark(SparkAttribution.builder().build(), generated, false));
    }

    @Test
    void credits_generatedContactBasedWithWindows_equalTheCliForAnyPartitioningAndOrder() {
        List<List<String>> cli = Runs.cli(generated, true, WINDOWS, models);
        for (int partitions : new int[] {1, 3, 7}) {
            SparkAttribution run = SparkAttribution.builder()
                    .settings(windows().settings())
                    .partitions(partitions)
                    .build();
            same(cli, spark(run, generated, true));
        }
        Path shuffled = TestData.shuffled(generated, tmp.resolve("shuffled"), 5);
        same(cli, spark(windows(), shuffled, true));
    }

    @Test
    void report_byDimensions_equalsTheCli() {
        SparkSession spark = TestSpark.session();
        Path dir = generated;
        SparkInputs in = SparkInputs.read(
                spark,
                "csv",
                dir.resolve("touchpoints.csv").toString(),
                dir.resolve("opportunities.csv").toString(),
                dir.resolve("people.csv").toString(),
                dir.resolve("opportunity_contacts.csv").toString());
        for (String[] c : new String[][] {
            {"w-shaped", "channel"}, {"shapley", "campaign,month"}, {"linear", "original_source_channel,touch_type"}
        }) {
            List<List<String>> cli = Runs.cliReport(dir, true, WINDOWS, c[0], c[1]);
            List<Row> rows =
                    windows().report(in, c[0], List.of(c[1].split(","))).collectAsList();
            assertEquals(cli, Runs.report(rows), c[0] + " by " + c[1]);
        }
    }

    @Test
    void report_withCosts_equalsTheCliIncludingCostColumns() throws java.io.IOException {
        SparkSession spark = TestSpark.session();
        Path dir = generated;
        Path costs = TestData.costs(dir);
        SparkInputs in = SparkInputs.read(
                        spark,
                        "csv",
                        dir.resolve("touchpoints.csv").toString(),
                        dir.resolve("opportunities.csv").toString(),
                        dir.resolve("people.csv").toString(),
                        null)
                .withCosts(SparkInputs.read(spark, "csv", costs.toString()), costs.toString());
        for (String[] c :
                new String[][] {{"w-shaped", "channel"}, {"linear", "campaign,quarter"}, {"markov", "channel,month"}}) {
            List<List<String>> cli = Runs.cliReport(dir, false, List.of(), c[0], c[1], costs);
            List<Row> rows = SparkAttribution.builder()
                    .build()
                    .report(in, c[0], List.of(c[1].split(",")))
                    .collectAsList();
            List<String> columns = new ArrayList<>(List.of(c[1].split(",")));
            columns.addAll(List.of(
                    "currency",
                    "pipeline",
                    "revenue",
                    "opportunities",
                    "won",
                    "touches",
                    "cost",
                    "cost_per_opportunity",
                    "cac",
                    "roas",
                    "roi"));
            assertEquals(columns, List.of(rows.get(0).schema().fieldNames()), "columns");
            assertEquals(cli, Runs.report(rows), c[0] + " by " + c[1] + " with costs");
        }
    }

    @Test
    void credits_randomDatasets_equalTheCli() {
        same(
                Runs.cli(random, false, List.of(), models),
                spark(SparkAttribution.builder().build(), random, false));
        same(Runs.cli(random, true, WINDOWS, models), spark(windows(), random, true));
    }
}
