package io.github.attribution.benchmarks;

import io.github.attribution.data.Dataset;
import io.github.attribution.journey.JourneySettings;
import io.github.attribution.journey.Journeys;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Journey assembly: grouping, sorting by (time, id), windows, funnel cycles and anchors, on one
 * thread and on two.
 *
 * <p>Run: {@code java -jar attribution-benchmarks/target/benchmarks.jar JourneyBenchmark -rf json -rff journey.json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class JourneyBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int opportunities;

    @Param({"1", "2"})
    public int threads;

    private Dataset data;
    private JourneySettings settings;

    @Setup
    public void setUp() {
        data = BenchmarkData.dataset(opportunities);
        settings = JourneySettings.DEFAULT.withCycleGapDays(30);
    }

    /** Builds every journey; returns the total journey length. */
    @Benchmark
    public int build() {
        return Journeys.build(data, settings, threads).touchCount();
    }
}
