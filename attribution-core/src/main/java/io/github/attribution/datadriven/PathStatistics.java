package io.github.attribution.datadriven;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.journey.Journeys;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What data-driven models fit on: per <em>collapsed</em> channel path (consecutive repeats of a
 * channel merged, {@code A > A > B} is {@code A > B}), its conversions, nulls (non-conversions) and
 * value. Counts are exact integers and values exact decimals, so statistics are a mergeable value:
 * {@code of(a).merge(of(b))} equals the statistics of {@code a} and {@code b} together, whatever the
 * order, and a fit on merged partitions is the fit on the whole.
 *
 * <p>Sources: path rows ({@link #of(PathSet)}), a run's journeys ({@link #of(Journeys)}: won
 * opportunities are conversions, lost ones nulls, open ones are left out), or anything else through
 * {@link #builder()}.
 *
 * <p>Channels are numbered by name, so the statistics do not depend on the order data arrived in.
 * Immutable and thread-safe.
 */
public final class PathStatistics {
    private static final PathStatistics EMPTY = builder().build();

    private final List<String> channels;
    private final IntSequenceTable paths;
    private final long[] conversions;
    private final long[] nulls;
    /** Per path its value; {@link #value(int)} reads it. */
    private final DecimalSums value;

    private final long totalConversions;
    private final long totalNulls;
    private final BigDecimal totalValue;

    /**
     * The canonical order of the paths (as {@link #paths()} lists them), computed on first use and shared by every {@link #withCounts}
     * of these paths, so bootstrap replicates do not sort the paths again. A race computes the same
     * array twice, harmlessly.
     */
    private volatile int[] canonical;

    /** The channel sets of the paths, computed on first use and shared like {@link #canonical}. */
    private volatile ChannelSets sets;

    /**
     * The distinct sets of channels of the paths: {@code table} holds each set once (sorted channel
     * ids), {@code of[path]} is the set of a path. Depends on the paths only, not on their counts.
     */
    record ChannelSets(IntSequenceTable table, int[] of) {}

    private PathStatistics(Builder b) {
        int[] rank = new int[b.channels.size()];
        channels = Collections.unmodifiableList(Arrays.asList(b.channels.canonical(rank)));
        int n = b.paths.size();
        paths = inOrder(rank) ? b.paths : renamed(b.paths, rank);
        // the builder is spent: its arrays are taken over as they are (paths past n unused)
        conversions = b.conversions;
        nulls = b.nulls;
        value = b.value;
        totalValue = b.totalValue.sum(0);
        totalConversions = b.totalConversions;
        totalNulls = b.totalNulls;
    }

    /** {@code base}'s channels and paths with other counts and no value. */
    private PathStatistics(PathStatistics base, long[] conversions, long[] nulls) {
        channels = base.channels;
        paths = base.paths;
        canonical = base.canonical;
        sets = base.sets;
        this.conversions = conversions;
        this.nulls = nulls;
        value = new DecimalSums(Math.max(1, paths.size()));
        totalValue = BigDecimal.ZERO;
        long c = 0;
        long n = 0;
        for (int i = 0; i < paths.size(); i++) {
            c = Math.addExact(c, conversions[i]);
            n = Math.addExact(n, nulls[i]);
        }
        totalConversions = c;
        totalNulls = n;
    }

    /**
     * The same paths with other counts and no value, such as a bootstrap replicate's: path {@code i}
     * of {@link #paths()} gets {@code conversions[i]} and {@code nulls[i]} (a path whose counts are
     * both 0 is fitted on as if absent). Takes linear time; the paths are shared, not copied.
     *
     * @throws IllegalArgumentException if an array's length is not {@link #pathCount()} or a count is
     *     negative
     */
    public PathStatistics withCounts(long[] conversions, long[] nulls) {
        Objects.requireNonNull(conversions, "conversions must not be null");
        Objects.requireNonNull(nulls, "nulls must not be null");
        int n = paths.size();
        if (conversions.length != n || nulls.length != n) {
            throw new IllegalArgumentException(
                    "counts must have one entry per path (" + n + "): " + conversions.length + " and " + nulls.length);
        }
        int[] order = canonicalPositions();
        long[] c = new long[n];
        long[] z = new long[n];
        for (int k = 0; k < n; k++) {
            if (conversions[k] < 0 || nulls[k] < 0) {
                throw new IllegalArgumentException("counts must not be negative: path " + k);
            }
            c[order[k]] = conversions[k];
            z[order[k]] = nulls[k];
        }
        return new PathStatistics(this, c, z);
    }

    private static boolean inOrder(int[] rank) {
        for (int i = 0; i < rank.length; i++) {
            if (rank[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** {@code table} with channel {@code c} renamed {@code rank[c]}, paths keeping their numbers. */
    private static IntSequenceTable renamed(IntSequenceTable table, int[] rank) {
        int n = table.size();
        IntSequenceTable renamed = new IntSequenceTable(n);
        int[] from = table.pool();
        int[] scratch = new int[16];
        for (int i = 0; i < n; i++) {
            int len = table.length(i);
            if (scratch.length < len) {
                scratch = new int[Math.max(len, scratch.length * 2)];
            }
            for (int k = 0; k < len; k++) {
                scratch[k] = rank[from[table.start(i) + k]];
            }
            int j = renamed.add(scratch, 0, len);
            assert j == i : "renaming merged two paths";
        }
        return renamed;
    }

    /** Statistics of nothing. */
    public static PathStatistics empty() {
        return EMPTY;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The statistics of {@code paths}: every row, its path collapsed. */
    public static PathStatistics of(PathSet paths) {
        Objects.requireNonNull(paths, "paths must not be null");
        Builder b = new Builder();
        int[] id = new int[paths.channels().size()];
        for (int c = 0; c < id.length; c++) {
            id[c] = b.channels.id(paths.channels().get(c));
        }
        int[] scratch = new int[16];
        for (int r = 0; r < paths.size(); r++) {
            int len = paths.length(r);
            scratch = paths.copyPath(r, scratch);
            for (int k = 0; k < len; k++) {
                scratch[k] = id[scratch[k]];
            }
            int i = b.addPath(scratch, len, paths.conversions(r), paths.nulls(r));
            b.value.add(i, paths, r);
            b.totalValue.add(0, paths, r);
        }
        return b.build();
    }

    /**
     * The statistics of the journeys of won (conversion) and lost (null) opportunities; open
     * opportunities and empty journeys are left out. A won opportunity's value is its amount as a
     * decimal in its currency (currencies are not converted: values of different currencies add up
     * as plain numbers; no model fits on value).
     */
    public static PathStatistics of(Journeys journeys) {
        return count(journeys, 1).get(0);
    }

    /**
     * As {@link #of(Journeys)}, split by the fold of each opportunity's account ({@link
     * MarkovOrderSelection#fold}): element {@code f} counts the journeys of fold {@code f}. Merged, they
     * are {@code of(journeys)}; counted per part of the data and merged fold by fold, they give {@link
     * MarkovOrderSelection#ofFolds} what {@link MarkovOrderSelection#of(Journeys)} counts itself.
     */
    public static List<PathStatistics> byFold(Journeys journeys) {
        return count(journeys, MarkovOrderSelection.FOLDS);
    }

    private static List<PathStatistics> count(Journeys journeys, int folds) {
        Objects.requireNonNull(journeys, "journeys must not be null");
        Dataset data = journeys.dataset();
        Builder[] b = new Builder[folds];
        int[][] id = new int[folds][];
        for (int f = 0; f < folds; f++) {
            b[f] = new Builder();
            id[f] = new int[data.channelCount()];
            Arrays.fill(id[f], -1);
        }
        int[] scratch = new int[16];
        for (int o = 0; o < journeys.opportunityCount(); o++) {
            OpportunityStatus status = data.status(o);
            int len = journeys.size(o);
            if (status == OpportunityStatus.OPEN || len == 0) {
                continue;
            }
            int f = folds == 1 ? 0 : MarkovOrderSelection.fold(data.accountName(data.opportunityAccount(o)));
            if (scratch.length < len) {
                scratch = new int[Math.max(len, scratch.length * 2)];
            }
            for (int p = 0; p < len; p++) {
                int channel = data.touchChannel(journeys.touch(o, p));
                if (id[f][channel] < 0) {
                    id[f][channel] = b[f].channels.id(data.channelName(channel));
                }
                scratch[p] = id[f][channel];
            }
            if (status == OpportunityStatus.WON) {
                b[f].addIds(scratch, len, 1, 0, data.amount(o), Money.fractionDigits(data.currency(o)));
            } else {
                b[f].addIds(scratch, len, 0, 1, 0, 0);
            }
        }
        List<PathStatistics> out = new ArrayList<>(folds);
        for (Builder builder : b) {
            out.add(builder.build());
        }
        return out;
    }

    /** These statistics and {@code other} together: counts and values added path by path. */
    public PathStatistics merge(PathStatistics other) {
        Objects.requireNonNull(other, "other must not be null");
        Builder b = new Builder();
        b.addAll(this);
        b.addAll(other);
        return b.build();
    }

    /** Every channel on any path, sorted by name. */
    public List<String> channels() {
        return channels;
    }

    /** Number of distinct collapsed paths. */
    public int pathCount() {
        return paths.size();
    }

    /** Total conversions over all paths. */
    public long conversions() {
        return totalConversions;
    }

    /** Total nulls over all paths. */
    public long nulls() {
        return totalNulls;
    }

    /** Total value over all paths, exact. */
    public BigDecimal value() {
        return totalValue;
    }

    /** Every distinct collapsed path with its counts, sorted by path (channel names, shorter first on ties). */
    public List<PathCount> paths() {
        Integer[] order = canonicalOrder();
        List<PathCount> out = new ArrayList<>(order.length);
        for (int i : order) {
            List<String> path = new ArrayList<>(paths.length(i));
            for (int k = paths.start(i); k < paths.end(i); k++) {
                path.add(channels.get(paths.pool()[k]));
            }
            out.add(new PathCount(path, conversions[i], nulls[i], value(i)));
        }
        return Collections.unmodifiableList(out);
    }

    // ---- for the package: channel ids are positions in channels()

    IntSequenceTable table() {
        return paths;
    }

    long conversions(int path) {
        return conversions[path];
    }

    long nulls(int path) {
        return nulls[path];
    }

    /** The value of path {@code path}: its rows' values added up, {@code 0} when none had any. */
    private BigDecimal value(int path) {
        BigDecimal v = value.sumOrNull(path);
        return v == null ? BigDecimal.ZERO : v;
    }

    /** The channel sets of the paths (for {@link ShapleyFit}), computed once for these paths. */
    ChannelSets channelSets() {
        ChannelSets s = sets;
        if (s == null) {
            IntSequenceTable table = new IntSequenceTable(Math.max(16, paths.size() / 4));
            int[] of = new int[paths.size()];
            int[] pool = paths.pool();
            int[] set = new int[16];
            for (int i = 0; i < of.length; i++) {
                int len = paths.length(i);
                if (set.length < len) {
                    set = new int[Math.max(len, set.length * 2)];
                }
                System.arraycopy(pool, paths.start(i), set, 0, len);
                of[i] = table.add(set, 0, ShapleyFit.distinct(set, len));
            }
            s = new ChannelSets(table, of);
            sets = s;
        }
        return s;
    }

    private int[] canonicalPositions() {
        int[] order = canonical;
        if (order == null) {
            Integer[] boxed = canonicalOrder();
            order = new int[boxed.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = boxed[i];
            }
            canonical = order;
        }
        return order;
    }

    private Integer[] canonicalOrder() {
        Integer[] order = new Integer[paths.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int[] pool = paths.pool();
        Arrays.sort(
                order,
                (a, b) -> Arrays.compare(pool, paths.start(a), paths.end(a), pool, paths.start(b), paths.end(b)));
        return order;
    }

    /** Equal when both hold the same paths with the same counts and numerically equal values. */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof PathStatistics)) {
            return false;
        }
        PathStatistics that = (PathStatistics) o;
        if (!channels.equals(that.channels)
                || paths.size() != that.paths.size()
                || totalConversions != that.totalConversions
                || totalNulls != that.totalNulls
                || totalValue.compareTo(that.totalValue) != 0) {
            return false;
        }
        for (int i = 0; i < paths.size(); i++) {
            int j = that.paths.find(paths.pool(), paths.start(i), paths.length(i));
            if (j < 0
                    || conversions[i] != that.conversions[j]
                    || nulls[i] != that.nulls[j]
                    || value(i).compareTo(that.value(j)) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = channels.hashCode();
        for (int i = 0; i < paths.size(); i++) {
            int e = IntSequenceTable.hash(paths.pool(), paths.start(i), paths.length(i));
            e = 31 * e + Long.hashCode(conversions[i]);
            e = 31 * e + Long.hashCode(nulls[i]);
            e = 31 * e + value(i).stripTrailingZeros().hashCode();
            h += e;
        }
        return h;
    }

    @Override
    public String toString() {
        return "PathStatistics[" + paths.size() + " paths, " + channels.size() + " channels, " + totalConversions
                + " conversions, " + totalNulls + " nulls]";
    }

    /**
     * One distinct collapsed path and what was observed on it.
     *
     * @param path the channels, no two consecutive ones equal
     * @param conversions how many times it converted
     * @param nulls how many times it did not
     * @param value the total value of its conversions, exact
     */
    public record PathCount(List<String> path, long conversions, long nulls, BigDecimal value) {
        /** Copies the path. */
        public PathCount {
            path = List.copyOf(path);
            Objects.requireNonNull(value, "value must not be null");
        }
    }

    /** Collects paths; repeats of a path add up. Not thread-safe. */
    public static final class Builder {
        private final Channels channels = new Channels();
        private final IntSequenceTable paths = new IntSequenceTable(1024);
        private long[] conversions = new long[1024];
        private long[] nulls = new long[1024];
        private final DecimalSums value = new DecimalSums(1024);
        private final DecimalSums totalValue = new DecimalSums(1);
        private long totalConversions;
        private long totalNulls;
        private int[] scratch = new int[16];
        private boolean built;

        private Builder() {}

        /**
         * Adds a path (consecutive repeats are collapsed) with its counts and value.
         *
         * @param path channels in order; at least one, none blank
         * @param conversions not negative
         * @param nulls not negative
         * @param value not negative
         * @throws NullPointerException if the path, a channel or the value is null
         * @throws IllegalArgumentException if the path is empty, a channel blank, or a count or value
         *     negative
         * @throws ArithmeticException if a count overflows a {@code long}
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public Builder add(List<String> path, long conversions, long nulls, BigDecimal value) {
            Objects.requireNonNull(path, "path must not be null");
            if (path.isEmpty()) {
                throw new IllegalArgumentException("path must have at least one channel");
            }
            int[] ids = new int[path.size()];
            for (int k = 0; k < ids.length; k++) {
                String channel = Objects.requireNonNull(path.get(k), "channel must not be null");
                if (channel.isBlank()) {
                    throw new IllegalArgumentException("channel must not be blank: '" + channel + "'");
                }
            }
            for (int k = 0; k < ids.length; k++) {
                ids[k] = channels.id(path.get(k));
            }
            return addIds(ids, ids.length, conversions, nulls, value);
        }

        /** The statistics; the builder cannot be used afterwards. */
        public PathStatistics build() {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            built = true;
            return new PathStatistics(this);
        }

        void addAll(PathStatistics s) {
            int[] id = new int[s.channels.size()];
            for (int c = 0; c < id.length; c++) {
                id[c] = channels.id(s.channels.get(c));
            }
            int[] pool = s.paths.pool();
            int[] ids = new int[16];
            for (int i = 0; i < s.paths.size(); i++) {
                int len = s.paths.length(i);
                if (ids.length < len) {
                    ids = new int[Math.max(len, ids.length * 2)];
                }
                for (int k = 0; k < len; k++) {
                    ids[k] = id[pool[s.paths.start(i) + k]];
                }
                int j = addPath(ids, len, s.conversions[i], s.nulls[i]);
                value.addAll(j, s.value, i);
                totalValue.addAll(0, s.value, i);
            }
        }

        /** Adds {@code ids[0..len)} (this builder's channel ids), collapsing repeats. */
        Builder addIds(int[] ids, int len, long conversions, long nulls, BigDecimal value) {
            Objects.requireNonNull(value, "value must not be null");
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            if (conversions < 0) {
                throw new IllegalArgumentException("conversions must not be negative: " + conversions);
            }
            if (nulls < 0) {
                throw new IllegalArgumentException("nulls must not be negative: " + nulls);
            }
            if (value.signum() < 0) {
                throw new IllegalArgumentException("value must not be negative: " + value.toPlainString());
            }
            int i = addPath(ids, len, conversions, nulls);
            this.value.add(i, value);
            totalValue.add(0, value);
            return this;
        }

        /** As {@link #addIds(int[], int, long, long, BigDecimal)}, the value {@code units * 10^-scale}. */
        Builder addIds(int[] ids, int len, long conversions, long nulls, long units, int scale) {
            if (units < 0) {
                return addIds(ids, len, conversions, nulls, BigDecimal.valueOf(units, scale)); // rejects it
            }
            if (conversions < 0 || nulls < 0) {
                return addIds(ids, len, conversions, nulls, BigDecimal.ZERO); // rejects them
            }
            int i = addPath(ids, len, conversions, nulls);
            value.add(i, units, scale);
            totalValue.add(0, units, scale);
            return this;
        }

        /**
         * Adds {@code ids[0..len)} collapsed, with its counts (not negative), and returns the path's
         * number; the caller adds its value.
         */
        private int addPath(int[] ids, int len, long conversions, long nulls) {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            if (scratch.length < len) {
                scratch = new int[Math.max(len, scratch.length * 2)];
            }
            int n = 0;
            for (int k = 0; k < len; k++) {
                if (n == 0 || scratch[n - 1] != ids[k]) {
                    scratch[n++] = ids[k];
                }
            }
            int before = paths.size();
            int i = paths.add(scratch, 0, n);
            if (i == before && i == this.conversions.length) {
                this.conversions = Arrays.copyOf(this.conversions, i * 2);
                this.nulls = Arrays.copyOf(this.nulls, i * 2);
                value.ensureSize(i * 2);
            }
            this.conversions[i] = Math.addExact(this.conversions[i], conversions);
            this.nulls[i] = Math.addExact(this.nulls[i], nulls);
            totalConversions = Math.addExact(totalConversions, conversions);
            totalNulls = Math.addExact(totalNulls, nulls);
            return i;
        }
    }
}
