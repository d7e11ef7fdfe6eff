package io.github.attribution.benchmarks;

import io.github.attribution.data.Dataset;
import io.github.attribution.sample.SampleGenerator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The datasets benchmarks run on: the library's own seeded generator, cached per size within a JVM. */
public final class BenchmarkData {
    /** The seed every benchmark uses, so runs compare like with like. */
    public static final long SEED = 42;

    private static final Map<Integer, Dataset> CACHE = new ConcurrentHashMap<>();

    private BenchmarkData() {}

    /** A generated dataset of {@code opportunities} opportunities (about 20 touches each). */
    public static Dataset dataset(int opportunities) {
        return CACHE.computeIfAbsent(opportunities, n -> SampleGenerator.generate(n, SEED));
    }
}
