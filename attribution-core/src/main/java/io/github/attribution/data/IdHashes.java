package io.github.attribution.data;

import io.github.attribution.internal.Parallel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Duplicate-id detection after a file's scan, without a look-up per row: each row's 64-bit id hash is
 * appended to one of 4096 buckets chosen by its top bits (appends to 4096 buckets stay in cache, where
 * probing one table of tens of millions of rows misses it on nearly every row), and {@link #distinct}
 * checks each bucket on several threads, with a table small enough for the cache; only rows whose
 * hashes agree in 44 bits are compared as ids. About 8 bytes a row, dropped after the check. Not
 * thread-safe while adding.
 */
final class IdHashes {
    private static final int BUCKET_BITS = 12;
    private static final int BUCKETS = 1 << BUCKET_BITS;
    private static final long ROW_MASK = 0xFFFF_FFFFL;
    private static final int BUCKETS_PER_TASK = 64;

    /** Per bucket: (the hash's 32 bits after the bucket's, row) packed as {@code (bits << 32) | row}. */
    private final long[][] buckets = new long[BUCKETS][];

    private final int[] sizes = new int[BUCKETS];

    /** The hashes of every id of {@code ids} ({@link IdColumn#hash}), made after the scan that read them. */
    static IdHashes of(IdColumn ids) {
        IdHashes hashes = new IdHashes();
        int n = ids.size();
        hashes.expect(n);
        for (int row = 0; row < n; row++) {
            hashes.add(ids.hash(row), row);
        }
        return hashes;
    }

    /** Makes room for {@code count} rows in all, spread evenly. */
    void expect(int count) {
        int each = (int) Math.min(Integer.MAX_VALUE - 16, (long) count / BUCKETS * 17 / 16 + 16);
        for (int b = 0; b < BUCKETS; b++) {
            if (buckets[b] == null || buckets[b].length < each) {
                buckets[b] = buckets[b] == null ? new long[each] : Arrays.copyOf(buckets[b], each);
            }
        }
    }

    /** Adds row {@code row} (not negative) whose id hashes to {@code hash}. */
    void add(long hash, int row) {
        int b = (int) (hash >>> (64 - BUCKET_BITS));
        long[] a = buckets[b];
        int n = sizes[b];
        if (a == null) {
            a = buckets[b] = new long[16];
        } else if (n == a.length) {
            a = buckets[b] = Arrays.copyOf(a, n + (n >> 1) + 16);
        }
        a[n] = ((hash << BUCKET_BITS) & ~ROW_MASK) | row;
        sizes[b] = n + 1;
    }

    /** Whether the rows added have distinct ids in {@code ids}; checks on up to {@code threads} threads. */
    boolean distinct(IdColumn ids, int threads) {
        AtomicBoolean repeated = new AtomicBoolean();
        Parallel.run(threads, BUCKETS / BUCKETS_PER_TASK, task -> {
            int[] table = new int[64];
            for (int b = task * BUCKETS_PER_TASK; b < (task + 1) * BUCKETS_PER_TASK && !repeated.get(); b++) {
                int n = sizes[b];
                int slots = Integer.highestOneBit(Math.max(1, n)) << 2; // at most half full
                if (table.length < slots) {
                    table = new int[slots];
                } else {
                    Arrays.fill(table, 0, slots, 0);
                }
                if (!distinct(buckets[b], n, table, slots - 1, ids)) {
                    repeated.set(true);
                }
            }
        });
        return !repeated.get();
    }

    /** Whether the {@code n} rows of {@code a} have distinct ids: a probe per row, ids compared on equal hashes. */
    private static boolean distinct(long[] a, int n, int[] table, int mask, IdColumn ids) {
        for (int i = 0; i < n; i++) {
            int bits = (int) (a[i] >>> 32);
            int slot = mix(bits) & mask;
            for (int other; (other = table[slot]) != 0; slot = (slot + 1) & mask) {
                long entry = a[other - 1];
                if ((int) (entry >>> 32) == bits && ids.sameAt((int) (entry & ROW_MASK), (int) (a[i] & ROW_MASK))) {
                    return false;
                }
            }
            table[slot] = i + 1;
        }
        return true;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
