package io.github.attribution.benchmarks;

import io.github.attribution.Attributor;
import io.github.attribution.CreditTable;
import io.github.attribution.Models;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
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
 * The model-and-apportion step on one core: journeys are built once in setup, then each operation
 * runs one model over every journey and apportions exact credits. Divide the dataset's touch count
 * by the time per operation for touches per second.
 *
 * <p>Run: {@code java -jar attribution-benchmarks/target/benchmarks.jar ModelBenchmark -p
 * opportunities=1000000 -rf json -rff model.json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class ModelBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int opportunities;

    @Param({"first-touch", "linear", "time-decay", "w-shaped", "full-path"})
    public String model;

    private Journeys journeys;
    private AttributionModel attributionModel;
    private Attributor oneThread;

    @Setup
    public void setUp() {
        oneThread = Attributor.builder().threads(1).build();
        journeys = oneThread.journeys(BenchmarkData.dataset(opportunities));
        attributionModel = Models.byName(model);
    }

    /** Credits every journey; returns the total credited so the work cannot be skipped. */
    @Benchmark
    public long attribute() {
        long[] total = new long[1];
        oneThread.stream(journeys, attributionModel, table -> total[0] += sum(table));
        return total[0];
    }

    /** The number of touches in the benchmark's journeys, for touches-per-second figures. */
    public int touches() {
        return journeys.touchCount();
    }

    static long sum(CreditTable table) {
        long s = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            s += table.credit(r);
        }
        return s;
    }
}
