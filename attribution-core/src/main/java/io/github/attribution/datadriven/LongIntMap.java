package io.github.attribution.datadriven;

import java.util.Arrays;

/** A map from {@code long} keys to non-negative {@code int} values; open addressing. Not thread-safe. */
final class LongIntMap {
    private long[] keys;
    private int[] values;
    private int size;

    LongIntMap(int expected) {
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) * 2);
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, -1);
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int s = slot(key) & mask; ; s = (s + 1) & mask) {
            if (values[s] < 0) {
                return -1;
            }
            if (keys[s] == key) {
                return values[s];
            }
        }
    }

    /** Maps {@code key} to {@code value} (not negative), which must be absent. */
    void put(long key, int value) {
        assert value >= 0 : "negative value " + value;
        int mask = keys.length - 1;
        int s = slot(key) & mask;
        while (values[s] >= 0) {
            assert keys[s] != key : "key already present: " + key;
            s = (s + 1) & mask;
        }
        keys[s] = key;
        values[s] = value;
        if (++size * 2 > keys.length) {
            rehash();
        }
    }

    private static int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, -1);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] >= 0) {
                int s = slot(oldKeys[i]) & mask;
                while (values[s] >= 0) {
                    s = (s + 1) & mask;
                }
                keys[s] = oldKeys[i];
                values[s] = oldValues[i];
            }
        }
    }
}
