package io.github.attribution.benchmarks;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.io.DatasetReader;
import io.github.attribution.io.DatasetWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the CSV files of a generated dataset (touchpoints, opportunities, people) into a {@link
 * Dataset}: parsing, validation, dictionary encoding and the column-wise build.
 *
 * <p>Run: {@code java -jar attribution-benchmarks/target/benchmarks.jar CsvBenchmark -rf json -rff csv.json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class CsvBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int opportunities;

    Path dir;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("attribution-csv-bench");
        DatasetWriter.write(BenchmarkData.dataset(opportunities), dir);
    }

    @TearDown
    public void tearDown() throws IOException {
        for (String file : DatasetWriter.FILES) {
            Files.deleteIfExists(dir.resolve(file));
        }
        Files.deleteIfExists(dir);
    }

    /** Reads the three files into a dataset; returns its touch count. */
    @Benchmark
    public int read() throws IOException {
        DatasetReader reader = DatasetReader.strict(Money.currency("USD"));
        Dataset.Builder builder = Dataset.builder();
        reader.readTouchpoints(dir.resolve("touchpoints.csv"), builder);
        reader.readOpportunities(dir.resolve("opportunities.csv"), builder);
        reader.readPeople(dir.resolve("people.csv"), builder);
        return builder.build().touchCount();
    }
}
