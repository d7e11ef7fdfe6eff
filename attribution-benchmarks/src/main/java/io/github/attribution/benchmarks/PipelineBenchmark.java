package io.github.attribution.benchmarks;

import io.github.attribution.Models;
import io.github.attribution.cli.Main;
import io.github.attribution.io.DatasetWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * The whole {@code attribute} command as a batch job runs it: read the CSV files, build journeys, run
 * the models on every core and write every credit row to a CSV file. At 1M opportunities that is
 * 17.7 GB of output per invocation (the quick suite stops at 100k).
 *
 * <p>Run: {@code java -jar attribution-benchmarks/target/benchmarks.jar PipelineBenchmark -rf json -rff pipeline.json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class PipelineBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int opportunities;

    /** {@code one}: w-shaped only; {@code all}: every rule-based model. */
    @Param({"one", "all"})
    public String models;

    Path dir;
    String[] args;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("attribution-pipeline-bench");
        // written by the command line's streaming generator (the same data as BenchmarkData's): a 1M
        // dataset held in memory beside the one the command reads would not fit the 4 GB heap
        run(
                "generate",
                "--opportunities",
                Integer.toString(opportunities),
                "--seed",
                Long.toString(BenchmarkData.SEED),
                "--out",
                dir.toString());
        List<String> a = new ArrayList<>(List.of(
                "attribute",
                "--touchpoints",
                dir.resolve("touchpoints.csv").toString(),
                "--opportunities",
                dir.resolve("opportunities.csv").toString(),
                "--people",
                dir.resolve("people.csv").toString(),
                "--out",
                dir.resolve("credits.csv").toString()));
        for (String model : models.equals("one") ? List.of("w-shaped") : Models.ruleBasedNames()) {
            a.add("--model");
            a.add(model);
        }
        args = a.toArray(new String[0]);
    }

    @TearDown
    public void tearDown() throws IOException {
        for (String file : DatasetWriter.FILES) {
            Files.deleteIfExists(dir.resolve(file));
        }
        Files.deleteIfExists(dir.resolve("credits.csv"));
        Files.deleteIfExists(dir);
    }

    /** Runs the command; returns the size of the output file. */
    @Benchmark
    public long attribute() throws IOException {
        run(args);
        return Files.size(dir.resolve("credits.csv"));
    }

    private static void run(String... command) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(command, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        if (code != 0) {
            throw new IllegalStateException(command[0] + " failed: " + err);
        }
    }
}
