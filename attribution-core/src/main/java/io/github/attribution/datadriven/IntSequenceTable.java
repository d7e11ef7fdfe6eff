package io.github.attribution.datadriven;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A hash set of int sequences (paths, or sorted channel sets) stored back to back in one pool, each
 * numbered in insertion order. Open addressing with linear probing; no per-entry objects, so a
 * million paths cost a few int arrays. Not thread-safe while being filled; read-only use afterwards
 * is safe from any thread.
 */
final class IntSequenceTable implements Serializable {
    private static final long serialVersionUID = 1L;

    private int[] pool;
    private int poolSize;
    private int[] start;
    private int[] hashes;
    private int[] slots;
    private int size;

    IntSequenceTable(int expected) {
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) * 2);
        slots = new int[capacity];
        Arrays.fill(slots, -1);
        start = new int[Math.max(16, expected) + 1];
        hashes = new int[Math.max(16, expected)];
        pool = new int[Math.max(64, expected * 4)];
    }

    /** The number of distinct sequences. */
    int size() {
        return size;
    }

    /** The pool holding every sequence; sequence {@code i} is {@code pool[start(i) .. end(i))}. */
    int[] pool() {
        return pool;
    }

    int start(int i) {
        return start[i];
    }

    int end(int i) {
        return start[i + 1];
    }

    int length(int i) {
        return start[i + 1] - start[i];
    }

    /** The hash used for {@code a[from .. from+len)}. */
    static int hash(int[] a, int from, int len) {
        long h = 0x9E3779B97F4A7C15L ^ len;
        for (int i = from; i < from + len; i++) {
            h = (h ^ a[i]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        h *= 0x94D049BB133111EBL;
        return (int) (h ^ (h >>> 32));
    }

    /** The number of {@code a[from .. from+len)}, or -1 when absent. */
    int find(int[] a, int from, int len) {
        int h = hash(a, from, len);
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int i = slots[s];
            if (i < 0) {
                return -1;
            }
            if (hashes[i] == h && matches(i, a, from, len)) {
                return i;
            }
        }
    }

    /**
     * The number of {@code a[from .. from+len)}, adding it when absent (then the result equals the
     * previous {@link #size()}).
     */
    int add(int[] a, int from, int len) {
        int h = hash(a, from, len);
        int mask = slots.length - 1;
        int s = h & mask;
        for (; ; s = (s + 1) & mask) {
            int i = slots[s];
            if (i < 0) {
                break;
            }
            if (hashes[i] == h && matches(i, a, from, len)) {
                return i;
            }
        }
        int i = size++;
        if (i == hashes.length) {
            hashes = Arrays.copyOf(hashes, i * 2);
            start = Arrays.copyOf(start, i * 2 + 1);
        }
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(a, from, pool, poolSize, len);
        poolSize += len;
        start[i + 1] = poolSize;
        hashes[i] = h;
        slots[s] = i;
        if (size * 2 > slots.length) {
            rehash();
        }
        return i;
    }

    private boolean matches(int i, int[] a, int from, int len) {
        int p = start[i];
        if (start[i + 1] - p != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (pool[p + k] != a[from + k]) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        int mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            int s = hashes[i] & mask;
            while (slots[s] >= 0) {
                s = (s + 1) & mask;
            }
            slots[s] = i;
        }
    }
}
