package io.github.attribution.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns strings to dense ids {@code 0..size-1}, in order of first appearance, holding the names as
 * bytes in one array rather than as {@code String} objects: millions of person and account ids take
 * about their length in bytes plus 12 each, and give the garbage collector nothing to trace or copy.
 * A name whose characters all fit in Latin-1 (the usual case) takes a byte a character, others two
 * (UTF-16); {@link #name} makes a new {@code String} each call.
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
    private byte[] bytes = new byte[256];
    private int used;
    /** Per id: where its name ends in {@link #bytes} (it starts where the previous one ends). */
    private int[] ends = new int[16];
    /** Per id, a bit: whether its name is held as UTF-16 (two bytes a character). */
    private long[] utf16 = new long[1];

    private int size;
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
            if ((int) (entry >>> 32) == hash && equalsAt(id, name)) {
                last = name;
                lastId = id;
                return id;
            }
        }
        int id = add(slot, hash, name);
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
            if ((int) (entry >>> 32) == hash
                    && !isUtf16(id)
                    && Arrays.equals(bytes, start(id), ends[id], b, from, to)) {
                return id;
            }
        }
        room(to - from);
        System.arraycopy(b, from, bytes, used, to - from);
        return append(slot, hash, used + (to - from), false);
    }

    /** The id of {@code name}, or -1. */
    int find(String name) {
        int hash = hash(name);
        int mask = table.length - 1;
        for (int slot = hash & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            long entry = table[slot];
            int id = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && equalsAt(id, name)) {
                return id;
            }
        }
        return -1;
    }

    int size() {
        return size;
    }

    /** The name of {@code id}, a new string each call. */
    String name(int id) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException("id " + id + " of " + size);
        }
        int from = start(id);
        if (!isUtf16(id)) {
            return new String(bytes, from, ends[id] - from, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[(ends[id] - from) / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (((bytes[from + 2 * i] & 0xFF) << 8) | (bytes[from + 2 * i + 1] & 0xFF));
        }
        return new String(chars);
    }

    /**
     * Drops what only interning needs (the hash table, at 2.7 M names some 64 MB); for a dictionary
     * that only answers {@link #name} and {@link #size} from now on.
     */
    void seal() {
        table = null;
        last = null;
    }

    /** Every name, by id. */
    String[] names() {
        String[] names = new String[size];
        for (int id = 0; id < size; id++) {
            names[id] = name(id);
        }
        return names;
    }

    /** Adds {@code name}, not in the table, whose probe ended at empty {@code slot}; its id. */
    private int add(int slot, int hash, String name) {
        int length = name.length();
        boolean latin1 = true;
        for (int i = 0; i < length && latin1; i++) {
            latin1 = name.charAt(i) <= 0xFF;
        }
        int n = latin1 ? length : 2 * length;
        room(n);
        int p = used;
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (latin1) {
                bytes[p++] = (byte) c;
            } else {
                bytes[p++] = (byte) (c >>> 8);
                bytes[p++] = (byte) c;
            }
        }
        return append(slot, hash, p, !latin1);
    }

    /** Makes room for {@code n} more bytes of names. */
    private void room(int n) {
        if (n > bytes.length - used) {
            long wanted = Math.max((long) used + n, (long) bytes.length + (bytes.length >> 1));
            if (wanted > Integer.MAX_VALUE - 16) {
                if ((long) used + n > Integer.MAX_VALUE - 16) {
                    throw new IllegalStateException("more than 2 GB of distinct names in one dictionary");
                }
                wanted = Integer.MAX_VALUE - 16;
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }

    /** Records the name just written up to {@code end} as the next id, in {@code slot}; its id. */
    private int append(int slot, int hash, int end, boolean isUtf16) {
        int id = size;
        if (id == ends.length) {
            ends = Arrays.copyOf(ends, id * 2);
        }
        if ((id >>> 6) == utf16.length) {
            utf16 = Arrays.copyOf(utf16, utf16.length * 2);
        }
        if (isUtf16) {
            utf16[id >>> 6] |= 1L << id;
        }
        ends[id] = end;
        used = end;
        size = id + 1;
        table[slot] = ((long) hash << 32) | (id + 1L);
        if (2 * size > table.length) {
            grow();
        }
        return id;
    }

    private int start(int id) {
        return id == 0 ? 0 : ends[id - 1];
    }

    private boolean isUtf16(int id) {
        return (utf16[id >>> 6] & (1L << id)) != 0;
    }

    /** Whether name {@code id} is {@code name}. */
    private boolean equalsAt(int id, String name) {
        int p = start(id);
        int length = name.length();
        if (isUtf16(id)) {
            if (ends[id] - p != 2 * length) {
                return false;
            }
            for (int i = 0; i < length; i++, p += 2) {
                if ((char) (((bytes[p] & 0xFF) << 8) | (bytes[p + 1] & 0xFF)) != name.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
        if (ends[id] - p != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if ((bytes[p + i] & 0xFF) != name.charAt(i)) {
                return false;
            }
        }
        return true;
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
