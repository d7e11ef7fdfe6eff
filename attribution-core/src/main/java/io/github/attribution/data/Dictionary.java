package io.github.attribution.data;

import java.util.Arrays;

/**
 * Interns strings to dense ids {@code 0..size-1}, in order of first appearance. An open-addressing
 * table of ids over the names, with each name's hash kept beside it: no entry or boxed id objects
 * (millions of person ids stay cheap for the garbage collector), and a probe reads a name only when
 * the hashes match. The last string looked up is remembered, since file rows repeat an account's
 * fields row after row. Not thread-safe.
 */
final class Dictionary {
    private int[] table = new int[32]; // id + 1; 0 = empty
    private String[] names = new String[16];
    private int[] hashes = new int[16];
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
        for (int entry; (entry = table[slot]) != 0; slot = (slot + 1) & mask) {
            int id = entry - 1;
            if (hashes[id] == hash && names[id].equals(name)) {
                last = name;
                lastId = id;
                return id;
            }
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        int id = size++;
        names[id] = name;
        hashes[id] = hash;
        table[slot] = id + 1;
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
        for (int slot = hash & mask, entry; (entry = table[slot]) != 0; slot = (slot + 1) & mask) {
            int id = entry - 1;
            if (hashes[id] == hash && names[id].equals(name)) {
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
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = id + 1;
        }
        table = bigger;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
