package io.github.attribution.report;

/**
 * Spearman's rank correlation with average ranks for ties: the Pearson correlation of the two rank
 * vectors, which is the textbook definition that stays correct with ties (the {@code 1 - 6 sum d^2 /
 * (n (n^2 - 1))} shortcut is exact only without ties).
 *
 * <p>Ranks are averages of consecutive integers, so twice a rank is an integer and every sum is held
 * exactly in a {@code long}; only the final division and square root are floating point. Identical
 * orderings give exactly 1.0 and reversed ones exactly -1.0.
 */
final class RankCorrelation {
    private RankCorrelation() {}

    /**
     * Twice the average rank (1 = smallest) of each value: tied values share the mean of the ranks they
     * span, so {@code [10, 20, 20, 30]} ranks {@code [1, 2.5, 2.5, 4]} and this returns {@code [2, 5, 5,
     * 8]}.
     */
    static long[] doubledRanks(long[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(values[a], values[b]));
        long[] ranks = new long[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            long doubled = (i + 1) + (j + 1); // ranks i+1..j+1 averaged, times two
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = doubled;
            }
            i = j + 1;
        }
        return ranks;
    }

    /**
     * Spearman's rho of {@code a} and {@code b} (same length), in {@code [-1, 1]}; {@code NaN} when it is
     * undefined: fewer than two values, or all values of either side tied.
     */
    static double spearman(long[] a, long[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " and " + b.length);
        }
        int n = a.length;
        if (n < 2) {
            return Double.NaN;
        }
        long[] ra = doubledRanks(a);
        long[] rb = doubledRanks(b);
        long sa = 0;
        long sb = 0;
        long saa = 0;
        long sbb = 0;
        long sab = 0;
        for (int i = 0; i < n; i++) {
            sa += ra[i];
            sb += rb[i];
            saa += ra[i] * ra[i];
            sbb += rb[i] * rb[i];
            sab += ra[i] * rb[i];
        }
        long cov = n * sab - sa * sb;
        long va = n * saa - sa * sa;
        long vb = n * sbb - sb * sb;
        if (va == 0 || vb == 0) {
            return Double.NaN;
        }
        double rho = va == vb ? (double) cov / va : cov / Math.sqrt((double) va * (double) vb);
        return Math.max(-1.0, Math.min(1.0, rho));
    }
}
