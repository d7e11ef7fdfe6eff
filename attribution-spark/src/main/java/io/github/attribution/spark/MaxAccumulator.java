package io.github.attribution.spark;

import org.apache.spark.util.AccumulatorV2;

/** The largest value added on any executor: a run's largest batch, in touch rows. */
final class MaxAccumulator extends AccumulatorV2<Long, Long> {
    private static final long serialVersionUID = 1L;
    private long max;

    @Override
    public boolean isZero() {
        return max == 0;
    }

    @Override
    public AccumulatorV2<Long, Long> copy() {
        MaxAccumulator a = new MaxAccumulator();
        a.max = max;
        return a;
    }

    @Override
    public void reset() {
        max = 0;
    }

    @Override
    public void add(Long v) {
        max = Math.max(max, v);
    }

    @Override
    public void merge(AccumulatorV2<Long, Long> other) {
        max = Math.max(max, other.value());
    }

    @Override
    public Long value() {
        return max;
    }
}
