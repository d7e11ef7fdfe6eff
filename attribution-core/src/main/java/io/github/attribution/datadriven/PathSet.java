package io.github.attribution.datadriven;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Path-level data, one row per path or aggregated path, as in a {@code paths.csv} file: the channel
 * path as given (repeats kept), its conversions, its nulls (non-conversions) and its value.
 *
 * <p>Rows keep their input order. Channels are numbered by name ({@link #channels()} is sorted), so
 * nothing computed from a path set depends on the order its rows were added in.
 *
 * <p>Immutable and thread-safe once built; build one with {@link #builder()}.
 */
public final class PathSet {
    private final List<String> channels;
    private final int[] pool;
    private final int[] start;
    private final long[] conversions;
    private final long[] nulls;
    private final BigDecimal[] value;
    private final long totalConversions;
    private final long totalNulls;
    private final BigDecimal totalValue;

    private PathSet(Builder b) {
        int[] rank = new int[b.channels.size()];
        channels = Collections.unmodifiableList(Arrays.asList(b.channels.canonical(rank)));
        int rows = b.rows;
        start = Arrays.copyOf(b.start, rows + 1);
        pool = new int[start[rows]];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = rank[b.pool[i]];
        }
        conversions = Arrays.copyOf(b.conversions, rows);
        nulls = Arrays.copyOf(b.nulls, rows);
        value = Arrays.copyOf(b.value, rows);
        totalConversions = b.totalConversions;
        totalNulls = b.totalNulls;
        totalValue = b.totalValue;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of rows. */
    public int size() {
        return conversions.length;
    }

    /** Every channel named in any row, sorted by name ({@code String.compareTo}). */
    public List<String> channels() {
        return channels;
    }

    /** The path of row {@code row} as given, repeats kept. */
    public List<String> path(int row) {
        List<String> path = new ArrayList<>(length(row));
        for (int i = start[row]; i < start[row + 1]; i++) {
            path.add(channels.get(pool[i]));
        }
        return Collections.unmodifiableList(path);
    }

    /** The conversions of row {@code row}. */
    public long conversions(int row) {
        return conversions[row];
    }

    /** The nulls (non-conversions) of row {@code row}. */
    public long nulls(int row) {
        return nulls[row];
    }

    /** The value of row {@code row} ({@code 0} when none was given). */
    public BigDecimal value(int row) {
        return value[row];
    }

    /** The sum of every row's conversions. */
    public long totalConversions() {
        return totalConversions;
    }

    /** The sum of every row's nulls. */
    public long totalNulls() {
        return totalNulls;
    }

    /** The sum of every row's value, exact. */
    public BigDecimal totalValue() {
        return totalValue;
    }

    // ---- for the package: channel ids are positions in channels()

    int length(int row) {
        return start[row + 1] - start[row];
    }

    int start(int row) {
        return start[row];
    }

    int[] pool() {
        return pool;
    }

    @Override
    public String toString() {
        return "PathSet[" + size() + " rows, " + channels.size() + " channels]";
    }

    /** Collects rows. Not thread-safe. */
    public static final class Builder {
        private final Channels channels = new Channels();
        private int[] pool = new int[256];
        private int[] start = new int[65];
        private long[] conversions = new long[64];
        private long[] nulls = new long[64];
        private BigDecimal[] value = new BigDecimal[64];
        private int rows;
        private long totalConversions;
        private long totalNulls;
        private BigDecimal totalValue = BigDecimal.ZERO;
        private boolean built;

        private Builder() {}

        /** Adds a row without value (value 0). */
        public Builder add(List<String> path, long conversions, long nulls) {
            return add(path, conversions, nulls, BigDecimal.ZERO);
        }

        /**
         * Adds a row.
         *
         * @param path the channels in order, repeats allowed; at least one, none blank
         * @param conversions not negative
         * @param nulls not negative
         * @param value not negative, exact ({@code BigDecimal.ZERO} when the data has none)
         * @throws NullPointerException if the path, a channel or the value is null
         * @throws IllegalArgumentException if the path is empty, a channel is blank, or a count or the
         *     value is negative
         * @throws ArithmeticException if a total overflows a {@code long}
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public Builder add(List<String> path, long conversions, long nulls, BigDecimal value) {
            Objects.requireNonNull(path, "path must not be null");
            Objects.requireNonNull(value, "value must not be null");
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            if (path.isEmpty()) {
                throw new IllegalArgumentException("path must have at least one channel (row " + (rows + 1) + ")");
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
            for (String channel : path) {
                if (channel == null) {
                    throw new NullPointerException("channel must not be null (row " + (rows + 1) + ")");
                }
                if (channel.isBlank()) {
                    throw new IllegalArgumentException(
                            "channel must not be blank: '" + channel + "' (row " + (rows + 1) + ")");
                }
            }
            int at = start[rows];
            if (at + path.size() > pool.length) {
                pool = Arrays.copyOf(pool, Math.max(pool.length * 2, at + path.size()));
            }
            for (String channel : path) {
                pool[at++] = channels.id(channel);
            }
            totalConversions = Math.addExact(totalConversions, conversions);
            totalNulls = Math.addExact(totalNulls, nulls);
            if (rows == this.conversions.length) {
                int n = rows * 2;
                this.conversions = Arrays.copyOf(this.conversions, n);
                this.nulls = Arrays.copyOf(this.nulls, n);
                this.value = Arrays.copyOf(this.value, n);
                start = Arrays.copyOf(start, n + 1);
            }
            this.conversions[rows] = conversions;
            this.nulls[rows] = nulls;
            this.value[rows] = value;
            if (value.signum() != 0) {
                totalValue = totalValue.add(value);
            }
            start[++rows] = at;
            return this;
        }

        /** The path set; the builder cannot be used afterwards. */
        public PathSet build() {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            built = true;
            return new PathSet(this);
        }
    }
}
