package io.github.attribution.internal;

import io.github.attribution.model.Weights;
import java.util.Arrays;

/**
 * The engine's {@link Weights}: reset for each journey, handed to the model, then read back. Reused
 * from journey to journey by one thread: not thread-safe.
 */
public final class WeightBuffer implements Weights {
    private static final int NONE = 0;
    private static final int EXACT = 1;
    private static final int REAL = 2;

    private long[] shares = new long[32];
    private double[] reals = new double[32];
    private int size;
    private int kind;

    /** Clears and resizes for a journey of {@code size} touches. */
    public void reset(int size) {
        if (shares.length < size) {
            int n = Math.max(size, shares.length * 2);
            shares = new long[n];
            reals = new double[n];
        } else if (kind == EXACT) {
            Arrays.fill(shares, 0, this.size, 0);
        } else if (kind == REAL) {
            Arrays.fill(reals, 0, this.size, 0);
        }
        this.size = size;
        this.kind = NONE;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void addShare(int position, long share) {
        checkPosition(position);
        if (kind == REAL) {
            throw new IllegalStateException("cannot mix exact shares with real weights in one journey");
        }
        kind = EXACT;
        shares[position] = Math.addExact(shares[position], share);
    }

    @Override
    public void addWeight(int position, double weight) {
        checkPosition(position);
        if (kind == EXACT) {
            throw new IllegalStateException("cannot mix real weights with exact shares in one journey");
        }
        kind = REAL;
        reals[position] += weight;
    }

    /** Whether the weights are exact shares (true) or real numbers (false, also when none were given). */
    public boolean isExact() {
        return kind == EXACT;
    }

    /** Whether any weight was given. */
    public boolean isEmpty() {
        return kind == NONE;
    }

    /** The exact share at {@code position} (0 unless {@link #isExact()}). */
    public long share(int position) {
        return kind == EXACT ? shares[position] : 0;
    }

    /** The real weight at {@code position} (0 if {@link #isExact()}). */
    public double weight(int position) {
        return kind == REAL ? reals[position] : 0;
    }

    /** The backing share array, valid up to {@link #size()}. */
    public long[] shares() {
        return shares;
    }

    /** The backing weight array, valid up to {@link #size()}. */
    public double[] weights() {
        return reals;
    }

    private void checkPosition(int position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " of a journey of " + size + " touches");
        }
    }
}
