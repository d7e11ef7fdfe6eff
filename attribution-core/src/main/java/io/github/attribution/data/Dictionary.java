package io.github.attribution.data;

import java.nio.charset.StandardCharsets;

/**
 * Interns strings to dense ids {@code 0..size-1}, in order of first appearance. The names are held in
 * an {@link IdColumn}, as touchpoint ids are: numbered names ({@code ACC-000001}, {@code P-0000004})
 * in 8 bytes, others as Latin-1 or UTF-16 bytes; no {@code String} object each, so millions of person
 * and account ids give the garbage collector nothing to trace or copy. {@link #name} makes a new
 * {@code String} each call.
 *
 * <p>An open-addressing table of (hash, id) pairs packed in longs over the names: no entry or boxed
 * id objects, and a probe reads a name only when the hashes match. The hash is taken over the
 * characters, so a name given as Latin-1 bytes ({@link #intern(byte[], int, int)}, by file readers)
 * and as a {@code String} find each other. The last string interned is remembered, since file rows
 * repeat an account's fields row after row. Not thread-safe while interning; safe to read from any
 * number of threads once filled.
 */
final class Dictionary {
    private long[] table = new long[32]; // (hash << 32) | (id + 1); 0 = empty
    private final IdColumn names = new IdColumn();
    private String last;
    private int lastId;

    int intern(String name) {
        if (name == last) {
            return lastId;
        }
        int hash = hash(name);
        int mask = table.length - 1;
        int slot = hash & mask;
        for (long entry; (entry = table[slot]) != 0; slot = (slot + 1) & mask) {
            int id = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && names.equalsAt(id, name)) {
                last = name;
                lastId = id;
                return id;
            }
        }
        int id = added(slot, hash, names.add(name));
        last = name;
        lastId = id;
        return id;
    }

    /** As {@link #intern(String)} of the Latin-1 text of {@code b[from .. to)} (so also of ASCII UTF-8). */
    int intern(byte[] b, int from, int to) {
        int hash = hash(b, from, to);
        int mask = table.length - 1;
        int slot = hash & mask;
        for (long entry; (entry = table[slot]) != 0; slot = (slot + 1) & mask) {
            int id = (int) entry - 1;
            // a string only when the hashes match: an id seen before, or a rare collision
            if ((int) (entry >>> 32) == hash
                    && names.equalsAt(id, new String(b, from, to - from, StandardCharsets.ISO_8859_1))) {
                return id;
            }
        }
        return added(slot, hash, names.addLatin1(b, from, to));
    }

    /** The id of {@code name}, or -1. */
    int find(String name) {
        int hash = hash(name);
        int mask = table.length - 1;
        for (int slot = hash & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            long entry = table[slot];
            int id = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && names.equalsAt(id, name)) {
                return id;
            }
        }
        return -1;
    }

    int size() {
        return names.size();
    }

    /** The name of {@code id}, a new string each call. */
    String name(int id) {
        if (id < 0 || id >= names.size()) {
            throw new IndexOutOfBoundsException("id " + id + " of " + names.size());
        }
        return names.get(id);
    }

    /**
     * Drops what only interning needs (the hash table, at 2.7 M names some 64 MB); for a dictionary
     * that only answers {@link #name} and {@link #size} from now on.
     */
    void seal() {
        table = null;
        last = null;
        names.trim();
    }

    /** Every name, by id. */
    String[] names() {
        String[] all = new String[names.size()];
        for (int id = 0; id < all.length; id++) {
            all[id] = names.get(id);
        }
        return all;
    }

    /** Records name {@code id}, just appended, in {@code slot}, where its probe ended; its id. */
    private int added(int slot, int hash, int id) {
        table[slot] = ((long) hash << 32) | (id + 1L);
        if (2 * names.size() > table.length) {
            grow();
        }
        return id;
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

    /** The hash of the characters of {@code name} (FNV-1a over the char values, then mixed). */
    private static int hash(String name) {
        int h = 0x811C9DC5;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x01000193;
        }
        return mix(h);
    }

    /** {@link #hash(String)} of the Latin-1 text of {@code b[from .. to)}. */
    private static int hash(byte[] b, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x01000193;
        }
        return mix(h);
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
