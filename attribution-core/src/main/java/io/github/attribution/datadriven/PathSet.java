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
    private final int rows;
    /** Every row's channel ids back to back: row {@code r} is entries {@code start[r] .. start[r + 1]}. */
    private final PackedColumn pool;

    private final int[] start;
    private final PackedColumn conversions;
    private final PackedColumn nulls;
    private final PackedColumn valueUnits;
    private final byte[] valueScale;
    /** Per row, the value when it does not fit {@code valueUnits}/{@code valueScale}; null when none. */
    private final BigDecimal[] bigValue;

    private final long totalConversions;
    private final long totalNulls;
    private final BigDecimal totalValue;

    private PathSet(Builder b) {
        int[] rank = new int[b.channels.size()];
        channels = Collections.unmodifiableList(Arrays.asList(b.channels.canonical(rank)));
        rows = b.rows;
        // the builder is spent: its arrays are taken over as they are (rows past `rows` unused)
        start = b.start;
        pool = b.pool;
        pool.remap(rank, start[rows]); // ids to positions in channels(): as many, so they fit as before
        conversions = b.conversions;
        nulls = b.nulls;
        valueUnits = b.valueUnits;
        valueScale = b.valueScale;
        bigValue = b.bigValue;
        totalConversions = b.totalConversions;
        totalNulls = b.totalNulls;
        totalValue = b.totalValue.sum(0);
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of rows. */
    public int size() {
        return rows;
    }

    /** Every channel named in any row, sorted by name ({@code String.compareTo}). */
    public List<String> channels() {
        return channels;
    }

    /** The path of row {@code row} as given, repeats kept. */
    public List<String> path(int row) {
        Objects.checkIndex(row, rows);
        List<String> path = new ArrayList<>(length(row));
        for (int i = start[row]; i < start[row + 1]; i++) {
            path.add(channels.get((int) pool.get(i)));
        }
        return Collections.unmodifiableList(path);
    }

    /** The conversions of row {@code row}. */
    public long conversions(int row) {
        Objects.checkIndex(row, rows);
        return conversions.get(row);
    }

    /** The nulls (non-conversions) of row {@code row}. */
    public long nulls(int row) {
        Objects.checkIndex(row, rows);
        return nulls.get(row);
    }

    /**
     * The value of row {@code row} as it was added, scale included ({@code 0} when none was given).
     * Made on each call: models read values through the package's {@link DecimalSums} instead.
     */
    public BigDecimal value(int row) {
        Objects.checkIndex(row, rows);
        BigDecimal big = bigValue(row);
        return big != null ? big : BigDecimal.valueOf(valueUnits.get(row), valueScale[row]);
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

    /** The channel id of entry {@code k} of the rows' paths, back to back (see {@link #start}). */
    int channelAt(int k) {
        return (int) pool.get(k);
    }

    /** Copies the path of row {@code row} into {@code into} from 0, growing it when short; the array. */
    int[] copyPath(int row, int[] into) {
        int from = start[row];
        int n = start[row + 1] - from;
        int[] out = into.length >= n ? into : new int[Math.max(n, into.length * 2)];
        for (int k = 0; k < n; k++) {
            out[k] = (int) pool.get(from + k);
        }
        return out;
    }

    /** Row {@code row}'s value in units of {@code 10^-valueScale(row)}, unless {@link #bigValue} has it. */
    long valueUnits(int row) {
        return valueUnits.get(row);
    }

    /** The scale of {@link #valueUnits}, 0 to {@value DecimalSums#MAX_SCALE}. */
    int valueScale(int row) {
        return valueScale[row];
    }

    /** Row {@code row}'s value when it does not fit a {@code long} at a scale of 0 to 18, else null. */
    BigDecimal bigValue(int row) {
        return bigValue == null ? null : bigValue[row];
    }

    @Override
    public String toString() {
        return "PathSet[" + size() + " rows, " + channels.size() + " channels]";
    }

    /**
     * Collects rows. Not thread-safe.
     *
     * <p>Rows are added either by channel name ({@link #add(List, long, long, BigDecimal)}) or, for
     * readers that avoid an object per row, by channel id ({@link #channel(String)}, then {@link
     * #add(int[], int, long, long, long, int)}); both kinds may be mixed.
     */
    public static final class Builder {
        private final Channels channels = new Channels();
        private final PackedColumn pool = new PackedColumn(256);
        private int[] start = new int[65];
        private final PackedColumn conversions = new PackedColumn(64);
        private final PackedColumn nulls = new PackedColumn(64);
        private final PackedColumn valueUnits = new PackedColumn(64);
        private byte[] valueScale = new byte[64];
        private BigDecimal[] bigValue;
        private int rows;
        private long totalConversions;
        private long totalNulls;
        private final DecimalSums totalValue = new DecimalSums(1);
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
            checkOpen();
            if (path.isEmpty()) {
                throw new IllegalArgumentException("path must have at least one channel (row " + (rows + 1) + ")");
            }
            checkCounts(conversions, nulls);
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
            ensurePool(at + path.size());
            for (String channel : path) {
                pool.set(at++, channels.id(channel));
            }
            if (value.scale() >= 0 && value.scale() <= DecimalSums.MAX_SCALE && value.precision() <= 18) {
                append(at, conversions, nulls, value.unscaledValue().longValue(), value.scale());
            } else {
                append(at, conversions, nulls, 0, 0);
                if (bigValue == null) {
                    bigValue = new BigDecimal[this.conversions.capacity()];
                }
                bigValue[rows - 1] = value;
                totalValue.add(0, value);
            }
            return this;
        }

        /**
         * The id of the channel {@code name} for {@link #add(int[], int, long, long, long, int)},
         * registering the channel when it is new. Ids are this builder's own, numbered from 0 in the
         * order channels were first seen; the built set renumbers them by name.
         *
         * @throws NullPointerException if {@code name} is null
         * @throws IllegalArgumentException if {@code name} is blank
         */
        public int channel(String name) {
            Objects.requireNonNull(name, "channel must not be null");
            checkOpen();
            return channels.id(name);
        }

        /**
         * Adds a row by channel ids, its value given as {@code valueUnits * 10^-valueScale}: the same
         * row as {@code add(path, conversions, nulls, BigDecimal.valueOf(valueUnits, valueScale))},
         * without an object per row.
         *
         * @param channelIds ids from {@link #channel(String)}, in path order; the first {@code length}
         *     are used (the array is copied, not kept)
         * @param length the number of touches, at least 1
         * @param conversions not negative
         * @param nulls not negative
         * @param valueUnits the value in units of {@code 10^-valueScale}, not negative
         * @param valueScale digits after the point, 0 to 18
         * @throws IllegalArgumentException if the length is not from 1 to {@code channelIds.length}, an
         *     id was not given by {@link #channel(String)}, a count or the value is negative, or the
         *     scale is out of range
         * @throws ArithmeticException if a total overflows a {@code long}
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public Builder add(
                int[] channelIds, int length, long conversions, long nulls, long valueUnits, int valueScale) {
            Objects.requireNonNull(channelIds, "channelIds must not be null");
            checkOpen();
            if (length < 1 || length > channelIds.length) {
                throw new IllegalArgumentException(
                        "length must be from 1 to " + channelIds.length + ": " + length + " (row " + (rows + 1) + ")");
            }
            checkCounts(conversions, nulls);
            if (valueUnits < 0) {
                throw new IllegalArgumentException("value must not be negative: " + valueUnits);
            }
            if (valueScale < 0 || valueScale > DecimalSums.MAX_SCALE) {
                throw new IllegalArgumentException(
                        "valueScale must be from 0 to " + DecimalSums.MAX_SCALE + ": " + valueScale);
            }
            int known = channels.size();
            for (int k = 0; k < length; k++) {
                if (channelIds[k] < 0 || channelIds[k] >= known) {
                    throw new IllegalArgumentException(
                            "unknown channel id " + channelIds[k] + " (row " + (rows + 1) + ")");
                }
            }
            int at = start[rows];
            ensurePool(at + length);
            for (int k = 0; k < length; k++) {
                pool.set(at + k, channelIds[k]);
            }
            append(at + length, conversions, nulls, valueUnits, valueScale);
            return this;
        }

        /**
         * Makes room for {@code rows} rows of {@code touches} touches in all without growing again: a
         * hint from readers that can estimate the size of their input; it changes no result.
         *
         * @throws IllegalArgumentException if a number is negative
         */
        public Builder ensureCapacity(int rows, int touches) {
            if (rows < 0 || touches < 0) {
                throw new IllegalArgumentException("rows and touches must not be negative: " + rows + ", " + touches);
            }
            checkOpen();
            if (touches > pool.capacity()) {
                pool.resize(touches);
            }
            if (rows > conversions.capacity()) {
                resize(rows);
            }
            return this;
        }

        /** The path set; the builder cannot be used afterwards. */
        public PathSet build() {
            checkOpen();
            built = true;
            return new PathSet(this);
        }

        private void checkOpen() {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
        }

        private static void checkCounts(long conversions, long nulls) {
            if (conversions < 0) {
                throw new IllegalArgumentException("conversions must not be negative: " + conversions);
            }
            if (nulls < 0) {
                throw new IllegalArgumentException("nulls must not be negative: " + nulls);
            }
        }

        private void ensurePool(int size) {
            if (size > pool.capacity()) {
                pool.resize(Math.max(pool.capacity() * 2, size));
            }
        }

        private void resize(int n) {
            conversions.resize(n);
            nulls.resize(n);
            valueUnits.resize(n);
            valueScale = Arrays.copyOf(valueScale, n);
            if (bigValue != null) {
                bigValue = Arrays.copyOf(bigValue, n);
            }
            start = Arrays.copyOf(start, n + 1);
        }

        /** Ends the row whose path fills the pool up to {@code end}. */
        private void append(int end, long conversions, long nulls, long valueUnits, int valueScale) {
            totalConversions = Math.addExact(totalConversions, conversions);
            totalNulls = Math.addExact(totalNulls, nulls);
            if (rows == this.conversions.capacity()) {
                resize(rows * 2);
            }
            this.conversions.set(rows, conversions);
            this.nulls.set(rows, nulls);
            this.valueUnits.set(rows, valueUnits);
            this.valueScale[rows] = (byte) valueScale;
            totalValue.add(0, valueUnits, valueScale);
            start[++rows] = end;
        }
    }
}
