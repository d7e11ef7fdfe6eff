package io.github.attribution.datadriven;

import java.util.Arrays;

/**
 * A growable column of non-negative integers held in the narrowest of {@code byte}, {@code int} and
 * {@code long} that fits every value set so far (widened, once, when one does not): path rows' counts
 * and channel ids are nearly always small, and fewer bytes are fewer fresh pages to fault in. Not
 * thread-safe while being filled; read-only use afterwards is safe from any thread that sees it safely
 * published.
 */
final class PackedColumn {
    private byte[] bytes;
    private int[] ints;
    private long[] longs;

    PackedColumn(int capacity) {
        bytes = new byte[capacity];
    }

    int capacity() {
        return bytes != null ? bytes.length : ints != null ? ints.length : longs.length;
    }

    /** Grows (or trims) to {@code capacity} entries. */
    void resize(int capacity) {
        if (bytes != null) {
            bytes = Arrays.copyOf(bytes, capacity);
        } else if (ints != null) {
            ints = Arrays.copyOf(ints, capacity);
        } else {
            longs = Arrays.copyOf(longs, capacity);
        }
    }

    long get(int i) {
        byte[] b = bytes;
        if (b != null) {
            return b[i] & 0xFF;
        }
        int[] n = ints;
        return n != null ? n[i] : longs[i];
    }

    /**
     * Replaces each of the first {@code size} entries {@code v} by {@code map[v]}; every {@code map}
     * value must fit the column as it is (as when renumbering ids among as many).
     */
    void remap(int[] map, int size) {
        if (bytes != null) {
            byte[] b = bytes;
            for (int i = 0; i < size; i++) {
                b[i] = (byte) map[b[i] & 0xFF];
            }
        } else if (ints != null) {
            int[] n = ints;
            for (int i = 0; i < size; i++) {
                n[i] = map[n[i]];
            }
        } else {
            for (int i = 0; i < size; i++) {
                longs[i] = map[(int) longs[i]];
            }
        }
    }

    /** Sets entry {@code i} to {@code value} (not negative). */
    void set(int i, long value) {
        if (bytes != null) {
            if ((value & ~0xFFL) == 0) {
                bytes[i] = (byte) value;
                return;
            }
            ints = new int[bytes.length];
            for (int k = 0; k < bytes.length; k++) {
                ints[k] = bytes[k] & 0xFF;
            }
            bytes = null;
        }
        if (ints != null) {
            if ((value & ~0x7FFF_FFFFL) == 0) {
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
