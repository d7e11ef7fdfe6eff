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
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The fast route of {@link DatasetReader#readTouchpoints(Path, Dataset.Builder)}, modelled on {@link
 * PathFileScanner}: reads a touchpoint file's bytes in large chunks on the calling thread, finds records
 * and fields in them directly, and adds each row to the builder's columns with no object per row: the
 * dictionary fields are numbered by their bytes (a value's {@code String} is made once, when first
 * seen), and the touchpoint id goes into the builder as bytes.
 *
 * <p>It takes only what it handles exactly as the general route ({@link CsvReader} and {@link
 * Dataset.Builder#addTouchpoint(String, String, String, long, String, String, String, String,
 * TouchType)}) does: fields unquoted or quoted on one line (with doubled quotes), LF or CRLF line ends, empty lines, valid UTF-8, ASCII touchpoint
 * ids, non-blank required fields, {@code occurred_at} as {@code YYYY-MM-DD} or {@code
 * YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z} (the forms of {@code Values.fastInstant}, untrimmed), {@code
 * touch_type} empty or {@code marketing} or {@code sales} in any ASCII case. On anything else (a stray quote or a line end in quotes,
 * a bare CR, a record with the wrong number of fields, a blank required field, another date form, a
 * duplicate id, a header it cannot take, ...) {@link #read} returns -1 and the caller resets the
 * builder and reads the file again by the general route, which gives the same result or error as it
 * always has. Not thread-safe; one instance reads one file into an empty builder.
 */
final class TouchpointFileScanner extends ByteRecordScanner {
    /** The builder is sized once this much of the data has been read. */
    private static final int SAMPLE = 1 << 22;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;

    private static final byte[] MARKETING = "marketing".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SALES = "sales".getBytes(StandardCharsets.US_ASCII);

    private static final DatasetAccess.Hooks DATASET = DatasetAccess.hooks();

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

    private final ByteTable accounts = new ByteTable();
    private final ByteTable persons = new ByteTable();
    private final ByteTable channels = new ByteTable();
    private final ByteTable sources = new ByteTable();
    private final ByteTable campaigns = new ByteTable();
    private final ByteTable offers = new ByteTable();

    private Dataset.Builder builder;
    private int rows;
    private ColumnWriter writer;
    private Batch batch = new Batch();

    /**
     * Reads {@code file} into {@code into}, which must be empty; the number of touchpoints added, or -1
     * when the file has something this route does not take (then {@code into} holds an unknown part of
     * the file: reset it and read the file by the general route).
     */
    long read(Path file, Dataset.Builder into) {
        builder = into;
        writer = new ColumnWriter(into);
        boolean complete = false;
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
                    if (!sized && read >= SAMPLE && rows > 0) {
                        sized = true;
                        double estimate = (double) rows * (channel.size() - dataStart) / read;
                        batch.expect = (int) Math.min(Integer.MAX_VALUE - 16, estimate * 1.02 + 1024);
                    }
                    refill();
                } else if (found == END) {
                    complete = true;
                    break;
                } else if (found == UNSUPPORTED || !row()) {
                    break;
                }
            }
        } catch (IOException e) {
            unsupported = "cannot read the file this way: " + e;
        } finally {
            if (!writer.finish(batch, complete)) {
                complete = false;
                if (unsupported == null) {
                    unsupported = "a duplicate touchpoint_id";
                }
            }
        }
        return complete ? rows : giveUp();
    }

    private long giveUp() {
        logGiveUp(TouchpointFileScanner.class, "touchpoint");
        return -1;
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

    /** Adds the current record as a touchpoint (an empty line is skipped); false when unsupported. */
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
        int account = required(accounts, TouchField.ACCOUNT, accountAt);
        int channel = required(channels, TouchField.CHANNEL, channelAt);
        int person =
                personAt < 0 || from[personAt] == to[personAt] ? -1 : required(persons, TouchField.PERSON, personAt);
        if (account < 0 || channel < 0 || (person < 0 && unsupported != null)) {
            return false;
        }
        int source = optional(sources, TouchField.SOURCE, sourceAt);
        int campaign = optional(campaigns, TouchField.CAMPAIGN, campaignAt);
        int offer = optional(offers, TouchField.OFFER, offerAt);
        if (source < 0 || campaign < 0 || offer < 0) {
            return false;
        }
        batch.add(buf, a, z, account, person, at, channel, source, campaign, offer, type);
        if (batch.size == Batch.ROWS) {
            batch = writer.hand(batch);
            if (batch == null) {
                return unsupported("a duplicate touchpoint_id");
            }
        }
        rows++;
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

    /** The id of the non-blank value of column {@code column}; -1 (with {@link #unsupported} set) else. */
    private int required(ByteTable table, TouchField field, int column) {
        int a = from[column];
        int z = to[column];
        int id = table.find(buf, a, z);
        if (id >= 0) {
            return id;
        }
        String value = a == z ? null : decode(a, z);
        if (value == null || value.isBlank()) {
            unsupported = "an empty, blank or invalid " + field;
            return -1;
        }
        id = DATASET.intern(builder, field, value);
        table.put(buf, a, z, id);
        return id;
    }

    /** The id of the value of column {@code column} ({@code ""} when there is no such column), or -1. */
    private int optional(ByteTable table, TouchField field, int column) {
        int a = column < 0 ? 0 : from[column];
        int z = column < 0 ? 0 : to[column];
        int id = table.find(buf, a, z);
        if (id >= 0) {
            return id;
        }
        String value = decode(a, z);
        if (value == null) {
            unsupported = "invalid UTF-8";
            return -1;
        }
        id = DATASET.intern(builder, field, value);
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
     * Rows parsed and numbered by the scanning thread, waiting for the column writer: primitives only,
     * the touchpoint ids as bytes.
     */
    private static final class Batch {
        static final int ROWS = 2048;

        byte[] ids = new byte[ROWS * 16];
        final int[] idEnd = new int[ROWS];
        final int[] account = new int[ROWS];
        final int[] person = new int[ROWS];
        final long[] time = new long[ROWS];
        final int[] channel = new int[ROWS];
        final int[] source = new int[ROWS];
        final int[] campaign = new int[ROWS];
        final int[] offer = new int[ROWS];
        final TouchType[] type = new TouchType[ROWS];
        int size;
        /** The builder's expected touchpoint count, to pass on before these rows; 0 for none. */
        int expect;

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
                TouchType touchType) {
            int start = size == 0 ? 0 : idEnd[size - 1];
            if (start + (z - a) > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(ids.length * 2, start + (z - a)));
            }
            System.arraycopy(b, a, ids, start, z - a);
            idEnd[size] = start + (z - a);
            account[size] = accountId;
            person[size] = personId;
            time[size] = at;
            channel[size] = channelId;
            source[size] = sourceId;
            campaign[size] = campaignId;
            offer[size] = offerId;
            type[size++] = touchType;
        }
    }

    /**
     * The second stage: a thread that appends batches to the builder's touch columns, its id column and
     * duplicate-id index, while the scanning thread parses the next rows and numbers their dictionary
     * values. The two touch disjoint parts of the builder (the scanner only its dictionaries and people,
     * the writer only the touch columns), and {@link #finish} joins the thread, so the builder is whole
     * for the caller afterwards. A duplicate id stops the writer; the scanner learns of it at its next
     * hand-over and gives up as before.
     */
    private static final class ColumnWriter {
        private static final Batch END = new Batch();

        private final Dataset.Builder builder;
        private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(4);
        private final BlockingQueue<Batch> empty = new ArrayBlockingQueue<>(8);
        private final Thread thread;
        private volatile boolean duplicate;
        private volatile Throwable failure;

        ColumnWriter(Dataset.Builder builder) {
            this.builder = builder;
            for (int i = 0; i < 4; i++) {
                empty.add(new Batch());
            }
            thread = new Thread(this::run, "touchpoint-columns");
            thread.setDaemon(true);
            thread.start();
        }

        /** Passes a full batch on; returns an empty one, or null once the writer met a duplicate id. */
        Batch hand(Batch b) {
            if (duplicate || failure != null) {
                return null;
            }
            try {
                full.put(b);
                return empty.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading touchpoints", e);
            }
        }

        /**
         * Passes the last rows on (when {@code complete}) and waits for the writer; false if it met a
         * duplicate id. A failure of the writer thread itself is rethrown.
         */
        boolean finish(Batch last, boolean complete) {
            try {
                if (complete && !duplicate && failure == null) {
                    full.put(last);
                }
                full.put(END);
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading touchpoints", e);
            }
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            return !duplicate;
        }

        private void run() {
            try {
                while (true) {
                    Batch b = full.take();
                    if (b == END) {
                        return;
                    }
                    if (!duplicate && !write(b)) {
                        duplicate = true;
                    }
                    b.size = 0;
                    b.expect = 0;
                    empty.offer(b); // the scanner waits for this one unless the writer stopped
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure = t;
                duplicate = true; // stop the scanner at its next hand-over
                full.clear();
                empty.offer(new Batch());
            }
        }

        private boolean write(Batch b) {
            if (b.expect > 0) {
                DATASET.expectTouchpoints(builder, b.expect);
            }
            int start = 0;
            for (int r = 0; r < b.size; r++) {
                if (!DATASET.addTouchpoint(
                        builder,
                        b.ids,
                        start,
                        b.idEnd[r],
                        b.account[r],
                        b.person[r],
                        b.time[r],
                        b.channel[r],
                        b.source[r],
                        b.campaign[r],
                        b.offer[r],
                        b.type[r])) {
                    return false;
                }
                start = b.idEnd[r];
            }
            return true;
        }
    }
}
