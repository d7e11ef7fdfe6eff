package io.github.attribution.internal;

import java.util.Arrays;

/** A growable array of ints. Not thread-safe. */
public final class IntBuffer {
    private int[] values;
    private int size;

    public IntBuffer(int capacity) {
        values = new int[Math.max(capacity, 4)];
    }

    public void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /** Appends {@code src[from .. to)}. */
    public void addAll(int[] src, int from, int to) {
        int n = to - from;
        if (n > values.length - size) {
            values = Arrays.copyOf(values, Math.max(size + n, values.length * 2));
        }
        System.arraycopy(src, from, values, size, n);
        size += n;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    /** The backing array; valid up to {@link #size()}. */
    public int[] array() {
        return values;
    }

    /** Makes room for {@code n} values and returns the backing array. */
    public int[] ensure(int n) {
        if (values.length < n) {
            values = Arrays.copyOf(values, Math.max(n, values.length * 2));
        }
        return values;
    }
}
