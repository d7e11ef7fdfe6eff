package io.github.attribution.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Ids (of channels, accounts, ...) by a value's bytes: open addressing with linear probing. An entry keeps the
 * value's length and its first and last 8 bytes as {@code long}s (overlapping, or the only bytes
 * zero-padded), which are the whole name up to 16 bytes: a lookup of such a name reads two words and
 * compares no bytes. Longer names are also compared byte by byte.
 */
final class ByteTable {
    /** Reads 8 bytes of a byte array as a little-endian {@code long}. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes = new byte[1024];
    private int bytesSize;
    private int[] start = new int[16];
    private int[] length = new int[16];
    private long[] first = new long[16];
    private long[] last = new long[16];
    private int[] hash = new int[16];
    private int[] id = new int[16];
    private int size;
    /** Entry + 1 per slot; 0 is empty. */
    private int[] slots = new int[64];

    /** The last value found, when at most 16 bytes long (its length and words say it all): its id. */
    private int lastLength = -1;

    private long lastFirst;
    private long lastLast;
    private int lastId;

    /** Empties the table, keeping its arrays. */
    void clear() {
        Arrays.fill(slots, 0);
        size = 0;
        bytesSize = 0;
        lastLength = -1;
    }

    /** The first 8 bytes of {@code b[a .. z)} as a little-endian word, zero-padded when shorter. */
    private static long first(byte[] b, int a, int z) {
        int len = z - a;
        if (len >= 8) {
            return (long) LONGS.get(b, a);
        }
        if (a + 8 <= b.length) {
            return (long) LONGS.get(b, a) & ((1L << (len << 3)) - 1);
        }
        long w = 0;
        for (int i = z - 1; i >= a; i--) {
            w = (w << 8) | (b[i] & 0xFF);
        }
        return w;
    }

    /** The last 8 bytes of {@code b[a .. z)} as a word when there are at least 8, else 0. */
    private static long last(byte[] b, int a, int z) {
        return z - a >= 8 ? (long) LONGS.get(b, z - 8) : 0;
    }

    private static int hash(long first, long last, int length) {
        long h = first * 0x9E3779B97F4A7C15L ^ last * 0xC2B2AE3D27D4EB4FL ^ length;
        h ^= h >>> 29;
        return (int) (h ^ (h >>> 32));
    }

    /** The id of the value of bytes {@code b[a .. z)} (possibly empty), or -1 when it is not in the table. */
    int find(byte[] b, int a, int z) {
        int len = z - a;
        long w0 = first(b, a, z);
        long w1 = last(b, a, z);
        if (len == lastLength && w0 == lastFirst && w1 == lastLast && len <= 16) {
            return lastId; // rows of one account follow each other: no hash, no probe
        }
        int h = hash(w0, w1, len);
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int e = slots[s] - 1;
            if (e < 0) {
                return -1;
            }
            if (hash[e] == h
                    && length[e] == len
                    && first[e] == w0
                    && last[e] == w1
                    && (len <= 16 || sameMiddle(start[e], b, a, len))) {
                lastLength = len;
                lastFirst = w0;
                lastLast = w1;
                lastId = id[e];
                return lastId;
            }
        }
    }

    /**
     * Whether the stored bytes from {@code s} and {@code b[a .. a + len)}, whose first and last 8 bytes
     * are equal and {@code len > 16}, agree in between: a word at a time, the last word overlapping.
     */
    private boolean sameMiddle(int s, byte[] b, int a, int len) {
        for (int i = 8; i < len - 8; i += 8) {
            if ((long) LONGS.get(bytes, s + i) != (long) LONGS.get(b, a + i)) {
                return false;
            }
        }
        return true;
    }

    /** Adds the value of bytes {@code b[a .. z)}, not in the table yet, with id {@code channelId}. */
    void put(byte[] b, int a, int z, int channelId) {
        int len = z - a;
        if (bytesSize + len > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, bytesSize + len));
        }
        if (size == start.length) {
            int n = size * 2;
            start = Arrays.copyOf(start, n);
            length = Arrays.copyOf(length, n);
            first = Arrays.copyOf(first, n);
            last = Arrays.copyOf(last, n);
            hash = Arrays.copyOf(hash, n);
            id = Arrays.copyOf(id, n);
        }
        System.arraycopy(b, a, bytes, bytesSize, len);
        int e = size++;
        start[e] = bytesSize;
        length[e] = len;
        first[e] = first(b, a, z);
        last[e] = last(b, a, z);
        hash[e] = hash(first[e], last[e], len);
        id[e] = channelId;
        bytesSize += len;
        if (size * 2 > slots.length) {
            slots = new int[slots.length * 2];
            for (int i = 0; i < size; i++) {
                insert(i);
            }
        } else {
            insert(e);
        }
    }

    private void insert(int e) {
        int mask = slots.length - 1;
        int s = hash[e] & mask;
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = e + 1;
    }
}
