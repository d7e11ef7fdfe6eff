package io.github.attribution.datadriven;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Numbered exact sums of non-negative decimals, without an object per term: each sum is a {@code
 * long} of units at a scale of 0 to 18 (what a path file's values need), with a {@link BigDecimal} per
 * sum only for the terms that do not fit one.
 *
 * <p>The results are exactly those of adding the terms as {@code BigDecimal}s, skipping zeros, scale
 * included (a sum's scale is the largest scale of its non-zero terms): {@link #sumOrNull} is {@code
 * null}, then {@code t1}, then {@code t1.add(t2)}, ...; {@link #sum} is {@code
 * BigDecimal.ZERO.add(t1).add(t2)...}. Not thread-safe.
 */
final class DecimalSums {
    /** The largest scale kept in a {@code long}. */
    static final int MAX_SCALE = 18;

    private static final long[] POWERS = new long[MAX_SCALE + 1];

    static {
        POWERS[0] = 1;
        for (int i = 1; i <= MAX_SCALE; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /** Per sum: its terms since the last spill, in units of {@code 10^-scale}. */
    private long[] units;
    /** Per sum: the largest scale of the terms in {@code units} (0 when there are none). */
    private byte[] scale;
    /** Per sum: the terms that did not fit {@code units}, or null; the array itself is made on first use. */
    private BigDecimal[] spilled;

    /** {@code size} sums, all empty. */
    DecimalSums(int size) {
        units = new long[size];
        scale = new byte[size];
    }

    /** The number of sums. */
    int size() {
        return units.length;
    }

    /** Makes room for at least {@code size} sums (the new ones empty). */
    void ensureSize(int size) {
        if (size > units.length) {
            int n = Math.max(size, units.length * 2);
            units = Arrays.copyOf(units, n);
            scale = Arrays.copyOf(scale, n);
            if (spilled != null) {
                spilled = Arrays.copyOf(spilled, n);
            }
        }
    }

    /** Adds {@code termUnits * 10^-termScale} (not negative) to sum {@code i}. */
    void add(int i, long termUnits, int termScale) {
        if (termUnits == 0) {
            return;
        }
        if (termScale < 0 || termScale > MAX_SCALE || termUnits < 0) {
            spill(i, BigDecimal.valueOf(termUnits, termScale));
            return;
        }
        long u = units[i];
        int s = scale[i];
        if (u == 0) {
            units[i] = termUnits;
            scale[i] = (byte) termScale;
            return;
        }
        if (termScale > s) {
            long raised = u * POWERS[termScale - s];
            if (Math.multiplyHigh(u, POWERS[termScale - s]) != 0 || raised < 0) {
                // the sum so far does not fit at the new scale: move it aside, start again with the term
                spill(i, BigDecimal.valueOf(u, s));
                units[i] = termUnits;
                scale[i] = (byte) termScale;
                return;
            }
            u = raised;
            s = termScale;
            units[i] = u;
            scale[i] = (byte) s;
        } else if (termScale < s) {
            long raised = termUnits * POWERS[s - termScale];
            if (Math.multiplyHigh(termUnits, POWERS[s - termScale]) != 0 || raised < 0) {
                spill(i, BigDecimal.valueOf(termUnits, termScale));
                return;
            }
            termUnits = raised;
        }
        long total = u + termUnits;
        if (total < 0) { // overflow (both are positive): the term goes aside, at a scale already present
            spill(i, BigDecimal.valueOf(termUnits, s));
            return;
        }
        units[i] = total;
    }

    /** Adds {@code term} (not negative) to sum {@code i}. */
    void add(int i, BigDecimal term) {
        if (term.signum() == 0) {
            return;
        }
        if (term.scale() >= 0 && term.scale() <= MAX_SCALE && term.precision() <= MAX_SCALE) {
            add(i, term.unscaledValue().longValue(), term.scale());
        } else {
            spill(i, term);
        }
    }

    /** Adds the value of row {@code row} of {@code paths} to sum {@code i}. */
    void add(int i, PathSet paths, int row) {
        BigDecimal big = paths.bigValue(row);
        if (big != null) {
            add(i, big);
        } else {
            add(i, paths.valueUnits(row), paths.valueScale(row));
        }
    }

    /** Adds every term of sum {@code j} of {@code other} to sum {@code i}. */
    void addAll(int i, DecimalSums other, int j) {
        add(i, other.units[j], other.scale[j]);
        if (other.spilled != null && other.spilled[j] != null) {
            spill(i, other.spilled[j]);
        }
    }

    /** Whether sum {@code i} has no non-zero term. */
    boolean isZero(int i) {
        return units[i] == 0 && (spilled == null || spilled[i] == null);
    }

    /** Sum {@code i}, or {@code null} when it has no non-zero term. */
    BigDecimal sumOrNull(int i) {
        BigDecimal big = spilled == null ? null : spilled[i];
        if (units[i] == 0) {
            return big;
        }
        BigDecimal small = BigDecimal.valueOf(units[i], scale[i]);
        return big == null ? small : big.add(small);
    }

    /** Sum {@code i}: {@code BigDecimal.ZERO} plus its terms. */
    BigDecimal sum(int i) {
        BigDecimal s = sumOrNull(i);
        if (s == null) {
            return BigDecimal.ZERO;
        }
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private void spill(int i, BigDecimal term) {
        if (spilled == null) {
            spilled = new BigDecimal[units.length];
        }
        spilled[i] = spilled[i] == null ? term : spilled[i].add(term);
    }
}
