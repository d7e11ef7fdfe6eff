package io.github.attribution.money;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Splits an amount of minor units over weights so that the parts add up to the amount exactly
 * (the largest-remainder method, specified in docs/models.md, "From weights to money").
 *
 * <ul>
 *   <li>{@link #apportionShares}: exact ratios {@code shares[i] / sum(shares)}. Part {@code i} is
 *       {@code floor(amount * shares[i] / sum)}; the leftover minor units go one each to the largest
 *       remainders, ties to the earlier index. Integer arithmetic only.
 *   <li>{@link #apportionWeights}: real weights are normalised and first quantised to integer parts
 *       of {@code D = 2^40} by the same rule, then apportioned as shares.
 * </ul>
 *
 * So every part is non-negative and within one minor unit of {@code amount * weight}.
 *
 * <p>An instance holds scratch buffers: not thread-safe, use one per thread. Allocation-free once its
 * buffers have grown to the largest journey.
 */
public final class Apportioner {
    /** The quantum of real weights: {@code 2^40} parts. */
    public static final long PARTS = 1L << 40;

    /** Keys are first sorted into this many order-preserving buckets; see {@link #addOneToLargest}. */
    private static final int BUCKETS = 64;

    /** Below this, products convert to double exactly. */
    private static final long EXACT_DOUBLE = 1L << 52;

    private long[] remainder = new long[32];
    private long[] fraction = new long[32]; // raw bits of the fractional parts
    private long[] parts = new long[32];
    private int[] order = new int[32];
    private long[] selectLongs = new long[32];
    private int[] bucket = new int[32]; // a coarse, order-preserving image of each key: 0..BUCKETS-1
    private int[] selectIndices = new int[32];
    private final int[] histogram = new int[BUCKETS];

    /**
     * Splits {@code amount} over {@code shares[0..n)} in proportion to the shares, into {@code out}.
     *
     * @param amount minor units, not negative
     * @param shares non-negative integer shares with a positive sum that fits in a {@code long}
     * @throws IllegalArgumentException if the amount or a share is negative, or all shares are zero
     */
    public void apportionShares(long amount, long[] shares, int n, long[] out) {
        apportion(amount, shares, n, out, false);
    }

    /**
     * {@link #apportionShares}; {@code spread} says the remainders are likely all different (the
     * quantised parts of real weights), so the bucketed selection pays off.
     */
    private void apportion(long amount, long[] shares, int n, long[] out, boolean spread) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            if (shares[i] < 0) {
                throw new IllegalArgumentException("share " + i + " must not be negative: " + shares[i]);
            }
            total = Math.addExact(total, shares[i]);
        }
        if (total == 0) {
            throw new IllegalArgumentException("shares must not all be zero");
        }
        ensure(n);
        long[] rem = remainder;
        int[] buckets = bucket;
        long assigned = 0;
        boolean powerOfTwo = (total & (total - 1)) == 0;
        double reciprocal = 1.0 / total;
        double toBucket = BUCKETS * reciprocal; // r * toBucket is below BUCKETS save for rounding
        int shift = Long.numberOfTrailingZeros(total);
        for (int i = 0; i < n; i++) {
            long s = shares[i];
            long q;
            long r;
            if (s == 0) {
                q = 0;
                r = 0;
            } else if (s == total) {
                q = amount;
                r = 0;
            } else {
                long hi = Math.multiplyHigh(amount, s);
                long lo = amount * s;
                if (powerOfTwo) { // 0 < shift < 63 here, because 0 < s < total
                    q = (hi << (64 - shift)) | (lo >>> shift);
                    r = lo & (total - 1);
                } else if (hi == 0 && lo >= 0 && lo < EXACT_DOUBLE) {
                    // a 64-bit division costs tens of cycles; a reciprocal estimate is off by at most
                    // one below 2^52 and the integer correction makes it exact
                    q = (long) (lo * reciprocal);
                    r = lo - q * total;
                    while (r < 0) {
                        q--;
                        r += total;
                    }
                    while (r >= total) {
                        q++;
                        r -= total;
                    }
                } else if (hi == 0 && lo >= 0) {
                    q = lo / total;
                    r = lo % total;
                } else {
                    BigInteger[] qr = BigInteger.valueOf(amount)
                            .multiply(BigInteger.valueOf(s))
                            .divideAndRemainder(BigInteger.valueOf(total));
                    q = qr[0].longValueExact();
                    r = qr[1].longValueExact();
                }
            }
            out[i] = q;
            rem[i] = r;
            if (spread) { // rounding is monotone, so buckets never order two remainders against their values
                buckets[i] = Math.min((int) (r * toBucket), BUCKETS - 1);
            }
            assigned += q;
        }
        long leftover = amount - assigned;
        if (leftover > 0) {
            // leftover < n: the fractional parts sum to it and each is below one
            if (spread) {
                addOneToLargestBucketed(rem, n, (int) leftover, out);
            } else {
                addOneToLargest(rem, n, (int) leftover, out);
            }
        }
    }

    /**
     * Splits {@code amount} over real {@code weights[0..n)}: normalised, quantised to {@code 2^40}
     * parts, then apportioned exactly.
     *
     * @throws IllegalArgumentException if a weight is negative or not finite, or all are zero
     */
    public void apportionWeights(long amount, double[] weights, int n, long[] out) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight " + i + " must be finite and not negative: " + w);
            }
            sum += w;
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("weights must have a positive finite sum: " + sum);
        }
        ensure(n);
        long assigned = 0;
        double scale = PARTS / sum; // normalising and scaling to parts in one multiplication
        boolean tiny = Double.isInfinite(scale); // a sum below about 1e-296: divide instead
        for (int i = 0; i < n; i++) {
            double x = tiny ? weights[i] / sum * PARTS : weights[i] * scale;
            long p = (long) x; // floor: x is not negative
            parts[i] = p;
            // a fraction is never negative, so its raw bits order like its value: one selection for both
            double f = x - p;
            fraction[i] = Double.doubleToRawLongBits(f);
            bucket[i] = (int) (f * BUCKETS);
            assigned += p;
        }
        long leftover = PARTS - assigned;
        if (leftover > 0 && leftover <= n) {
            addOneToLargestBucketed(fraction, n, (int) leftover, parts);
        } else if (leftover != 0) {
            rankByFraction(n);
            // leftover is in [0, n) save for floating-point drift on huge journeys; cycling keeps it exact
            for (int k = 0; leftover > 0; k = (k + 1) % n) {
                parts[order[k]]++;
                leftover--;
            }
            for (int k = n - 1; leftover < 0; k = (k + n - 1) % n) {
                if (parts[order[k]] > 0) {
                    parts[order[k]]--;
                    leftover++;
                }
            }
        }
        apportion(amount, parts, n, out, true);
    }

    /** Convenience: {@link #apportionShares} on a fresh apportioner. */
    public static long[] ofShares(long amount, long... shares) {
        long[] out = new long[shares.length];
        new Apportioner().apportionShares(amount, shares, shares.length, out);
        return out;
    }

    /** Convenience: {@link #apportionWeights} on a fresh apportioner. */
    public static long[] ofWeights(long amount, double... weights) {
        long[] out = new long[weights.length];
        new Apportioner().apportionWeights(amount, weights, weights.length, out);
        return out;
    }

    /**
     * Adds one to {@code out[i]} for the {@code count} indices with the largest {@code keys[i]}, ties
     * to the lower index: the same as sorting by (key descending, index ascending) and taking the
     * first {@code count}, in linear time. Finds the count-th largest key by quickselect on a copy,
     * then takes every larger key and the earliest keys equal to it. Suits keys with few distinct
     * values (exact shares: a journey's middle touches all have the same remainder).
     */
    private void addOneToLargest(long[] keys, int n, int count, long[] out) {
        long[] copy = selectLongs;
        System.arraycopy(keys, 0, copy, 0, n);
        long threshold = kthLargestFewDistinct(copy, n, count - 1);
        int equalNeeded = count;
        for (int i = 0; i < n; i++) {
            // about half the keys are larger: a branch here would be mispredicted half the time
            int larger = keys[i] > threshold ? 1 : 0;
            out[i] += larger;
            equalNeeded -= larger;
        }
        for (int i = 0; i < n && equalNeeded > 0; i++) {
            if (keys[i] == threshold) {
                out[i]++;
                equalNeeded--;
            }
        }
    }

    /**
     * Adds one to {@code out[i]} for the {@code count} indices with the largest {@code keys[i]}, ties
     * to the lower index: the same as sorting by (key descending, index ascending) and taking the
     * first {@code count}, the same result as {@link #addOneToLargest}, in linear time and without data-dependent branches in the common case.
     *
     * <p>{@code bucket[i]} must be an order-preserving image of {@code keys[i]} in {@code [0, BUCKETS)}
     * (a larger key never has a smaller bucket). A histogram of the buckets finds the bucket holding
     * the count-th largest key; every key in a higher bucket gets one, and only the keys of that
     * bucket (usually one or two, as remainders spread evenly) are compared with each other.
     */
    private void addOneToLargestBucketed(long[] keys, int n, int count, long[] out) {
        int[] buckets = bucket;
        int[] hist = histogram;
        for (int i = 0; i < n; i++) {
            hist[buckets[i]]++;
        }
        int split = BUCKETS - 1;
        int above = 0;
        while (above + hist[split] < count) {
            above += hist[split];
            split--;
        }
        int inSplit = hist[split];
        Arrays.fill(hist, 0);
        int needed = count - above; // from the split bucket; 1..inSplit
        if (needed == inSplit) {
            for (int i = 0; i < n; i++) {
                out[i] += buckets[i] >= split ? 1 : 0;
            }
            return;
        }
        if (inSplit == n) { // one bucket holds every key: select among them all
            addOneToLargest(keys, n, count, out);
            return;
        }
        long[] candidates = selectLongs;
        int[] indices = selectIndices;
        int m = 0;
        for (int i = 0; i < n; i++) {
            int b = buckets[i];
            out[i] += b > split ? 1 : 0;
            if (b == split) {
                candidates[m] = keys[i];
                indices[m++] = i;
            }
        }
        long threshold = kthLargest(candidates, m, needed - 1);
        int equalNeeded = needed;
        for (int c = 0; c < m; c++) {
            int i = indices[c];
            if (keys[i] > threshold) {
                out[i]++;
                equalNeeded--;
            }
        }
        for (int c = 0; c < m && equalNeeded > 0; c++) {
            int i = indices[c];
            if (keys[i] == threshold) {
                out[i]++;
                equalNeeded--;
            }
        }
    }

    /**
     * The k-th largest (0-based) of {@code a[0..n)}; reorders {@code a}. Hoare-partition quickselect:
     * fast when the keys take few distinct values (its comparisons are then predictable).
     */
    static long kthLargestFewDistinct(long[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            long pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] > pivot) {
                    i++;
                }
                while (a[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    /** Ranges this short are finished by insertion sort. */
    private static final int SHORT_RANGE = 8;

    /**
     * The k-th largest (0-based) of {@code a[0..n)}; reorders {@code a}. Quickselect whose partition
     * loops have no data-dependent branches (every element is swapped, the boundary advances by a
     * comparison's 0 or 1): the keys here are remainders, effectively random, so a branching
     * partition would mispredict on every other element.
     */
    static long kthLargest(long[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi - lo >= SHORT_RANGE) {
            long x = a[lo];
            long y = a[(lo + hi) >>> 1];
            long z = a[hi];
            long pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z)); // median of three
            int larger = lo; // a[lo..larger) > pivot
            for (int i = lo; i <= hi; i++) {
                long v = a[i];
                a[i] = a[larger];
                a[larger] = v;
                larger += v > pivot ? 1 : 0;
            }
            if (k < larger) {
                hi = larger - 1; // excludes the pivot, so the range shrinks
                continue;
            }
            int equal = larger; // a[larger..equal) == pivot; at least one element, the pivot
            for (int i = larger; i <= hi; i++) {
                long v = a[i];
                a[i] = a[equal];
                a[equal] = v;
                equal += v == pivot ? 1 : 0;
            }
            if (k < equal) {
                return pivot;
            }
            lo = equal;
        }
        for (int i = lo + 1; i <= hi; i++) { // descending insertion sort of the short rest
            long v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] < v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
        return a[k];
    }

    /** Orders all indices by fractional part descending, index ascending. */
    private void rankByFraction(int n) {
        if (n > 64) {
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> {
                int c = Long.compare(fraction[b], fraction[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int i = 0; i < n; i++) {
                order[i] = boxed[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int j = i;
            while (j > 0 && fraction[order[j - 1]] < fraction[i]) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
    }

    private void ensure(int n) {
        if (remainder.length < n) {
            int size = Math.max(n, remainder.length * 2);
            remainder = new long[size];
            fraction = new long[size];
            parts = new long[size];
            order = new int[size];
            selectLongs = new long[size];
            bucket = new int[size];
            selectIndices = new int[size];
        }
    }
}
