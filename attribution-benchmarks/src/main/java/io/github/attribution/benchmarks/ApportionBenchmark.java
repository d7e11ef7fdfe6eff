package io.github.attribution.benchmarks;

import io.github.attribution.money.Apportioner;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Apportionment alone, per 20-touch journey: exact shares (position family) and real weights
 * (time-decay, data-driven), over 1024 varied amounts.
 *
 * <p>Run: {@code java -jar attribution-benchmarks/target/benchmarks.jar ApportionBenchmark -rf json -rff apportion.json}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ApportionBenchmark {
    static final int JOURNEYS = 1024;
    static final int TOUCHES = 20;

    private final Apportioner apportioner = new Apportioner();
    private final long[] amounts = new long[JOURNEYS];
    private final long[] shares = new long[TOUCHES];
    private final double[] weights = new double[TOUCHES];
    private final long[] out = new long[TOUCHES];

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(BenchmarkData.SEED);
        for (int i = 0; i < JOURNEYS; i++) {
            amounts[i] = random.nextLong(100, 100_000_000);
        }
        for (int p = 0; p < TOUCHES; p++) {
            shares[p] = p == 0 || p == 5 || p == 12 ? 300_000L * 17 : 100_000;
            weights[p] = Math.pow(2, -(TOUCHES - p) / 7.0);
        }
    }

    /** Exact shares: returns the sum of the first credits. */
    @Benchmark
    @OperationsPerInvocation(JOURNEYS)
    public long shares() {
        long s = 0;
        for (long amount : amounts) {
            apportioner.apportionShares(amount, shares, TOUCHES, out);
            s += out[0];
        }
        return s;
    }

    /** Real weights, quantised to 2^40 parts first. */
    @Benchmark
    @OperationsPerInvocation(JOURNEYS)
    public long weights() {
        long s = 0;
        for (long amount : amounts) {
            apportioner.apportionWeights(amount, weights, TOUCHES, out);
            s += out[0];
        }
        return s;
    }
}
