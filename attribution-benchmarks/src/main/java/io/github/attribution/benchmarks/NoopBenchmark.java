package io.github.attribution.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;

public class NoopBenchmark {
    @Benchmark
    public int noop() {
        return 1;
    }
}
