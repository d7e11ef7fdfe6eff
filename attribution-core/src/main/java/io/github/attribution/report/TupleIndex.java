package io.github.attribution.report;

import java.util.Arrays;

/**
 * Interns fixed-width int tuples to dense ids {@code 0..size-1} in order of first appearance: an
 * open-addressing hash table over a flat int array, so grouping allocates nothing per row. Not
 * thread-safe.
 */
final class TupleIndex {
    private final int width;
    private int[] keys;
    private int[] table; // group id + 1, 0 for empty
    private int size;

    TupleIndex(int width) {
        this.width = width;
        this.keys = new int[Math.max(1, width) * 64];
        this.table = new int[128];
    }

    int size() {
        return size;
    }

    /** The component {@code k} of tuple {@code id}. */
    int get(int id, int k) {
        return keys[id * width + k];
    }

    /** The id of {@code tuple[0..width)}, added if new. */
    int intern(int[] tuple) {
        int mask = table.length - 1;
        int slot = hash(tuple) & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                return add(tuple, slot);
            }
            if (matches(entry - 1, tuple)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(int[] tuple, int slot) {
        int id = size++;
        if ((id + 1) * width > keys.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
        }
        System.arraycopy(tuple, 0, keys, id * width, width);
        table[slot] = id + 1;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private boolean matches(int id, int[] tuple) {
        int base = id * width;
        for (int k = 0; k < width; k++) {
            if (keys[base + k] != tuple[k]) {
                return false;
            }
        }
        return true;
    }

    private int hash(int[] tuple) {
        int h = 0x9E3779B9;
        for (int k = 0; k < width; k++) {
            h = (h ^ tuple[k]) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        int[] tuple = new int[width];
        for (int id = 0; id < size; id++) {
            System.arraycopy(keys, id * width, tuple, 0, width);
            int slot = hash(tuple) & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = id + 1;
        }
        table = bigger;
    }
}
