package io.github.attribution.benchmarks;

import io.github.attribution.datadriven.PathCredits;
import io.github.attribution.datadriven.PathSet;
import io.github.attribution.datadriven.PathStatistics;
import io.github.attribution.datadriven.ShapleyFit;
import io.github.attribution.datadriven.ShapleyModel;
import java.util.Map;
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
 * Shapley on path data with 12, 16 and 20 channels: 100,000 paths, mean 5 touches, some long enough
 * to touch every channel.
 *
 * <ul>
 *   <li>{@code fitAndApply}: aggregate, fit the conversion rate of every channel set, compute the
 *       exact Shapley shares of every distinct set seen and credit the rows per channel (what the
 *       {@code paths} command does for {@code shapley}).
 *   <li>{@code allChannels}: exact Shapley values of one journey that touches every channel, on the
 *       fitted rates, uncached: the worst case per journey ({@code 2^channels} subsets or every
 *       observed set, whichever is fewer).
 * </ul>
 *
 * <p>Run: {@code java -jar attribution-benchmarks/target/benchmarks.jar ShapleyBenchmark -f 1 -wi 2
 * -i 3 -rf json -rff /tmp/shapley.json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class ShapleyBenchmark {
    /** Number of path rows. */
    @Param({"100000"})
    public int paths;

    /** Number of channels. */
    @Param({"12", "16", "20"})
    public int channels;

    PathSet data;
    ShapleyModel model;
    ShapleyFit fit;

    @Setup(Level.Trial)
    public void setUp() {
        data = SyntheticPaths.generate(paths, channels, 5, 4 * channels, 20260302L);
        model = ShapleyModel.of();
        fit = model.fit(PathStatistics.of(data));
    }

    /** Fit on the rows and credit them: conversions and value per channel. */
    @Benchmark
    public PathCredits fitAndApply() {
        return model.creditPaths(data);
    }

    /** Exact Shapley values of a journey that touches every channel. */
    @Benchmark
    public Map<String, Double> allChannels() {
        return fit.shapleyValues(data.channels());
    }
}
