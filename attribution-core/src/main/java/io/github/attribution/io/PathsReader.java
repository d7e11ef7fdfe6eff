package io.github.attribution.io;

import io.github.attribution.datadriven.PathSet;
import io.github.attribution.internal.Numbers;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a path file (docs/data.md, "Path files"): one row per path or per aggregated path,
 * with the path ({@code A > B > C}), its conversions and optionally its nulls and value, in columns the
 * caller names. Counts are whole numbers (a decimal with only zeros after the point is accepted, as
 * other tools write {@code 3.0}); values are non-negative decimals below 10^30 with at most 30 digits
 * after the point (an exponent is fine within those bounds: {@code 1e20000000} is refused as it is
 * read, instead of slowing every sum). The totals of conversions and of nulls over the file must fit a
 * {@code long}. Errors ({@link DataFileException}) name the file, line, column and value. Not
 * thread-safe.
 */
public final class PathsReader {
    /** Values are below 10 to this power: far beyond any money, small enough for exact sums. */
    static final int MAX_WHOLE_DIGITS = 30;

    /** The most digits a value (or a count written as a decimal) may have after the point. */
    static final int MAX_SCALE = 30;

    private final String pathColumn;
    private final String conversionsColumn;
    private final String nullsColumn;
    private final String valueColumn;
    private final String separator;

    /**
     * @param pathColumn the column holding the path
     * @param conversionsColumn the column holding conversion counts
     * @param nullsColumn the column holding null counts, or {@code null} when there is none (0 nulls)
     * @param valueColumn the column holding conversion value, or {@code null} (value 0)
     * @param separator what separates channels in a path; spaces around channels are trimmed
     */
    public PathsReader(
            String pathColumn, String conversionsColumn, String nullsColumn, String valueColumn, String separator) {
        this.pathColumn = Objects.requireNonNull(pathColumn, "pathColumn must not be null");
        this.conversionsColumn = Objects.requireNonNull(conversionsColumn, "conversionsColumn must not be null");
        this.nullsColumn = nullsColumn;
        this.valueColumn = valueColumn;
        this.separator = Objects.requireNonNull(separator, "separator must not be null");
        if (separator.isEmpty()) {
            throw new IllegalArgumentException("separator must not be empty");
        }
    }

    /**
     * Reads {@code file}. Most files are read straight from their bytes, without objects per row; a
     * file with anything that route does not take (quoted fields, numbers in other forms, errors) is
     * read by {@link #read(CsvReader)}, with the same result or error either way.
     */
    public PathSet read(Path file) throws IOException {
        if (PathFileScanner.supports(separator)) {
            PathSet fast =
                    new PathFileScanner(pathColumn, conversionsColumn, nullsColumn, valueColumn, separator).read(file);
            if (fast != null) {
                return fast;
            }
        }
        return readGeneral(file);
    }

    /** Reads {@code file} by the general route: {@link CsvReader}, then {@link #read(CsvReader)}. */
    PathSet readGeneral(Path file) throws IOException {
        try (CsvReader csv = CsvReader.open(file)) {
            return read(csv);
        }
    }

    /** Reads every record of {@code csv}. */
    public PathSet read(CsvReader csv) {
        int path = csv.requireColumn(pathColumn);
        int conversions = csv.requireColumn(conversionsColumn);
        int nulls = nullsColumn == null ? -1 : csv.requireColumn(nullsColumn);
        int value = valueColumn == null ? -1 : csv.requireColumn(valueColumn);
        PathSet.Builder builder = PathSet.builder();
        List<String> channels = new ArrayList<>();
        long totalConversions = 0;
        long totalNulls = 0;
        while (csv.next()) {
            channels.clear();
            String text = csv.get(path);
            int from = 0;
            while (true) {
                int at = text.indexOf(separator, from);
                String channel = (at < 0 ? text.substring(from) : text.substring(from, at)).trim();
                if (channel.isEmpty()) {
                    throw error(csv, path, text, "a path of non-empty channels separated by '" + separator + "'");
                }
                channels.add(channel);
                if (at < 0) {
                    break;
                }
                from = at + separator.length();
            }
            long c = count(csv, conversions);
            long n = nulls < 0 ? 0 : count(csv, nulls);
            BigDecimal v = value < 0 ? BigDecimal.ZERO : decimal(csv, value);
            // the builder keeps these totals too and throws ArithmeticException; here it is the row's error
            totalConversions = addToTotal(csv, conversions, totalConversions, c);
            totalNulls = nulls < 0 ? 0 : addToTotal(csv, nulls, totalNulls, n);
            builder.add(channels, c, n, v);
        }
        return builder.build();
    }

    private static long count(CsvReader csv, int column) {
        String text = csv.get(column).trim();
        long plain = plainDigits(text, 0, text.length());
        if (plain >= 0) {
            return plain;
        }
        try {
            BigDecimal d = new BigDecimal(text);
            if (d.signum() == 0) {
                return 0;
            }
            if (d.signum() > 0 && d.precision() - d.scale() > 19) { // past 10^19: no long, whatever the exponent
                throw error(csv, column, text, "a whole number of at least 0 and at most " + Long.MAX_VALUE);
            }
            if (d.signum() >= 0 && d.scale() <= MAX_SCALE) {
                return d.longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // reported below
        }
        throw error(csv, column, text, "a whole number of at least 0");
    }

    /** {@code total + count}, or the row's error when the file's total of {@code column} overflows a long. */
    private static long addToTotal(CsvReader csv, int column, long total, long count) {
        long sum = total + count;
        if (sum < 0) { // both are at least 0, so the sum overflowed
            String text = csv.get(column).trim();
            throw new DataFileException(
                    csv.file(),
                    csv.line(),
                    csv.columnName(column),
                    text,
                    "'" + text + "' makes the file's total of " + csv.columnName(column) + " exceed " + Long.MAX_VALUE);
        }
        return sum;
    }

    private static BigDecimal decimal(CsvReader csv, int column) {
        String text = csv.get(column).trim();
        if (text.isEmpty()) {
            return BigDecimal.ZERO;
        }
        // fast path for the usual "123.45": digits, at most one point, no sign or exponent
        int point = text.indexOf('.');
        if (point < 0) {
            long whole = plainDigits(text, 0, text.length());
            if (whole >= 0) {
                return BigDecimal.valueOf(whole);
            }
        } else if (point > 0 && point < text.length() - 1 && text.length() <= 18) {
            long whole = plainDigits(text, 0, point);
            long fraction = plainDigits(text, point + 1, text.length());
            if (whole >= 0 && fraction >= 0) {
                int scale = text.length() - point - 1;
                return BigDecimal.valueOf(whole * Numbers.powerOfTen(scale) + fraction, scale);
            }
        }
        try {
            BigDecimal d = new BigDecimal(text);
            if (d.signum() > 0 && (d.precision() - d.scale() > MAX_WHOLE_DIGITS || d.scale() > MAX_SCALE)) {
                // an exponent such as 1e20000000 would make every sum and share cost minutes
                throw error(
                        csv,
                        column,
                        text,
                        "a decimal number of at least 0 below 10^" + MAX_WHOLE_DIGITS + " with at most " + MAX_SCALE
                                + " digits after the point");
            }
            if (d.signum() >= 0) {
                return d.signum() == 0 ? BigDecimal.ZERO : d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(csv, column, text, "a decimal number of at least 0");
    }

    /** {@code text[from..to)} as a number when it is 1 to 18 plain digits, else -1. */
    private static long plainDigits(String text, int from, int to) {
        if (to <= from || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static DataFileException error(CsvReader csv, int column, String value, String expected) {
        return new DataFileException(
                csv.file(), csv.line(), csv.columnName(column), value, "'" + value + "' is not " + expected);
    }
}
