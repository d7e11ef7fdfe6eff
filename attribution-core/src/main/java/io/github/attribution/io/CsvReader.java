package io.github.attribution.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongConsumer;

/**
 * Reads an RFC 4180 CSV file one record at a time: a header row, then records whose fields may be
 * quoted ({@code "a ""quoted"", multi-line value"}). Lines end with LF, CRLF or CR. A leading UTF-8
 * byte-order mark is dropped; entirely empty lines are skipped.
 *
 * <pre>{@code
 * try (CsvReader csv = CsvReader.open(path)) {
 *     int amount = csv.requireColumn("amount");
 *     while (csv.next()) {
 *         String text = csv.get(amount); // csv.line() is the record's first physical line
 *     }
 * }
 * }</pre>
 *
 * <p>Streams: only the current record's fields (and, when reading a file with {@link #open}, a few
 * batches parsed ahead on a second thread) are held, so the memory needed does not grow with the file.
 * Not thread-safe: one caller thread reads a reader.
 */
public final class CsvReader implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final String file;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;

    /** The bytes of a field that is quoted or spans buffers; decoded once it ends. */
    private byte[] field = new byte[64];

    private int fieldLength;
    /** A field taken straight from the buffer by {@link #unquoted()}, or null. */
    private String direct;

    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    // the parser's state: the record being parsed (by the prefetch thread, when there is one)
    private String[] fields = new String[16];
    private int count;
    private long physicalLine = 1;
    private long recordLine;
    private long bufferStart; // bytes of input before buf[0]

    // the caller's state: the current record, as next() left it
    private String[] current = fields;
    private int currentCount;
    private long currentLine;
    private long currentEnd;

    /** Set when a thread parses ahead (see {@link #open}); null when parsing on the caller's thread. */
    private Prefetch prefetch;

    /** Told the bytes consumed so far, now and then ({@link #progress}); null for none. */
    private LongConsumer progress;

    /** Whether {@link #fill()} tells {@link #progress}: only without a prefetch thread (so on the caller's). */
    private boolean fillReports;

    private long records;

    private boolean broken;
    private final String[] header;
    private final String[] lowerHeader;

    /**
     * Reads the header of {@code in}, characters already decoded (they are parsed as their UTF-8).
     *
     * @param file the name used in error messages ({@code touchpoints.csv})
     * @throws DataFileException if the file is empty, the header has an empty or a repeated column, or
     *     the CSV is malformed
     */
    public CsvReader(Reader in, String file) {
        this(new Utf8Stream(Objects.requireNonNull(in, "in must not be null")), file);
    }

    /**
     * Reads the header of {@code in}, UTF-8 bytes (malformed bytes are an error naming their line).
     *
     * @param file the name used in error messages ({@code touchpoints.csv})
     * @throws DataFileException if the file is empty, the header has an empty or a repeated column, or
     *     the CSV is malformed
     */
    public CsvReader(InputStream in, String file) {
        this.in = Objects.requireNonNull(in, "in must not be null");
        this.file = Objects.requireNonNull(file, "file must not be null");
        skipByteOrderMark();
        if (!readRecord()) {
            throw new DataFileException(file, 1, "1", null, "the file is empty; a header row is required");
        }
        header = Arrays.copyOf(fields, count);
        lowerHeader = new String[count];
        Map<String, Integer> seen = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            String name = header[i].trim();
            if (name.isEmpty()) {
                throw new DataFileException(
                        file, 1, Integer.toString(i + 1), "", "header column " + (i + 1) + " has no name");
            }
            lowerHeader[i] = name.toLowerCase(Locale.ROOT);
            if (seen.putIfAbsent(lowerHeader[i], i) != null) {
                throw new DataFileException(
                        file, 1, header[i], header[i], "column '" + name + "' appears twice in the header");
            }
        }
    }

    /**
     * Drops a leading UTF-8 byte-order mark before parsing, so that a quoted first header field ({@code
     * \uFEFF"touchpoint_id",...}) is read like any other.
     */
    private void skipByteOrderMark() {
        while (fill() && limit - pos < 3 && !eof) {
            // a stream may hand over fewer than three bytes at first; buf keeps what it has so far
            if (!topUp()) {
                break;
            }
        }
        if (limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
    }

    /** Reads more bytes after those in the buffer (which holds fewer than 3); false at the end. */
    private boolean topUp() {
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                return false;
            }
            limit += n;
            return true;
        } catch (ReaderCodingException e) {
            throw new DataFileException(file, 1, "1", null, "the file is not valid UTF-8 (at or after this line)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens {@code path} as UTF-8 (malformed bytes are an error) and reads its header. The file's name
     * in messages is the path's last element.
     */
    public static CsvReader open(Path path) throws IOException {
        InputStream stream = Files.newInputStream(path);
        try {
            CsvReader csv = new CsvReader(stream, path.getFileName().toString());
            if (Runtime.getRuntime().availableProcessors() > 1) {
                csv.prefetch = csv.new Prefetch();
            }
            return csv;
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** A strict UTF-8 reader of {@code stream}: malformed input throws instead of being replaced. */
    public static Reader utf8(InputStream stream) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(stream, decoder);
    }

    /**
     * Tells {@code listener} the bytes of input consumed so far, on the caller's thread, once per batch
     * of records or buffer of input (never per record): for a progress display.
     */
    void progress(LongConsumer listener) {
        progress = listener;
        fillReports = listener != null && prefetch == null;
    }

    /** The file's name as used in messages. */
    public String file() {
        return file;
    }

    /** The header's column names as written. */
    public List<String> header() {
        return List.of(header);
    }

    /** The index of the column named {@code name} (case-insensitive, spaces around it ignored), or -1. */
    public int column(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lowerHeader.length; i++) {
            if (lowerHeader[i].equals(lower)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the required column {@code name}.
     *
     * @throws DataFileException naming the file and the missing column if the header lacks it
     */
    public int requireColumn(String name) {
        int c = column(name);
        if (c < 0) {
            String has = header.length <= 20
                    ? String.join(", ", header)
                    : String.join(", ", Arrays.asList(header).subList(0, 20)) + ", ... (" + header.length + " columns)";
            throw new DataFileException(
                    file, 1, name, null, "missing required column '" + name + "' (the header has: " + has + ")");
        }
        return c;
    }

    /**
     * Moves to the next record.
     *
     * @return false at the end of the file
     * @throws DataFileException if the record is malformed CSV or has a different number of fields
     *     than the header
     */
    public boolean next() {
        if (broken) {
            throw new IllegalStateException("this reader stopped at malformed CSV on line " + currentLine);
        }
        while (pull()) {
            if (currentCount == 1 && current[0].isEmpty()) {
                continue; // an empty line
            }
            records++;
            if (currentCount != header.length) {
                // the column where the record stops matching the header: the first missing, or the first extra
                String column =
                        currentCount < header.length ? columnName(currentCount) : Integer.toString(header.length + 1);
                throw new DataFileException(
                        file,
                        currentLine,
                        column,
                        null,
                        "the record has " + currentCount + " fields but the header has " + header.length);
            }
            return true;
        }
        return false;
    }

    /** Moves to the next raw record, parsed here or taken from the prefetch thread. */
    private boolean pull() {
        if (prefetch != null) {
            return prefetch.pull();
        }
        boolean more = readRecordOrBreak();
        current = fields;
        currentCount = count;
        currentLine = recordLine;
        currentEnd = bufferStart + pos;
        return more;
    }

    /** The field of column {@code column} of the current record; {@code ""} when the column is -1. */
    public String get(int column) {
        return column < 0 ? "" : current[column];
    }

    /** The number of fields of the current record. */
    public int size() {
        return currentCount;
    }

    /** The header's name of column {@code column}, as written. */
    public String columnName(int column) {
        return header[column].trim();
    }

    /** The physical line (1-based; the header is line 1) on which the current record starts. */
    public long line() {
        return currentLine;
    }

    /**
     * How many bytes of input the records so far took, up to the end of the current one (for progress
     * and for estimating how many records a file holds).
     */
    public long offset() {
        return currentEnd;
    }

    /** The number of records read so far, not counting the header and empty lines. */
    public long records() {
        return records;
    }

    /** The current record's fields, copied (for reject files; not for every row). */
    public List<String> record() {
        return new ArrayList<>(Arrays.asList(current).subList(0, currentCount));
    }

    @Override
    public void close() throws IOException {
        if (prefetch != null) {
            prefetch.stop();
        }
        in.close();
    }

    /**
     * Whether a syntax error (such as an unclosed quote) stopped this reader; after one, the rest of
     * the file cannot be read. A record with the wrong number of fields does not break the reader.
     */
    public boolean isBroken() {
        return broken;
    }

    /**
     * Parses ahead on a thread of its own, in batches of records, so that parsing and the caller's work
     * on each row (validation, dictionaries) run on two cores. Records, line numbers and errors reach
     * the caller in file order, exactly as without it; an error ends the batches where it occurred.
     */
    private final class Prefetch {
        private static final int RECORDS = 1024;

        private final BlockingQueue<Batch> ready = new ArrayBlockingQueue<>(8);
        private final Thread thread;
        private volatile boolean stopped;
        private Batch batch;
        private int next;

        Prefetch() {
            thread = new Thread(this::parse, "csv-" + file);
            thread.setDaemon(true);
            thread.start();
        }

        private void parse() {
            try {
                while (!stopped) {
                    Batch b = new Batch();
                    try {
                        while (b.size < RECORDS && readRecord()) {
                            String[] record = Arrays.copyOf(fields, count);
                            for (String f : record) {
                                f.hashCode(); // cached in the string: the caller's map lookups get it free
                            }
                            b.add(record, recordLine, bufferStart + pos);
                        }
                        b.end = b.size < RECORDS;
                    } catch (RuntimeException e) {
                        b.failure = e;
                        b.end = true;
                    }
                    ready.put(b);
                    if (b.end) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // stopped by close()
            }
        }

        boolean pull() {
            while (batch == null || next == batch.size) {
                if (batch != null && batch.end) {
                    if (batch.failure != null) {
                        broken = true;
                        RuntimeException failure = batch.failure;
                        batch.failure = null;
                        throw failure;
                    }
                    return false;
                }
                try {
                    batch = ready.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading " + file, e);
                }
                next = 0;
                if (progress != null && batch.size > 0) {
                    progress.accept(batch.ends[batch.size - 1]);
                }
            }
            current = batch.records[next];
            currentCount = current.length;
            currentLine = batch.lines[next];
            currentEnd = batch.ends[next];
            next++;
            return true;
        }

        void stop() {
            stopped = true;
            thread.interrupt();
        }
    }

    /** Parsed records handed from the prefetch thread to the caller. */
    private static final class Batch {
        final String[][] records = new String[Prefetch.RECORDS][];
        final long[] lines = new long[Prefetch.RECORDS];
        final long[] ends = new long[Prefetch.RECORDS];
        int size;
        boolean end;
        RuntimeException failure;

        void add(String[] record, long line, long end) {
            records[size] = record;
            lines[size] = line;
            ends[size++] = end;
        }
    }

    private boolean readRecordOrBreak() {
        try {
            return readRecord();
        } catch (RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    /** Parses the next record into {@code fields}; false at the end of input. */
    private boolean readRecord() {
        count = 0;
        if (!fill()) {
            return false;
        }
        recordLine = physicalLine;
        while (true) {
            fieldLength = 0;
            if (!fill()) { // end of input right after a comma
                add();
                return true;
            }
            if (buf[pos] == '"') {
                pos++;
                quoted();
            } else {
                unquoted();
            }
            add();
            if (!fill()) {
                return true;
            }
            byte c = buf[pos++];
            if (c == ',') {
                continue;
            }
            endOfLine(c);
            return true;
        }
    }

    /**
     * Scans a field up to a comma or line end. The usual case, a field within the buffer, becomes a
     * string in one copy (none when it repeats the previous record's field, as an account's rows do);
     * only fields with bytes beyond ASCII go through the UTF-8 decoder.
     */
    private void unquoted() {
        int start = pos;
        int high = 0;
        while (true) {
            while (pos < limit) {
                byte c = buf[pos];
                if (c == ',' || c == '\n' || c == '\r') {
                    if (fieldLength == 0) {
                        direct = high >= 0 ? ascii(start, pos - start) : decode(buf, start, pos - start);
                    } else {
                        append(start, pos - start);
                    }
                    return;
                }
                if (c == '"') {
                    throw new DataFileException(
                            file,
                            physicalLine,
                            parsingColumn(),
                            null,
                            "a quote inside an unquoted field; quote the whole field and double the quote (\"\")");
                }
                high |= c;
                pos++;
            }
            append(start, pos - start);
            if (!fill()) {
                return;
            }
            start = pos;
        }
    }

    /** The ASCII bytes {@code buf[start..start+length)} as a string: the previous record's when equal. */
    private String ascii(int start, int length) {
        String previous = count < fields.length ? fields[count] : null;
        if (previous != null && previous.length() == length) {
            int i = 0;
            while (i < length && previous.charAt(i) == buf[start + i]) {
                i++;
            }
            if (i == length) {
                return previous;
            }
        }
        return new String(buf, start, length, StandardCharsets.ISO_8859_1);
    }

    private String decode(byte[] bytes, int start, int length) {
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, start, length)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFileException(
                    file, physicalLine, parsingColumn(), null, "the file is not valid UTF-8 (at or after this line)");
        }
    }

    /**
     * The column of the field being parsed, for messages: its header name, or its number (1-based) in
     * the header itself and past the header's last column.
     */
    private String parsingColumn() {
        String[] h = header; // null while the header itself is parsed
        return h != null && count < h.length ? h[count].trim() : Integer.toString(count + 1);
    }

    private void append(int start, int length) {
        if (fieldLength + length > field.length) {
            field = Arrays.copyOf(field, Math.max(field.length * 2, fieldLength + length));
        }
        System.arraycopy(buf, start, field, fieldLength, length);
        fieldLength += length;
    }

    private void append(byte b) {
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[fieldLength++] = b;
    }

    private void quoted() {
        long opened = physicalLine;
        while (true) {
            if (!fill()) {
                throw new DataFileException(
                        file, opened, parsingColumn(), null, "a quoted field opened on this line is never closed");
            }
            byte c = buf[pos++];
            if (c == '"') {
                if (fill() && buf[pos] == '"') {
                    append((byte) '"');
                    pos++;
                    continue;
                }
                if (fill() && buf[pos] != ',' && buf[pos] != '\n' && buf[pos] != '\r') {
                    throw new DataFileException(
                            file,
                            physicalLine,
                            parsingColumn(),
                            null,
                            "unexpected '" + characterAt(pos)
                                    + "' after a closing quote; expected a comma or the end of the line");
                }
                return;
            }
            if (c == '\n') {
                physicalLine++;
            } else if (c == '\r') {
                physicalLine++;
                if (fill() && buf[pos] == '\n') {
                    append(c);
                    c = buf[pos++];
                }
            }
            append(c);
        }
    }

    /** The character starting at byte {@code at} of the buffer, for messages. */
    private String characterAt(int at) {
        int b = buf[at] & 0xFF;
        int length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        try {
            String s = decoder.decode(ByteBuffer.wrap(buf, at, Math.min(length, limit - at)))
                    .toString();
            return s.isEmpty() ? "\uFFFD" : s.substring(0, Character.charCount(s.codePointAt(0)));
        } catch (CharacterCodingException e) {
            return "\uFFFD";
        }
    }

    private void endOfLine(byte c) {
        physicalLine++;
        if (c == '\r' && fill() && buf[pos] == '\n') {
            pos++;
        }
    }

    private void add() {
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
        }
        if (direct != null) {
            fields[count++] = direct;
            direct = null;
        } else if (fieldLength == 0) {
            fields[count++] = "";
        } else {
            int high = 0;
            for (int i = 0; i < fieldLength; i++) {
                high |= field[i];
            }
            fields[count++] = high >= 0
                    ? new String(field, 0, fieldLength, StandardCharsets.ISO_8859_1)
                    : decode(field, 0, fieldLength);
        }
    }

    /** Makes sure a byte is available at {@code pos}; false at the end of input. */
    private boolean fill() {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        try {
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                return false;
            }
            bufferStart += limit;
            pos = 0;
            limit = n;
            if (fillReports) {
                progress.accept(bufferStart);
            }
            return true;
        } catch (ReaderCodingException e) {
            throw new DataFileException(
                    file, physicalLine, parsingColumn(), null, "the file is not valid UTF-8 (at or after this line)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Bad characters met while turning a {@link Reader}'s text into bytes, reported by {@link #fill()}. */
    private static final class ReaderCodingException extends IOException {
        private static final long serialVersionUID = 1L;

        ReaderCodingException(CharacterCodingException cause) {
            super(cause);
        }
    }

    /** Characters from a {@link Reader} as UTF-8 bytes, for the byte parser. */
    private static final class Utf8Stream extends InputStream {
        private final Reader reader;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer chars = CharBuffer.allocate(BUFFER / 4);
        private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
        private boolean done;

        Utf8Stream(Reader reader) {
            this.reader = reader;
            bytes.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (!bytes.hasRemaining()) {
                if (done) {
                    return -1;
                }
                bytes.clear();
                int n;
                try {
                    n = reader.read(chars);
                } catch (CharacterCodingException e) { // a decoding reader met bad bytes
                    throw new ReaderCodingException(e);
                }
                chars.flip();
                if (n < 0) {
                    done = true;
                }
                CoderResult result = encoder.encode(chars, bytes, done);
                if (result.isError()) {
                    try {
                        result.throwException();
                    } catch (CharacterCodingException e) {
                        throw new ReaderCodingException(e);
                    }
                }
                if (done) {
                    encoder.flush(bytes);
                }
                chars.compact();
                bytes.flip();
            }
            int n = Math.min(len, bytes.remaining());
            bytes.get(b, off, n);
            return n;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
