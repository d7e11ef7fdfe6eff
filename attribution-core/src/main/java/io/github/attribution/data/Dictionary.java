package io.github.attribution.data;

import java.util.Arrays;

/**
 * Interns strings to dense ids {@code 0..size-1}, in order of first appearance. An open-addressing
 * table of (hash, id) pairs packed in longs over the names: no entry or boxed id objects (millions of
 * person ids stay cheap for the garbage collector), and a probe reads a name only when the hashes
 * match. The last string looked up is remembered, since file rows repeat an account's
 * fields row after row. Not thread-safe.
 */
final class Dictionary {
    private long[] table = new long[32]; // (hash << 32) | (id + 1); 0 = empty
    private String[] names = new String[16];
    private int size;
    private String last;
    private int lastId;

    int intern(String name) {
        if (name == last) {
            return lastId;
        }
        int hash = mix(name.hashCode());
        int mask = table.length - 1;
        int slot = hash & mask;
        for (long entry; (entry = table[slot]) != 0; slot = (slot + 1) & mask) {
            int id = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && names[id].equals(name)) {
                last = name;
                lastId = id;
                return id;
            }
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
        }
        int id = size++;
        names[id] = name;
        table[slot] = ((long) hash << 32) | (id + 1L);
        if (2 * size > table.length) {
            grow();
        }
        last = name;
        lastId = id;
        return id;
    }

    /** The id of {@code name}, or -1. */
    int find(String name) {
        int hash = mix(name.hashCode());
        int mask = table.length - 1;
        for (int slot = hash & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            long entry = table[slot];
            int id = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && names[id].equals(name)) {
                return id;
            }
        }
        return -1;
    }

    int size() {
        return size;
    }

    String name(int id) {
        return names[id];
    }

    String[] names() {
        return Arrays.copyOf(names, size);
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        int mask = bigger.length - 1;
        for (long entry : table) {
            if (entry != 0) {
                int slot = (int) (entry >>> 32) & mask;
                while (bigger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = entry;
            }
        }
        table = bigger;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
