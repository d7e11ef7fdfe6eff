package io.github.attribution.data;

/**
 * Detects duplicate ids among many rows without a map entry per row: an open-addressing table of row
 * numbers into the caller's id column. Holds millions of ids in a few bytes each. Not thread-safe.
 */
final class IdIndex {
    private int[] table = new int[1 << 10]; // row + 1; 0 = empty
    private int size;

    /**
     * Adds row {@code row}, whose id is {@code ids[row]}.
     *
     * @return -1 if the id is new, otherwise the earlier row with the same id
     */
    int add(String[] ids, int row) {
        if (2 * (size + 1) > table.length) {
            grow(ids);
        }
        String id = ids[row];
        int mask = table.length - 1;
        for (int slot = mix(id.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                table[slot] = row + 1;
                size++;
                return -1;
            }
            if (ids[entry - 1].equals(id)) {
                return entry - 1;
            }
        }
    }

    private void grow(String[] ids) {
        int[] old = table;
        table = new int[old.length * 2];
        int mask = table.length - 1;
        for (int entry : old) {
            if (entry != 0) {
                int slot = mix(ids[entry - 1].hashCode()) & mask;
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
