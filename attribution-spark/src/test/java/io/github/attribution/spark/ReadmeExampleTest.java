package io.github.attribution.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java example of the module's README, line for line, on generated files. */
final class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void readmeJavaExample_runsAsWritten() throws IOException {
        TestData.generated(dir.resolve("data"), 40, 2);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertTrue(
                readme.contains("Dataset<Row> credits = run.credits(in, List.of(\"w-shaped\", \"markov:order=2\"));"));
        String data = dir.resolve("data") + "/";
        String out = dir.resolve("out") + "/";

        SparkSession spark = SparkSession.builder().getOrCreate();
        SparkInputs in = SparkInputs.read(
                spark,
                "csv",
                data + "touchpoints.csv",
                data + "opportunities.csv",
                data + "people.csv",
                data + "opportunity_contacts.csv");
        SparkAttribution run =
                SparkAttribution.builder().lookbackDays(90).cycleGapDays(60).build();
        Dataset<Row> credits = run.credits(in, List.of("w-shaped", "markov:order=2"));
        credits.write().parquet(out + "credits");
        Dataset<Row> byChannel = run.report(in, "w-shaped", List.of("channel", "quarter"));
        byChannel.show();

        List<List<String>> cli = Runs.cli(
                dir.resolve("data"),
                true,
                List.of("--lookback-days", "90", "--cycle-gap-days", "60"),
                List.of("w-shaped", "markov:order=2"));
        assertEquals(cli.size(), spark.read().parquet(out + "credits").count());
        assertEquals(SparkAttribution.COLUMNS, List.of(credits.columns()));
    }
}
