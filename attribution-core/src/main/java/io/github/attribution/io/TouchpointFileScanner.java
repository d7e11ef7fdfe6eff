package io.github.attribution.io;

import static io.github.attribution.io.ByteClasses.CLASS;
import static io.github.attribution.io.ByteClasses.COMMA;
import static io.github.attribution.io.ByteClasses.CR;
import static io.github.attribution.io.ByteClasses.LF;
import static io.github.attribution.io.ByteClasses.LONGS;
import static io.github.attribution.io.ByteClasses.WIDE;
import static io.github.attribution.io.ByteClasses.special;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.TouchType;
import io.github.attribution.internal.DatasetAccess;
import io.github.attribution.internal.DatasetAccess.TouchField;
import io.github.attribution.internal.Parallel;
import io.github.attribution.internal.Values;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * The fast route of {@link DatasetReader#readTouchpoints(Path, Dataset.Builder)}, modelled on {@link
 * PathFileScanner}: finds records and fields in the file's bytes directly and adds the rows to the
 * builder's columns with no object per row: dictionary fields are numbered by their bytes (a value's
 * {@code String} is made once per piece of the file it appears in), and touchpoint ids go into the
 * builder as bytes.
 *
 * <p><b>On every core.</b> The file is cut into pieces of about {@link #PIECE} bytes. Piece {@code k}
 * starts after the first line end at or after its nominal start (the first piece right after the
 * header) and ends where piece {@code k + 1} starts, so every record lies in exactly one piece. Worker
 * threads parse pieces into columns of their own, with dictionaries of their own numbered in order of
 * first appearance within the piece; the calling thread takes the pieces in file order and numbers
 * each piece's new values in the builder's dictionaries, which so number every value in order of its
 * first appearance in the file, exactly as a single pass does. A cut inside a quoted field cannot go
 * unnoticed: the piece holding the opening quote meets a line end inside quotes, or the end of the
 * piece inside quotes, which this route does not take. Repeated ids are looked for once all rows are
 * in ({@code DatasetAccess.Hooks#distinctTouchIds}), not with a look-up per row.
 *
 * <p>It takes only what it handles exactly as the general route ({@link CsvReader} and {@link
 * Dataset.Builder#addTouchpoint(io.github.attribution.data.TouchpointRow)}) does: fields unquoted or quoted on one line (with doubled quotes), LF or CRLF line ends,
 * empty lines, valid UTF-8, ASCII touchpoint ids, non-blank required fields, {@code occurred_at} as
 * {@code YYYY-MM-DD} or {@code YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z} (the forms of {@code Values.fastInstant},
 * untrimmed), {@code touch_type} empty or {@code marketing} or {@code sales} in any ASCII case. On
 * anything else (a stray quote or a line end in quotes, a bare CR, a record with the wrong number of
 * fields, a blank required field, another date form, a duplicate id, a header it cannot take, ...) in
 * any piece, {@link #read} returns -1 and the caller resets the builder and reads the file again by the
 * general route, which gives the same result or error (naming the first bad line) as it always has.
 * One instance reads one file into an empty builder; its workers are instances of their own.
 */
final class TouchpointFileScanner extends ByteRecordScanner {
    /** The size of the pieces the file is cut into. */
    static final int PIECE = 8 << 20;

    /** Bytes read at a time past a piece's end to find the end of its last record. */
    private static final int TAIL = 1 << 16;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;

    private static final byte[] MARKETING = "marketing".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SALES = "sales".getBytes(StandardCharsets.US_ASCII);

    private static final DatasetAccess.Hooks DATASET = DatasetAccess.hooks();
    private static final TouchField[] FIELDS = TouchField.values();

    private final int pieceBytes;
    private final int threads;

    private int idAt;
    private int accountAt;
    private int personAt;
    private int occurredAt;
    private int channelAt;
    private int sourceAt;
    private int campaignAt;
    private int offerAt;
    private int typeAt;
    /** Per column: whether the route reads it (a column it does not read only needs valid UTF-8). */
    private boolean[] used;

    /** Per field: whether it is quoted ({@code from .. to} then include the quotes until {@link #unquote}). */
    private boolean[] quoted;

    /** The piece being parsed (in a worker) and its byte tables, one per {@link TouchField}. */
    private Piece piece;

    private ByteTable[] tables;

    TouchpointFileScanner() {
        this(PIECE, Parallel.defaultThreads());
    }

    /** A scanner cutting files into pieces of {@code pieceBytes} parsed on {@code threads} threads. */
    TouchpointFileScanner(int pieceBytes, int threads) {
        if (pieceBytes < 1 || threads < 1) {
            throw new IllegalArgumentException("piece bytes and threads must be positive");
        }
        this.pieceBytes = pieceBytes;
        this.threads = threads;
    }

    /** A worker over the columns of {@code head}, whose header is read. */
    private TouchpointFileScanner(TouchpointFileScanner head) {
        this(head.pieceBytes, head.threads);
        in = head.in;
        columns = head.columns;
        idAt = head.idAt;
        accountAt = head.accountAt;
        personAt = head.personAt;
        occurredAt = head.occurredAt;
        channelAt = head.channelAt;
        sourceAt = head.sourceAt;
        campaignAt = head.campaignAt;
        offerAt = head.offerAt;
        typeAt = head.typeAt;
        used = head.used;
        quoted = new boolean[columns];
        from = new int[columns];
        to = new int[columns];
        wide = new boolean[columns];
        buf = new byte[0];
    }

    /**
     * Reads {@code file} into {@code into}, which must be empty; the number of touchpoints added, or -1
     * when the file has something this route does not take (then {@code into} holds an unknown part of
     * the file: reset it and read the file by the general route).
     */
    long read(Path file, Dataset.Builder into) {
        return read(file, into, null);
    }

    /**
     * As {@link #read(Path, Dataset.Builder)}, telling {@code progress} (unless null) the bytes read so
     * far after each piece, on this thread.
     */
    long read(Path file, Dataset.Builder into, LongConsumer progress) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            in = channel;
            if (!header(file.getFileName().toString())) {
                return giveUp();
            }
            if (personAt >= 0 && !DATASET.keepsTouchPersons(into)) {
                used[personAt] = false; // only checked to be UTF-8, as every other column not kept
                personAt = -1;
            }
            long added = readPieces(channel, discarded + pos, channel.size(), into, progress);
            return added >= 0 ? added : giveUp();
        } catch (IOException e) {
            unsupported = "cannot read the file this way: " + e;
            return giveUp();
        }
    }

    private long giveUp() {
        logGiveUp(TouchpointFileScanner.class, "touchpoint");
        return -1;
    }

    /**
     * Parses the records of {@code [dataStart, size)} on the workers and adds them to {@code into} in
     * file order on this thread; the rows added, or -1 with {@link #unsupported} set.
     */
    private long readPieces(FileChannel channel, long dataStart, long size, Dataset.Builder into, LongConsumer progress)
            throws IOException {
        long body = size - dataStart;
        int count = (int) Math.max(1, (body + pieceBytes - 1) / pieceBytes);
        int window = 2 * threads + 2; // pieces parsed ahead of the one being added, at most
        Piece[] parsed = new Piece[count];
        Object lock = new Object();
        AtomicInteger next = new AtomicInteger();
        // pieces added are parsed into again: their columns, a few MB each, are not garbage every 8 MB
        // of the file (which kept the collector busy with large arrays)
        ConcurrentLinkedQueue<Piece> spare = new ConcurrentLinkedQueue<>();
        int[] added = {0}; // pieces taken by this thread
        boolean[] stop = {false};
        Throwable[] failure = {null};
        Runnable work = () -> {
            TouchpointFileScanner worker = new TouchpointFileScanner(this);
            try {
                for (int k = next.getAndIncrement(); k < count; k = next.getAndIncrement()) {
                    synchronized (lock) {
                        while (!stop[0] && k >= added[0] + window) {
                            lock.wait();
                        }
                        if (stop[0]) {
                            return;
                        }
                    }
                    long from = dataStart + (long) k * pieceBytes;
                    long to = k + 1 == count ? size : from + pieceBytes;
                    Piece p = worker.parse(from, to, size, k == 0, spare.poll());
                    synchronized (lock) {
                        parsed[k] = p;
                        lock.notifyAll();
                    }
                }
            } catch (Throwable t) {
                synchronized (lock) {
                    if (failure[0] == null) {
                        failure[0] = t;
                    }
                    stop[0] = true;
                    lock.notifyAll();
                }
            }
        };
        Thread[] workers = new Thread[Math.min(threads, count)];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(work, "touchpoint-reader-" + w);
            workers[w].setDaemon(true);
            workers[w].start();
        }
        long rows = 0;
        try {
            for (int k = 0; k < count; k++) {
                Piece p;
                synchronized (lock) {
                    while (parsed[k] == null && failure[0] == null) {
                        lock.wait();
                    }
                    if (failure[0] != null) {
                        rethrow(failure[0]);
                    }
                    p = parsed[k];
                    parsed[k] = null;
                    added[0] = k + 1;
                    lock.notifyAll();
                }
                if (p.unsupported != null) {
                    unsupported = p.unsupported;
                    return -1;
                }
                add(p, into);
                rows += p.rows;
                if (progress != null) {
                    progress.accept(k + 1 == count ? size : dataStart + (long) (k + 1) * pieceBytes);
                }
                if (k == 0 && count > 1 && p.rows > 0) {
                    double estimate = (double) p.rows * body / Math.max(1, p.bytes);
                    DATASET.expectTouchpoints(into, (int) Math.min(Integer.MAX_VALUE - 16, estimate * 1.02 + 1024));
                }
                spare.add(p); // only once this thread is done with it: a worker parses the next piece into it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading touchpoints", e);
        } finally {
            synchronized (lock) {
                stop[0] = true;
                lock.notifyAll();
            }
            for (Thread t : workers) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading touchpoints", e);
                }
            }
        }
        if (!DATASET.distinctTouchIds(into, threads)) {
            unsupported = "a duplicate touchpoint_id";
            return -1;
        }
        return rows;
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t instanceof IOException) {
            throw (IOException) t;
        }
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        throw new IllegalStateException(t);
    }

    /**
     * Numbers piece {@code p}'s new dictionary values in the builder (in their order of first appearance
     * in the piece), turns its columns' local numbers into the builder's and appends its rows.
     */
    private static void add(Piece p, Dataset.Builder into) {
        int[][] global = new int[FIELDS.length][];
        for (int f = 0; f < FIELDS.length; f++) {
            global[f] = new int[p.valueCount[f]];
            for (int v = 0; v < p.valueCount[f]; v++) {
                String value = p.values[f][v];
                global[f][v] = value != null
                        ? DATASET.intern(into, FIELDS[f], value)
                        : DATASET.intern(into, FIELDS[f], p.text, p.valueFrom[f][v], p.valueTo[f][v]);
            }
        }
        int[] accounts = global[TouchField.ACCOUNT.ordinal()];
        int[] persons = global[TouchField.PERSON.ordinal()];
        int[] channels = global[TouchField.CHANNEL.ordinal()];
        int[] sources = global[TouchField.SOURCE.ordinal()];
        int[] campaigns = global[TouchField.CAMPAIGN.ordinal()];
        int[] offers = global[TouchField.OFFER.ordinal()];
        for (int r = 0; r < p.rows; r++) {
            p.account[r] = accounts[p.account[r]];
            int person = p.person[r];
            p.person[r] = person < 0 ? -1 : persons[person];
            p.channel[r] = channels[p.channel[r]];
            p.source[r] = sources[p.source[r]];
            p.campaign[r] = campaigns[p.campaign[r]];
            p.offer[r] = offers[p.offer[r]];
        }
        DATASET.appendTouches(
                into,
                p.rows,
                p.account,
                p.person,
                p.time,
                p.channel,
                p.source,
                p.campaign,
                p.offer,
                p.type,
                p.ids,
                p.idEnd);
    }

    /**
     * Parses the piece nominally {@code [from, to)} of a file of {@code size} bytes: its records start
     * after the first line end at or after {@code from - 1} ({@code from} itself for the {@code first}
     * piece) and run up to the first line end at or after {@code to - 1}.
     */
    private Piece parse(long from, long to, long size, boolean first, Piece reuse) throws IOException {
        long readFrom = first ? from : from - 1;
        int length = (int) (to - readFrom);
        if (buf.length < length + TAIL) {
            buf = new byte[length + TAIL];
        }
        readFully(readFrom, 0, length);
        int start = 0;
        if (!first) {
            while (start < length && buf[start] != '\n') {
                start++;
            }
            start++; // past the line end; past the piece when it has none
        }
        int end = length;
        if (start >= length) {
            end = start = length; // no record starts here: the previous piece reads it
        } else if (to < size && buf[length - 1] != '\n') {
            // the last record runs on past the piece: read up to its line end
            int scanned = length;
            while (true) {
                int more = (int) Math.min(TAIL, size - (readFrom + end));
                if (more <= 0) {
                    break;
                }
                if (buf.length < end + more) {
                    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + more));
                }
                readFully(readFrom + end, end, more);
                end += more;
                while (scanned < end && buf[scanned] != '\n') {
                    scanned++;
                }
                if (scanned < end) {
                    end = scanned + 1;
                    break;
                }
            }
        }
        pos = start;
        limit = end;
        eof = true;
        line = 1;
        unsupported = null;
        if (reuse != null) {
            reuse.clear(end - start);
            piece = reuse;
        } else {
            piece = new Piece(end - start);
        }
        if (tables == null) {
            tables = new ByteTable[FIELDS.length];
            for (int f = 0; f < tables.length; f++) {
                tables[f] = new ByteTable();
            }
        } else {
            for (ByteTable table : tables) {
                table.clear();
            }
        }
        while (true) {
            int found = scan();
            if (found == END) {
                break;
            }
            if (found == UNSUPPORTED || !row()) {
                piece.unsupported =
                        unsupported + " (line " + line + " of the piece from byte " + (readFrom + start) + ")";
                break;
            }
        }
        Piece p = piece;
        piece = null;
        return p;
    }

    /** Reads {@code length} bytes at {@code position} of the file into {@code buf} at {@code at}. */
    private void readFully(long position, int at, int length) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buf, at, length);
        while (target.hasRemaining()) {
            if (in.read(target, position + target.position() - at) < 0) {
                throw new IOException("the file shrank while being read");
            }
        }
    }

    // ---- the header

    @Override
    void columns(CsvReader csv) {
        idAt = csv.requireColumn("touchpoint_id");
        accountAt = csv.requireColumn("account_id");
        personAt = csv.column("person_id");
        occurredAt = csv.requireColumn("occurred_at");
        channelAt = csv.requireColumn("channel");
        sourceAt = csv.column("source");
        campaignAt = csv.column("campaign");
        offerAt = csv.column("offer");
        typeAt = csv.column("touch_type");
        quoted = new boolean[columns];
        used = new boolean[columns];
        for (int c : new int[] {idAt, accountAt, personAt, occurredAt, channelAt, sourceAt, campaignAt, offerAt}) {
            if (c >= 0) {
                used[c] = true;
            }
        }
        if (typeAt >= 0) {
            used[typeAt] = true;
        }
    }

    // ---- records

    /** As {@code PathFileScanner.scan}: {@link #RECORD}, {@link #MORE}, {@link #END} or {@link #UNSUPPORTED}. */
    private int scan() {
        final byte[] b = buf;
        final int lim = limit;
        int p = pos;
        int start = p;
        int n = 0;
        boolean w = false;
        boolean q = false;
        while (p < lim) {
            if (p <= lim - 8) {
                long special = special((long) LONGS.get(b, p));
                if (special == 0) {
                    p += 8;
                    continue;
                }
                p += Long.numberOfTrailingZeros(special) >>> 3;
            }
            byte c = CLASS[b[p] & 0xFF];
            if (c == 0) {
                p++;
            } else if (c == COMMA) {
                if (n == columns - 1) {
                    unsupported = "a record with more fields than the header";
                    return UNSUPPORTED;
                }
                from[n] = start;
                to[n] = p;
                quoted[n] = q;
                wide[n++] = w;
                w = false;
                q = false;
                start = ++p;
            } else if (c == WIDE) {
                w = true;
                p++;
            } else if (c == LF) {
                int end = p > start && b[p - 1] == '\r' ? p - 1 : p;
                return endRecord(n, start, end, w, q, p + 1);
            } else if (c == CR) {
                if (p + 1 < lim) {
                    if (b[p + 1] != '\n') {
                        unsupported = "a CR not followed by LF";
                        return UNSUPPORTED;
                    }
                    p++;
                } else if (eof) {
                    unsupported = "a CR at the end of the file";
                    return UNSUPPORTED;
                } else {
                    return MORE;
                }
            } else if (p != start) {
                unsupported = "a quote inside an unquoted field";
                return UNSUPPORTED;
            } else {
                // a quoted field: up to its closing quote, which must end the field
                p++;
                while (true) {
                    if (p >= lim) {
                        if (eof) {
                            unsupported = "an unclosed quote";
                            return UNSUPPORTED;
                        }
                        return MORE;
                    }
                    byte x = b[p];
                    if (x == '"') {
                        if (p + 1 >= lim && !eof) {
                            return MORE;
                        }
                        if (p + 1 < lim && b[p + 1] == '"') {
                            p += 2;
                            continue;
                        }
                        p++;
                        break;
                    }
                    if (x == '\n' || x == '\r') {
                        unsupported = "a line end inside a quoted field";
                        return UNSUPPORTED;
                    }
                    w |= x < 0;
                    p++;
                }
                if (p < lim && b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
                    unsupported = "text after a closing quote";
                    return UNSUPPORTED;
                }
                q = true;
            }
        }
        if (!eof) {
            return MORE;
        }
        if (p == pos) {
            return END;
        }
        return endRecord(n, start, p, w, q, p);
    }

    private int endRecord(int n, int start, int end, boolean w, boolean q, int next) {
        from[n] = start;
        to[n] = end;
        quoted[n] = q;
        wide[n++] = w;
        fields = n;
        pos = next;
        return RECORD;
    }

    /** Adds the current record to the piece (an empty line is skipped); false when unsupported. */
    private boolean row() {
        for (int i = 0; i < fields; i++) {
            if (quoted[i]) {
                unquote(i);
            }
        }
        if (fields == 1 && from[0] == to[0]) {
            line++;
            return true;
        }
        if (fields != columns) {
            return unsupported("a record with " + fields + " fields; the header has " + columns);
        }
        for (int i = 0; i < columns; i++) {
            if (wide[i] && !used[i] && decode(from[i], to[i]) == null) {
                return unsupported("invalid UTF-8");
            }
        }
        int a = from[idAt];
        int z = to[idAt];
        if (wide[idAt] || !hasVisible(a, z)) {
            return unsupported("a touchpoint_id that is blank or not ASCII");
        }
        long at = instant(from[occurredAt], to[occurredAt]);
        if (at == Long.MIN_VALUE) {
            return unsupported("an occurred_at in another form");
        }
        TouchType type = typeAt < 0 ? TouchType.MARKETING : type(from[typeAt], to[typeAt]);
        if (type == null) {
            return unsupported("a touch_type in another form");
        }
        int account = required(TouchField.ACCOUNT, accountAt);
        int channel = required(TouchField.CHANNEL, channelAt);
        int person = personAt < 0 || from[personAt] == to[personAt] ? -1 : required(TouchField.PERSON, personAt);
        if (account < 0 || channel < 0 || (person < 0 && unsupported != null)) {
            return false;
        }
        int source = optional(TouchField.SOURCE, sourceAt);
        int campaign = optional(TouchField.CAMPAIGN, campaignAt);
        int offer = optional(TouchField.OFFER, offerAt);
        if (source < 0 || campaign < 0 || offer < 0) {
            return false;
        }
        piece.add(buf, a, z, account, person, at, channel, source, campaign, offer, (byte) type.ordinal());
        line++;
        return true;
    }

    /**
     * Turns quoted field {@code i} into its value in place: drops the quotes and halves the doubled
     * ones (the record's bytes are not read again).
     */
    private void unquote(int i) {
        final byte[] b = buf;
        int z = to[i] - 1;
        int out = from[i] + 1;
        for (int k = from[i] + 1; k < z; k++) {
            b[out++] = b[k];
            if (b[k] == '"') {
                k++; // the second quote of a pair
            }
        }
        from[i]++;
        to[i] = out;
    }

    /** Whether {@code buf[a .. z)} has a byte above 0x20 (so, ASCII, it is not blank). */
    private boolean hasVisible(int a, int z) {
        for (int i = a; i < z; i++) {
            if ((buf[i] & 0xFF) > 0x20) {
                return true;
            }
        }
        return false;
    }

    /** The piece's number of the non-blank value of column {@code column}; -1 (with {@link #unsupported} set) else. */
    private int required(TouchField field, int column) {
        int a = from[column];
        int z = to[column];
        ByteTable table = tables[field.ordinal()];
        int id = table.find(buf, a, z);
        if (id >= 0) {
            return id;
        }
        if (!wide[column]) {
            if (asciiBlank(a, z)) {
                unsupported = "an empty or blank " + field;
                return -1;
            }
            id = piece.intern(field, buf, a, z);
        } else {
            String value = decode(a, z);
            if (value == null || value.isBlank()) {
                unsupported = "a blank or invalid " + field;
                return -1;
            }
            id = piece.intern(field, value);
        }
        table.put(buf, a, z, id);
        return id;
    }

    /**
     * Whether the ASCII bytes {@code buf[a .. z)} are empty or all whitespace as {@link String#isBlank}
     * sees it: tab, LF, vertical tab, form feed, CR, the separators 0x1C to 0x1F, and space.
     */
    private boolean asciiBlank(int a, int z) {
        for (int i = a; i < z; i++) {
            int c = buf[i];
            if (c != ' ' && (c < 0x09 || c > 0x0D) && (c < 0x1C || c > 0x1F)) {
                return false;
            }
        }
        return true;
    }

    /** The piece's number of the value of column {@code column} ({@code ""} when there is no such column), or -1. */
    private int optional(TouchField field, int column) {
        int a = column < 0 ? 0 : from[column];
        int z = column < 0 ? 0 : to[column];
        ByteTable table = tables[field.ordinal()];
        int id = table.find(buf, a, z);
        if (id >= 0) {
            return id;
        }
        if (column < 0 || !wide[column]) {
            id = piece.intern(field, buf, a, z);
        } else {
            String value = decode(a, z);
            if (value == null) {
                unsupported = "invalid UTF-8";
                return -1;
            }
            id = piece.intern(field, value);
        }
        table.put(buf, a, z, id);
        return id;
    }

    /** The touch type of {@code buf[a .. z)} when empty or an ASCII-case form of a name, else null. */
    private TouchType type(int a, int z) {
        if (a == z) {
            return TouchType.MARKETING;
        }
        if (matches(a, z, MARKETING)) {
            return TouchType.MARKETING;
        }
        return matches(a, z, SALES) ? TouchType.SALES : null;
    }

    private boolean matches(int a, int z, byte[] lower) {
        if (z - a != lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            int c = buf[a + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code buf[a .. z)} as nanoseconds since the epoch when it is exactly a form {@code
     * Values.fastInstant} takes, with its checks; {@link Long#MIN_VALUE} otherwise. The same parse as
     * {@code Values.fastInstant} on bytes instead of a {@code String}: change both together.
     */
    private long instant(int a, int z) {
        int n = z - a;
        if (n != 10 && (n < 20 || n > 30)) {
            return Long.MIN_VALUE;
        }
        final byte[] b = buf;
        int year = digits(a, 4);
        int month = digits(a + 5, 2);
        int day = digits(a + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || b[a + 4] != '-' || b[a + 7] != '-') {
            return Long.MIN_VALUE;
        }
        if (day > Values.lengthOfMonth(year, month) || year < 1678 || year > 2261) {
            return Long.MIN_VALUE;
        }
        long days = Values.epochDay(year, month, day);
        if (n == 10) {
            return days * NANOS_PER_DAY;
        }
        if (b[a + 10] != 'T' || b[a + 13] != ':' || b[a + 16] != ':' || b[z - 1] != 'Z') {
            return Long.MIN_VALUE;
        }
        int hour = digits(a + 11, 2);
        int minute = digits(a + 14, 2);
        int second = digits(a + 17, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        long nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (b[a + 19] != '.' || fraction < 1 || fraction > 9) {
                return Long.MIN_VALUE;
            }
            int f = digits(a + 20, fraction);
            if (f < 0) {
                return Long.MIN_VALUE;
            }
            nanos = f;
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        return (days * 86_400L + hour * 3600L + minute * 60L + second) * NANOS_PER_SECOND + nanos;
    }

    /** The number in {@code buf[at .. at+len)}, or -1 if it is not all ASCII digits. */
    private int digits(int at, int len) {
        int v = 0;
        for (int i = at; i < at + len; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * The rows of one piece, as parsed by a worker: primitive columns, dictionary fields numbered in
     * the piece's own dictionaries (in order of first appearance), the ids as bytes.
     */
    private static final class Piece {
        int rows;
        /** The bytes the piece's records take, for the size estimate. */
        int bytes;

        int[] account;
        int[] person;
        long[] time;
        int[] channel;
        int[] source;
        int[] campaign;
        int[] offer;
        byte[] type;
        byte[] ids;
        int[] idEnd;

        /**
         * Per field, the piece's values in order of first appearance: a value with a byte past ASCII as
         * its string in {@code values}; any other as its bytes, {@code text[valueFrom .. valueTo)}, with
         * null in {@code values} (no string is made for it: the builder's dictionaries take bytes).
         */
        final String[][] values = new String[FIELDS.length][];

        final int[][] valueFrom = new int[FIELDS.length][];
        final int[][] valueTo = new int[FIELDS.length][];
        final int[] valueCount = new int[FIELDS.length];
        byte[] text = new byte[4096];
        int textUsed;
        String unsupported;

        Piece(int bytes) {
            this.bytes = bytes;
            int n = bytes / 64 + 16;
            account = new int[n];
            person = new int[n];
            time = new long[n];
            channel = new int[n];
            source = new int[n];
            campaign = new int[n];
            offer = new int[n];
            type = new byte[n];
            ids = new byte[n * 16];
            idEnd = new int[n];
            for (int f = 0; f < values.length; f++) {
                values[f] = new String[16];
                valueFrom[f] = new int[16];
                valueTo[f] = new int[16];
            }
        }

        /** Empties the piece for a piece of {@code bytes} bytes, keeping its arrays. */
        void clear(int bytes) {
            this.bytes = bytes;
            rows = 0;
            unsupported = null;
            for (int f = 0; f < values.length; f++) {
                Arrays.fill(values[f], 0, valueCount[f], null);
                valueCount[f] = 0;
            }
            textUsed = 0;
        }

        /** The piece's number for {@code value}, new to the piece, of {@code field} (not ASCII). */
        int intern(TouchField field, String value) {
            int n = next(field.ordinal());
            values[field.ordinal()][n] = value;
            return n;
        }

        /** The piece's number for the ASCII value {@code b[a .. z)}, new to the piece, of {@code field}. */
        int intern(TouchField field, byte[] b, int a, int z) {
            int f = field.ordinal();
            int n = next(f);
            if (z - a > text.length - textUsed) {
                text = Arrays.copyOf(text, Math.max(2 * text.length, textUsed + (z - a)));
            }
            System.arraycopy(b, a, text, textUsed, z - a);
            valueFrom[f][n] = textUsed;
            textUsed += z - a;
            valueTo[f][n] = textUsed;
            return n;
        }

        /** Takes the next number of field {@code f}, making room for it. */
        private int next(int f) {
            int n = valueCount[f];
            if (n == values[f].length) {
                values[f] = Arrays.copyOf(values[f], n * 2);
                valueFrom[f] = Arrays.copyOf(valueFrom[f], n * 2);
                valueTo[f] = Arrays.copyOf(valueTo[f], n * 2);
            }
            valueCount[f] = n + 1;
            return n;
        }

        void add(
                byte[] b,
                int a,
                int z,
                int accountId,
                int personId,
                long at,
                int channelId,
                int sourceId,
                int campaignId,
                int offerId,
                byte touchType) {
            int r = rows;
            if (r == account.length) {
                int n = r + (r >> 1) + 16;
                account = Arrays.copyOf(account, n);
                person = Arrays.copyOf(person, n);
                time = Arrays.copyOf(time, n);
                channel = Arrays.copyOf(channel, n);
                source = Arrays.copyOf(source, n);
                campaign = Arrays.copyOf(campaign, n);
                offer = Arrays.copyOf(offer, n);
                type = Arrays.copyOf(type, n);
                idEnd = Arrays.copyOf(idEnd, n);
            }
            int start = r == 0 ? 0 : idEnd[r - 1];
            if (start + (z - a) > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(ids.length * 2, start + (z - a)));
            }
            System.arraycopy(b, a, ids, start, z - a);
            idEnd[r] = start + (z - a);
            account[r] = accountId;
            person[r] = personId;
            time[r] = at;
            channel[r] = channelId;
            source[r] = sourceId;
            campaign[r] = campaignId;
            offer[r] = offerId;
            type[r] = touchType;
            rows = r + 1;
        }
    }
}
