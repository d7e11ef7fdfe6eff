package io.github.attribution.datadriven;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rule-based models that make sense on path data (no times, no milestones): first-touch,
 * last-touch and linear. Each returned model is an immutable singleton.
 */
public final class PathModels {
    private static final PathModel FIRST_TOUCH = new Single("first-touch", true);
    private static final PathModel LAST_TOUCH = new Single("last-touch", false);
    private static final PathModel LINEAR = new PathModel() {
        @Override
        public String name() {
            return "linear";
        }

        @Override
        public PathCredits creditPaths(PathSet paths) {
            Objects.requireNonNull(paths, "paths must not be null");
            CreditSums sums = new CreditSums(paths);
            linear(paths, null, sums);
            return sums.build(name());
        }

        @Override
        public String toString() {
            return name();
        }
    };

    private PathModels() {}

    /** Each row's conversions and value to its first channel. */
    public static PathModel firstTouch() {
        return FIRST_TOUCH;
    }

    /** Each row's conversions and value to its last channel. */
    public static PathModel lastTouch() {
        return LAST_TOUCH;
    }

    /**
     * Each row's conversions and value split evenly over its touches, repeats counted: in {@code A > A
     * > B}, A earns two thirds.
     */
    public static PathModel linear() {
        return LINEAR;
    }

    /**
     * Adds the linear split of the rows with {@code only[row]} (every row when null) to {@code sums}.
     * Exact: per path length n, the counts of each channel's touches are summed as integers (and the
     * values as exact decimals), then divided by n once.
     */
    static void linear(PathSet paths, boolean[] only, CreditSums sums) {
        int channels = paths.channels().size();
        // per path length n: each channel's touches' conversions, and (at n * channels + channel) value
        List<long[]> conversions = new ArrayList<>();
        DecimalSums value = new DecimalSums(channels * 32);
        for (int r = 0; r < paths.size(); r++) {
            if (only != null && !only[r]) {
                continue;
            }
            long conv = paths.conversions(r);
            BigDecimal big = paths.bigValue(r);
            long units = paths.valueUnits(r);
            if (conv == 0 && big == null && units == 0) {
                continue; // nothing to share (most rows of most path files)
            }
            int n = paths.length(r);
            while (conversions.size() <= n) {
                conversions.add(null);
            }
            if (conversions.get(n) == null) {
                conversions.set(n, new long[channels]);
                value.ensureSize((n + 1) * channels);
            }
            long[] c = conversions.get(n);
            int scale = paths.valueScale(r);
            int from = paths.start(r);
            for (int k = from; k < from + n; k++) {
                int ch = paths.channelAt(k);
                c[ch] = Math.addExact(c[ch], conv);
                if (big != null) {
                    value.add(n * channels + ch, big);
                } else if (units != 0) {
                    value.add(n * channels + ch, units, scale);
                }
            }
        }
        for (int n = 1; n < conversions.size(); n++) {
            if (conversions.get(n) == null) {
                continue;
            }
            for (int ch = 0; ch < channels; ch++) {
                sums.addRatio(ch, conversions.get(n)[ch], value.sum(n * channels + ch), n);
            }
        }
    }

    private static final class Single implements PathModel {
        private final String name;
        private final boolean first;

        Single(String name, boolean first) {
            this.name = name;
            this.first = first;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public PathCredits creditPaths(PathSet paths) {
            Objects.requireNonNull(paths, "paths must not be null");
            CreditSums sums = new CreditSums(paths);
            for (int r = 0; r < paths.size(); r++) {
                int at = first ? paths.start(r) : paths.start(r) + paths.length(r) - 1;
                sums.addWhole(paths.channelAt(at), r);
            }
            return sums.build(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
