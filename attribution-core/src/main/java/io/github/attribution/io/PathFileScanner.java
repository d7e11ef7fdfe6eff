package io.github.attribution.io;

import static io.github.attribution.io.ByteClasses.CLASS;
import static io.github.attribution.io.ByteClasses.COMMA;
import static io.github.attribution.io.ByteClasses.CR;
import static io.github.attribution.io.ByteClasses.LF;
import static io.github.attribution.io.ByteClasses.LONGS;
import static io.github.attribution.io.ByteClasses.ONES;
import static io.github.attribution.io.ByteClasses.WIDE;
import static io.github.attribution.io.ByteClasses.zeroByte;

import io.github.attribution.datadriven.PathSet;
import io.github.attribution.internal.Numbers;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The fast route of {@link PathsReader}: reads a path file's bytes in large chunks and finds records,
 * fields and channels in them directly, numbering each channel by its bytes (its {@code String} is
 * made once), so a row costs no objects.
 *
 * <p>It takes only what it handles exactly as the general route ({@link CsvReader} and {@link
 * PathsReader#read(CsvReader)}) does: unquoted fields, LF or CRLF line ends, empty lines, counts of
 * plain digits, values of plain digits with at most one point, valid UTF-8. On anything else (a quote,
 * a bare CR, a number in another form, an empty channel, a record with the wrong number of fields,
 * invalid UTF-8, a header it cannot take, a total that overflows) {@link #read} returns {@code null},
 * and the caller reads the file again from the start by the general route, which gives the same result
 * or error as it always has. Not thread-safe; one instance reads one file.
 */
final class PathFileScanner extends ByteRecordScanner {
    /** The path set is sized once this much of the data has been read. */
    private static final int SAMPLE = 1 << 20;

    /** The byte class, added to {@link ByteClasses#CLASS}, of a single-byte separator. */
    private static final byte SEPARATOR = 6;

    private final String pathColumn;
    private final String conversionsColumn;
    private final String nullsColumn;
    private final String valueColumn;
    private final byte[] separator;
    /** {@link ByteClasses#CLASS}, with the separator's byte as {@link #SEPARATOR} when it is a single ordinary byte. */
    private final byte[] classes = CLASS.clone();
    /** Whether the record scan finds the separators ({@link #SEPARATOR} is in use). */
    private final boolean singleByteSeparator;
    /** The separator's byte in every byte of a word (a comma's when the separator is longer). */
    private final long separatorWord;

    private int pathAt;
    private int conversionsAt;
    private int nullsAt = -1;
    private int valueAt = -1;

    /** With a single-byte separator: where it occurs in the path field, {@code separators} times. */
    private int[] separatorAt = new int[64];

    private int separators;

    private final ByteTable table = new ByteTable();
    private final PathSet.Builder builder = PathSet.builder();
    private int[] ids = new int[64];
    private long valueUnits;
    private int valueScale;
    /** Rows and touches added so far. */
    private int rows;

    private long touches;

    /** The columns and separator as for {@link PathsReader}; the separator must be valid UTF-16. */
    PathFileScanner(
            String pathColumn, String conversionsColumn, String nullsColumn, String valueColumn, String separator) {
        this.pathColumn = pathColumn;
        this.conversionsColumn = conversionsColumn;
        this.nullsColumn = nullsColumn;
        this.valueColumn = valueColumn;
        this.separator = separator.getBytes(StandardCharsets.UTF_8);
        singleByteSeparator = this.separator.length == 1 && CLASS[this.separator[0] & 0xFF] == 0;
        if (singleByteSeparator) {
            classes[this.separator[0]] = SEPARATOR;
        }
        separatorWord = ONES * (singleByteSeparator ? this.separator[0] : ',');
    }

    /** Whether this route can split on {@code separator}: it can when the separator encodes to UTF-8. */
    static boolean supports(String separator) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(separator);
    }

    /**
     * The rows of {@code file}, or {@code null} when the file has something this route does not take
     * (then nothing is known about the file: read it by the general route).
     */
    PathSet read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            in = channel;
            if (!header(file.getFileName().toString())) {
                return giveUp();
            }
            long dataStart = pos;
            boolean sized = false;
            while (true) {
                int found = scan();
                if (found == MORE) {
                    long read = discarded + pos - dataStart;
                    if (!sized && read >= SAMPLE) {
                        sized = true;
                        ensureCapacity(read, channel.size() - dataStart);
                    }
                    refill();
                } else if (found == END) {
                    return builder.build();
                } else if (found == UNSUPPORTED || !row()) {
                    return giveUp();
                }
            }
        } catch (IOException e) {
            unsupported = "cannot read the file this way: " + e;
            return giveUp();
        } catch (ArithmeticException e) {
            unsupported = "a total overflows"; // the general route reports it
            return giveUp();
        }
    }

    /**
     * Sizes the path set for the whole file from the first {@code bytesRead} bytes of its {@code
     * dataBytes} (after the header), so that its arrays do not grow by doubling.
     */
    private void ensureCapacity(long bytesRead, long dataBytes) {
        if (bytesRead <= 0 || rows == 0) {
            return;
        }
        double scale = 1.03 * dataBytes / bytesRead; // a little margin for rows that vary in length
        long expectedRows = (long) (rows * scale) + 1024;
        long expectedTouches = (long) (touches * scale) + 4096;
        if (expectedTouches < Integer.MAX_VALUE - 8) {
            builder.ensureCapacity((int) expectedRows, (int) expectedTouches);
        }
    }

    private PathSet giveUp() {
        logGiveUp(PathFileScanner.class, "path");
        return null;
    }

    // ---- the header

    @Override
    void columns(CsvReader csv) {
        pathAt = csv.requireColumn(pathColumn);
        conversionsAt = csv.requireColumn(conversionsColumn);
        nullsAt = nullsColumn == null ? -1 : csv.requireColumn(nullsColumn);
        valueAt = valueColumn == null ? -1 : csv.requireColumn(valueColumn);
    }

    // ---- records

    /**
     * Finds the fields of the record at {@code pos}: {@link #RECORD} (then {@code pos} is past it),
     * {@link #MORE} when the buffer ends inside it, {@link #END} at the end of the file, or {@link
     * #UNSUPPORTED}.
     */
    private int scan() {
        final byte[] b = buf;
        final byte[] classOf = classes;
        final int lim = limit;
        int p = pos;
        int start = p;
        int n = 0;
        boolean w = false;
        separators = 0;
        while (p < lim) {
            if (p <= lim - 8) {
                // eight bytes at a time up to the next byte of interest
                long special = special((long) LONGS.get(b, p));
                if (special == 0) {
                    p += 8;
                    continue;
                }
                p += Long.numberOfTrailingZeros(special) >>> 3;
            }
            byte c = classOf[b[p] & 0xFF];
            if (c == 0) {
                p++;
                continue;
            }
            if (c == SEPARATOR) {
                if (n == pathAt) {
                    if (separators == separatorAt.length) {
                        separatorAt = Arrays.copyOf(separatorAt, separators * 2);
                    }
                    separatorAt[separators++] = p;
                }
                p++;
            } else if (c == WIDE) {
                w = true;
                p++;
            } else if (c == COMMA) {
                if (n == columns) {
                    unsupported = "a record with more fields than the header";
                    return UNSUPPORTED;
                }
                field(n++, start, p, w);
                w = false;
                start = ++p;
            } else if (c == LF) {
                int end = p > start && b[p - 1] == '\r' ? p - 1 : p;
                return endRecord(n, start, end, w, p + 1);
            } else if (c == CR) {
                if (p + 1 < lim) {
                    if (b[p + 1] != '\n') {
                        unsupported = "a CR not followed by LF";
                        return UNSUPPORTED;
                    }
                    p++; // the LF ends the record
                } else if (eof) {
                    unsupported = "a CR at the end of the file";
                    return UNSUPPORTED;
                } else {
                    return MORE;
                }
            } else {
                unsupported = "a quote";
                return UNSUPPORTED;
            }
        }
        if (!eof) {
            return MORE;
        }
        if (p == pos) {
            return END;
        }
        return endRecord(n, start, p, w, p); // the last line, without a line end
    }

    /**
     * In the 8 bytes of {@code word} (little-endian), a bit set in the first byte that is a comma, LF,
     * CR, quote, the separator or at least 0x80, and maybe in later ones; 0 when there is none.
     */
    private long special(long word) {
        return ByteClasses.special(word) | zeroByte(word ^ separatorWord);
    }

    private void field(int i, int start, int end, boolean w) {
        from[i] = start;
        to[i] = end;
        wide[i] = w;
    }

    private int endRecord(int n, int start, int end, boolean w, int next) {
        if (n == columns) {
            unsupported = "a record with more fields than the header";
            return UNSUPPORTED;
        }
        field(n++, start, end, w);
        fields = n;
        pos = next;
        return RECORD;
    }

    /** Adds the current record as a row (an empty line is skipped); false when unsupported. */
    private boolean row() {
        if (fields == 1 && from[0] == to[0]) {
            line++;
            return true; // an empty line
        }
        if (fields != columns) {
            return unsupported("a record with " + fields + " fields; the header has " + columns);
        }
        for (int i = 0; i < columns; i++) {
            if (wide[i] && i != pathAt && decode(from[i], to[i]) == null) {
                return unsupported("invalid UTF-8");
            }
        }
        int length = path(from[pathAt], to[pathAt]);
        if (length < 0) {
            return false;
        }
        long conversions = count(conversionsAt);
        long nulls = nullsAt < 0 ? 0 : count(nullsAt);
        if (conversions < 0 || nulls < 0) {
            return unsupported("a count that is not plain digits");
        }
        if (valueAt < 0) {
            valueUnits = 0;
            valueScale = 0;
        } else if (!value(from[valueAt], to[valueAt])) {
            return unsupported("a value that is not plain digits with at most one point");
        }
        builder.add(ids, length, conversions, nulls, valueUnits, valueScale);
        rows++;
        touches += length;
        line++;
        return true;
    }

    /**
     * Splits {@code buf[start .. end)} on the separator into {@link #ids}, each channel trimmed of
     * bytes up to 0x20 as {@code String.trim} does; the number of channels, or -1 when unsupported.
     */
    private int path(int start, int end) {
        final byte[] b = buf;
        int n = 0;
        int at = start;
        int next = 0;
        while (true) {
            int sep = !singleByteSeparator ? indexOfSeparator(at, end) : next < separators ? separatorAt[next++] : -1;
            int a = at;
            int z = sep < 0 ? end : sep;
            while (a < z && (b[a] & 0xFF) <= 0x20) {
                a++;
            }
            while (z > a && (b[z - 1] & 0xFF) <= 0x20) {
                z--;
            }
            if (a == z) {
                unsupported = "an empty channel";
                return -1;
            }
            int id = table.find(b, a, z);
            if (id < 0) {
                id = newChannel(a, z);
                if (id < 0) {
                    return -1;
                }
            }
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
            }
            ids[n++] = id;
            if (sep < 0) {
                return n;
            }
            at = sep + separator.length;
        }
    }

    private int indexOfSeparator(int start, int end) {
        final byte[] b = buf;
        final byte first = separator[0];
        int last = end - separator.length;
        for (int i = start; i <= last; i++) {
            if (b[i] == first && matchesSeparator(i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchesSeparator(int at) {
        for (int k = 1; k < separator.length; k++) {
            if (buf[at + k] != separator[k]) {
                return false;
            }
        }
        return true;
    }

    /** Registers the channel of bytes {@code buf[a .. z)}; its id, or -1 when unsupported. */
    private int newChannel(int a, int z) {
        String name = decode(a, z);
        if (name == null) {
            unsupported = "invalid UTF-8";
            return -1;
        }
        if (name.isBlank()) {
            unsupported = "a blank channel"; // only Unicode spaces; the path set rejects it
            return -1;
        }
        int id = builder.channel(name);
        table.put(buf, a, z, id);
        return id;
    }

    /**
     * The field of column {@code column} trimmed, as a whole number when it is 1 to 18 plain digits,
     * optionally followed by a point and only zeros ({@code 3.0}, as the general route also reads it);
     * else -1.
     */
    private long count(int column) {
        int a = from[column];
        int z = to[column];
        while (a < z && (buf[a] & 0xFF) <= 0x20) {
            a++;
        }
        while (z > a && (buf[z - 1] & 0xFF) <= 0x20) {
            z--;
        }
        for (int i = a; i < z; i++) {
            if (buf[i] == '.') {
                for (int k = i + 1; k < z; k++) {
                    if (buf[k] != '0') {
                        return -1;
                    }
                }
                return digits(a, i);
            }
        }
        return digits(a, z);
    }

    /**
     * Reads the value in {@code buf[a .. z)} into {@link #valueUnits} and {@link #valueScale} when it
     * is, trimmed, empty (0), 1 to 18 plain digits, or at most 18 characters of digits, a point and
     * digits (the forms the general route also reads without {@code BigDecimal}); else false.
     */
    private boolean value(int a, int z) {
        while (a < z && (buf[a] & 0xFF) <= 0x20) {
            a++;
        }
        while (z > a && (buf[z - 1] & 0xFF) <= 0x20) {
            z--;
        }
        int point = -1;
        for (int i = a; i < z; i++) {
            if (buf[i] == '.') {
                point = i;
                break;
            }
        }
        if (a == z) {
            valueUnits = 0;
            valueScale = 0;
            return true;
        }
        if (point < 0) {
            valueUnits = digits(a, z);
            valueScale = 0;
            return valueUnits >= 0;
        }
        if (point == a || point >= z - 1 || z - a > 18) {
            return false;
        }
        long whole = digits(a, point);
        long fraction = digits(point + 1, z);
        if (whole < 0 || fraction < 0) {
            return false;
        }
        valueScale = z - point - 1;
        valueUnits = whole * Numbers.powerOfTen(valueScale) + fraction;
        return true;
    }

    /** {@code buf[a .. z)} as a number when it is 1 to 18 plain digits, else -1. */
    private long digits(int a, int z) {
        if (z <= a || z - a > 18) {
            return -1;
        }
        long v = 0;
        for (int i = a; i < z; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
