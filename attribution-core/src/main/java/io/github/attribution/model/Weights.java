package io.github.attribution.model;

import java.util.Arrays;

/**
 * The weights a model gives the touches of one journey, positions {@code 0..size-1}. Either
 * <em>exact</em> integer shares ({@link #addShare}: a touch earns {@code share / sum of shares},
 * apportioned with integer arithmetic only) or <em>real</em> weights ({@link #addWeight}: normalised
 * doubles); a model uses one kind per journey. Adding to a position twice adds up (coinciding
 * anchors).
 *
 * <p>Reused from journey to journey by one thread: not thread-safe.
 */
public final class Weights {
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

    /** The number of positions. */
    public int size() {
        return size;
    }

    /**
     * Adds an exact integer share to {@code position}.
     *
     * @throws IllegalStateException if real weights were given for this journey
     * @throws ArithmeticException if the share overflows
     */
    public void addShare(int position, long share) {
        checkPosition(position);
        if (kind == REAL) {
            throw new IllegalStateException("cannot mix exact shares with real weights in one journey");
        }
        kind = EXACT;
        shares[position] = Math.addExact(shares[position], share);
    }

    /**
     * Adds a real weight to {@code position}.
     *
     * @throws IllegalStateException if exact shares were given for this journey
     */
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

    /** The backing share array, valid up to {@link #size()}; for the engine. */
    public long[] shares() {
        return shares;
    }

    /** The backing weight array, valid up to {@link #size()}; for the engine. */
    public double[] weights() {
        return reals;
    }

    private void checkPosition(int position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " of a journey of " + size + " touches");
        }
    }
}
