package io.github.attribution.datadriven;

import java.util.Arrays;

/**
 * A growable column of {@code long}s held as {@code int}s until a value does not fit one (then as
 * {@code long}s from there on): counts and values of path rows are nearly always small, and half the
 * memory is half the pages to fault in. Not thread-safe while being filled.
 */
final class LongColumn {
    private int[] ints;
    /** The values once one did not fit an {@code int}; {@code ints} is then null. */
    private long[] longs;

    LongColumn(int capacity) {
        ints = new int[capacity];
    }

    int capacity() {
        return longs != null ? longs.length : ints.length;
    }

    /** Grows (or trims) to {@code capacity} entries. */
    void resize(int capacity) {
        if (longs != null) {
            longs = Arrays.copyOf(longs, capacity);
        } else {
            ints = Arrays.copyOf(ints, capacity);
        }
    }

    long get(int i) {
        long[] l = longs;
        return l != null ? l[i] : ints[i];
    }

    void set(int i, long value) {
        if (longs == null) {
            if ((int) value == value) {
                ints[i] = (int) value;
                return;
            }
            longs = new long[ints.length];
            for (int k = 0; k < ints.length; k++) {
                longs[k] = ints[k];
            }
            ints = null;
        }
        longs[i] = value;
    }
}
