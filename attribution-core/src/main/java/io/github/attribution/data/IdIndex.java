package io.github.attribution.data;

/**
 * Detects duplicate ids among many rows without a map entry per row: an open-addressing table of
 * (hash, row) pairs packed in one {@code long} each, over the caller's id column. A probe compares the
 * stored hash first, so it reads a candidate id (a cache miss) only when the hashes match; 20 million
 * ids take about 256 MB. Not thread-safe.
 */
final class IdIndex {
    private static final long ROW_MASK = 0xFFFF_FFFFL;

    private long[] table = new long[1 << 10]; // (hash << 32) | (row + 1); 0 = empty
    private int size;

    /**
     * Adds row {@code row}, whose id is {@code id}; the earlier rows' ids are in {@code ids}.
     *
     * @return -1 if the id is new, otherwise the earlier row with the same id
     */
    int add(IdColumn ids, int row, String id) {
        int hash = prepare(id.hashCode());
        int slot = candidate(hash, hash);
        while (table[slot] != 0) {
            int other = rowAt(slot);
            if (ids.equalsAt(other, id)) {
                return other;
            }
            slot = candidate(hash, slot + 1);
        }
        return insert(slot, hash, row);
    }

    /** Makes room for one more row; the mixed hash of an id's {@code hashCode}. */
    private int prepare(int hashCode) {
        if (4L * (size + 1) > 3L * table.length) {
            grow();
        }
        return mix(hashCode);
    }

    /**
     * From slot {@code from} on (wrapping), the first slot that is empty or holds a row with this
     * hash: the next place a probe must look at.
     */
    private int candidate(int hash, int from) {
        int mask = table.length - 1;
        for (int slot = from & mask; ; slot = (slot + 1) & mask) {
            long entry = table[slot];
            if (entry == 0 || (int) (entry >>> 32) == hash) {
                return slot;
            }
        }
    }

    private int rowAt(int slot) {
        return (int) (table[slot] & ROW_MASK) - 1;
    }

    /** Puts the row in {@code slot}, the empty slot that ended its probe; -1, the id being new. */
    private int insert(int slot, int hash, int row) {
        table[slot] = ((long) hash << 32) | (row + 1L);
        size++;
        return -1;
    }

    /** Makes room for {@code count} rows in all without growing again. */
    void expect(int count) {
        long slots = Math.max(table.length, Long.highestOneBit(Math.max(1, 4L * count / 3)) * 2);
        if (slots > table.length && slots <= 1 << 30) {
            resize((int) slots);
        }
    }

    private void grow() {
        resize(table.length * 2);
    }

    private void resize(int slots) {
        long[] old = table;
        table = new long[slots];
        int mask = table.length - 1;
        for (long entry : old) {
            if (entry != 0) {
                int slot = (int) (entry >>> 32) & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = entry;
            }
        }
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
