package io.github.attribution.benchmarks;

import io.github.attribution.datadriven.MarkovModel;
import io.github.attribution.datadriven.PathCredits;
import io.github.attribution.datadriven.PathSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Markov fit and apply on path data: collapse and aggregate the rows into path statistics, fit the
 * chain of {@code order}, compute P and every removal effect, and credit the rows per channel (what
 * the {@code paths} command does for {@code markov}). 1,000,000 paths over 10 channels, mean 4
 * touches.
 *
 * <p>Run: {@code java -jar attribution-benchmarks/target/benchmarks.jar MarkovBenchmark -f 1 -wi 2
 * -i 3 -rf json -rff /tmp/markov.json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class MarkovBenchmark {
    /** Number of path rows. */
    @Param({"1000000"})
    public int paths;

    /** Number of channels. */
    @Param({"10"})
    public int channels;

    /** The chain's order. */
    @Param({"1", "3"})
    public int order;

    PathSet data;
    MarkovModel model;

    @Setup(Level.Trial)
    public void setUp() {
        data = SyntheticPaths.generate(paths, channels, 4, 40, 20260301L);
        model = MarkovModel.of(order);
    }

    /** Fit on the rows and credit them: conversions and value per channel. */
    @Benchmark
    public PathCredits fitAndApply() {
        return model.creditPaths(data);
    }
}
