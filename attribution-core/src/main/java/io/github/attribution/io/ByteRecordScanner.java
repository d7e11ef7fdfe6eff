package io.github.attribution.io;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.slf4j.LoggerFactory;

/**
 * What the fast byte routes ({@link PathFileScanner}, {@link TouchpointFileScanner}) share: the file
 * read in large chunks into {@link #buf} (the first bytes in small pieces), the header line judged by
 * {@link CsvReader}, the fields of the current record, strict UTF-8 decoding and the reason for giving
 * up. The record scan itself stays in each subclass. Not thread-safe; one instance reads one file.
 */
abstract class ByteRecordScanner {
    static final int CHUNK = 1 << 20;
    /**
     * The first {@link #SMALL_READS} bytes are read in small pieces, so that the end of a buffer is met
     * often while the scan is still being profiled: the compiled scan then keeps that path instead of
     * trapping on it (and running slowly until it is compiled again).
     */
    static final int SMALL_READ = 1 << 14;

    static final int SMALL_READS = 1 << 19;

    /** What a record scan found. */
    static final int RECORD = 0;

    static final int END = 1;
    static final int MORE = 2;
    static final int UNSUPPORTED = 3;

    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    FileChannel in;
    byte[] buf = new byte[CHUNK];
    int pos;
    int limit;
    boolean eof;
    /** Bytes of the file before {@code buf[0]}. */
    long discarded;
    /** The physical line of the record being read (for the debug message when giving up). */
    long line = 1;

    /** The number of columns of the header. */
    int columns;

    // the current record: field i is buf[from[i] .. to[i]), wide[i] when it has a byte >= 0x80
    int fields;
    int[] from;
    int[] to;
    boolean[] wide;

    /** Why the route gives up on the file. */
    String unsupported;

    /** Sets {@link #unsupported} to {@code why}; false. */
    final boolean unsupported(String why) {
        unsupported = why;
        return false;
    }

    /**
     * Logs at debug level, for {@code owner}, that the {@code kind} file is read again by the general
     * route and why (the logger only now: reading a plain file does not start logging).
     */
    final void logGiveUp(Class<?> owner, String kind) {
        LoggerFactory.getLogger(owner)
                .debug("{} file line {}: {}; reading it again by the general CSV route", kind, line, unsupported);
    }

    // ---- the buffer

    /** Keeps {@code buf[pos .. limit)}, moved to the start, and reads more after it. */
    final void refill() throws IOException {
        int keep = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, keep);
        } else if (keep == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // a record longer than the buffer
        }
        discarded += pos;
        pos = 0;
        limit = keep;
        int room = buf.length - limit;
        int n = in.read(
                ByteBuffer.wrap(buf, limit, discarded + limit < SMALL_READS ? Math.min(room, SMALL_READ) : room));
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    // ---- the header

    /**
     * Reads the header line of {@code file} (its name, for messages) and finds the columns through
     * {@link #columns(CsvReader)}; false when the general route must judge it. On success {@link
     * #pos} is at the first record and {@link #from}, {@link #to} and {@link #wide} have room for
     * {@link #columns} fields.
     */
    final boolean header(String file) throws IOException {
        int p = 0;
        while (true) {
            while (p < limit && buf[p] != '\n') {
                p++;
            }
            if (p < limit || (eof && limit > 0)) {
                break; // at the line end, or at the end of a file of only a header
            }
            if (eof) {
                return unsupported("an empty file");
            }
            refill();
        }
        int end = p < limit && p > 0 && buf[p - 1] == '\r' ? p - 1 : p;
        for (int i = 0; i < end; i++) {
            if (buf[i] == '"' || buf[i] == '\r') {
                return unsupported("a quote or a bare CR in the header");
            }
        }
        String text = decode(0, end);
        if (text == null) {
            return unsupported("the header is not valid UTF-8");
        }
        try {
            // the general reader judges the header (BOM, names, repeats) exactly as in the general route
            CsvReader csv = new CsvReader(new StringReader(text + "\n"), file);
            columns = csv.header().size();
            columns(csv);
        } catch (DataFileException e) {
            return unsupported("the header: " + e.getMessage());
        }
        from = new int[columns];
        to = new int[columns];
        wide = new boolean[columns];
        pos = Math.min(p + 1, limit);
        line = 2;
        return true;
    }

    /**
     * Finds the subclass's columns in the header {@code csv} ({@link #columns} is set) and makes its
     * per-column state; throws as {@link CsvReader#requireColumn} does when a column is missing.
     */
    abstract void columns(CsvReader csv);

    /** {@code buf[a .. z)} decoded as strict UTF-8, or null when it is not valid UTF-8. */
    final String decode(int a, int z) {
        final byte[] b = buf;
        int i = a;
        while (i < z && b[i] >= 0) {
            i++;
        }
        if (i == z) { // ASCII, the usual case: its UTF-8 is its Latin-1, which makes a string by copying
            return new String(b, a, z - a, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(buf, a, z - a));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
