package io.github.attribution.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A column of many short ids (touchpoint ids: tens of millions) held without a {@code String} object
 * each, and with nothing for the garbage collector to trace.
 *
 * <p><b>Numbered ids take 8 bytes.</b> Most exports number their ids: a fixed ASCII prefix and a
 * fixed number of digits ({@code TP-000000001}). Such an id is held as one {@code long} alone: a mark
 * bit, the number of its <i>form</i> (the prefix with the count of digits, up to {@value
 * #MAX_FORMS} forms a column) and the value of its digits (1 to {@value #MAX_DIGITS} of them, leading
 * zeros kept by the form's width). The text is made again when asked for.
 *
 * <p><b>Other ids take about 21 bytes</b>: where the id's bytes are, and the bytes after a short
 * header. Ids whose characters all fit in Latin-1 (the usual case) take one byte a character; others
 * two (UTF-16). The same text is always held the same way (a form, once made, stays; none is made
 * once there are {@value #MAX_FORMS}). Ids are appended, never changed. Not thread-safe while
 * appending; safe to read from any number of threads once filled.
 */
final class IdColumn {
    private static final int CHUNK_BITS = 24;
    private static final int CHUNK = 1 << CHUNK_BITS; // 16 MB; an id never spans two chunks
    private static final int MAX_HEADER = 5;
    /** Eight bytes of a byte array at once, byte 0 the lowest; unaligned is fine. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The mark of a numbered id's {@code where} word; the form's number and the value follow. */
    private static final long NUMBERED = Long.MIN_VALUE;

    private static final int VALUE_BITS = 57;
    private static final long VALUE_MASK = (1L << VALUE_BITS) - 1;
    private static final int MAX_DIGITS = 17; // 10^17 - 1 < 2^57
    private static final int MAX_FORMS = 64; // six bits between the mark and the value
    private static final int MAX_PREFIX = 64;

    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    private byte[][] chunks = new byte[4][];
    private int chunkCount;
    private byte[] current;
    private int used;
    /**
     * Per id: {@code NUMBERED | form << VALUE_BITS | value} for a numbered id, else {@code (chunk <<
     * CHUNK_BITS) | offset} of the id's header.
     */
    private long[] where = new long[64];

    private int size;

    /** Per form: its prefix (ASCII, not ending in a digit) and its number of digits. */
    private final byte[][] prefixes = new byte[MAX_FORMS][];

    private final int[] widths = new int[MAX_FORMS];
    /** Per form: whether its prefix can be written as a CSV field as it is (see {@link #copyCsvPlain}). */
    private final boolean[] plain = new boolean[MAX_FORMS];

    private int forms;
    private int lastForm;

    /** The number of ids. */
    int size() {
        return size;
    }

    /** Makes room for {@code count} ids in all. */
    void expect(int count) {
        if (count > where.length) {
            where = Arrays.copyOf(where, count);
        }
    }

    /** Appends {@code id}; returns its row. */
    int add(String id) {
        int length = id.length();
        boolean latin1 = true;
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            char ch = id.charAt(i);
            ascii &= ch < 0x80;
            if (ch > 0xFF) {
                latin1 = false;
                break;
            }
        }
        if (ascii) {
            byte[] bytes = id.getBytes(StandardCharsets.ISO_8859_1);
            return addLatin1(bytes, 0, bytes.length);
        }
        int p = begin(latin1 ? length : 2 * length, (length << 1) | (latin1 ? 0 : 1));
        byte[] c = current;
        if (latin1) {
            for (int i = 0; i < length; i++) {
                c[p++] = (byte) id.charAt(i);
            }
        } else {
            for (int i = 0; i < length; i++) {
                char ch = id.charAt(i);
                c[p++] = (byte) (ch >>> 8);
                c[p++] = (byte) ch;
            }
        }
        used = p;
        return size++;
    }

    /**
     * Appends the id whose characters are the bytes {@code b[from .. to)}, one character a byte
     * (Latin-1; ASCII bytes are also their UTF-8); returns its row. The same as {@link #add(String)}
     * of that text.
     */
    int addLatin1(byte[] b, int from, int to) {
        long numbered = numbered(b, from, to);
        if (numbered != 0) {
            if (size == where.length) {
                where = Arrays.copyOf(where, size + (size >> 1) + 16);
            }
            where[size] = numbered;
            return size++;
        }
        int length = to - from;
        int p = begin(length, length << 1);
        byte[] c = current;
        System.arraycopy(b, from, c, p, length);
        used = p + length;
        return size++;
    }

    /** Id {@code row} as a string (a new one each call). */
    String get(int row) {
        long w = where[row];
        if (w < 0) {
            int form = form(w);
            byte[] text = new byte[prefixes[form].length + widths[form]];
            writeNumbered(w, text, 0);
            return new String(text, StandardCharsets.ISO_8859_1);
        }
        byte[] c = chunks[(int) (w >>> CHUNK_BITS)];
        int p = (int) (w & (CHUNK - 1));
        int header = header(c, p);
        p += headerSize(header);
        int length = header >>> 1;
        if ((header & 1) == 0) {
            return new String(c, p, length, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++, p += 2) {
            chars[i] = (char) (((c[p] & 0xFF) << 8) | (c[p + 1] & 0xFF));
        }
        return new String(chars);
    }

    /**
     * Copies id {@code row} into {@code dst} at {@code at}, one byte a character, when it is its own
     * CSV field as is: every character ASCII and none of comma, quote, CR, LF. Copies and checks in one
     * pass, eight bytes at a time (see {@link #notCsvPlain}): ids of 8 to 16 bytes, the usual ones,
     * are two words, the second overlapping the first. Control characters also answer -1, which keeps
     * the check short; they are rare, and the caller's general way writes them right.
     *
     * @return the number of bytes copied, or -1 (nothing useful written) when the id has other
     *     characters or {@code dst} lacks room
     */
    int copyCsvPlain(int row, byte[] dst, int at) {
        long w = where[row];
        if (w < 0) {
            int form = form(w);
            int length = prefixes[form].length + widths[form];
            if (!plain[form] || length > dst.length - at) {
                return -1;
            }
            writeNumbered(w, dst, at);
            return length;
        }
        byte[] c = chunks[(int) (w >>> CHUNK_BITS)];
        int p = (int) (w & (CHUNK - 1));
        int header = c[p];
        if (header >= 0) { // shorter than 64 characters: a one-byte header
            p++;
        } else {
            header = header(c, p);
            p += headerSize(header);
        }
        int length = header >>> 1;
        if ((header & 1) != 0 || length > dst.length - at) {
            return -1;
        }
        long bad = 0;
        if (length >= Long.BYTES && length <= 2 * Long.BYTES) { // the usual ids: two words, maybe overlapping
            long first = (long) WORDS.get(c, p);
            long last = (long) WORDS.get(c, p + length - Long.BYTES);
            WORDS.set(dst, at, first);
            WORDS.set(dst, at + length - Long.BYTES, last);
            bad = notCsvPlain(first) | notCsvPlain(last);
        } else if (length > 2 * Long.BYTES) { // whole words, the last one ending with the id
            for (int i = 0; i < length - Long.BYTES; i += Long.BYTES) {
                long word = (long) WORDS.get(c, p + i);
                WORDS.set(dst, at + i, word);
                bad |= notCsvPlain(word);
            }
            long word = (long) WORDS.get(c, p + length - Long.BYTES);
            WORDS.set(dst, at + length - Long.BYTES, word);
            bad |= notCsvPlain(word);
        } else {
            for (int i = 0; i < length; i++) {
                byte b = c[p + i];
                dst[at + i] = b;
                bad |= b < 0x20 || b == '"' || b == ',' ? 1 : 0; // negative when not ASCII
            }
        }
        return bad != 0 ? -1 : length;
    }

    /**
     * Nonzero when one of the eight bytes of {@code word} is not ASCII, a control character (below
     * 0x20, so CR and LF), a quote or a comma. For ASCII bytes, {@code (x - n * ONES) & ~x & HIGH_BITS}
     * is nonzero exactly when some byte of x is below n (no byte borrows from the next unless one is
     * below n already); a quote or comma is a zero byte after an XOR with it.
     */
    private static long notCsvPlain(long word) {
        long quote = word ^ ('"' * ONES);
        long comma = word ^ (',' * ONES);
        return (word | ((word - 0x20 * ONES) & ~word) | ((quote - ONES) & ~quote) | ((comma - ONES) & ~comma))
                & HIGH_BITS;
    }

    /** Whether id {@code row} equals {@code id}. */
    boolean equalsAt(int row, String id) {
        long w = where[row];
        if (w < 0) {
            int form = form(w);
            byte[] prefix = prefixes[form];
            int length = prefix.length + widths[form];
            if (id.length() != length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (prefix[i] != id.charAt(i)) {
                    return false;
                }
            }
            long value = w & VALUE_MASK;
            for (int i = length - 1; i >= prefix.length; i--, value /= 10) {
                if (id.charAt(i) != '0' + (int) (value % 10)) {
                    return false;
                }
            }
            return true;
        }
        byte[] c = chunks[(int) (w >>> CHUNK_BITS)];
        int p = (int) (w & (CHUNK - 1));
        int header = header(c, p);
        p += headerSize(header);
        int length = header >>> 1;
        if (length != id.length()) {
            return false;
        }
        if ((header & 1) == 0) {
            for (int i = 0; i < length; i++) {
                if ((c[p + i] & 0xFF) != id.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < length; i++, p += 2) {
            if ((char) (((c[p] & 0xFF) << 8) | (c[p + 1] & 0xFF)) != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every id is numbered and each is above the one before (as {@code where} words: same form,
     * greater value), so that all are distinct: one sequential pass, no hashing.
     */
    boolean numberedAndIncreasing() {
        long previous = NUMBERED;
        for (int row = 0; row < size; row++) {
            long w = where[row];
            if (w >= 0 || (row > 0 && w <= previous)) {
                return false;
            }
            previous = w;
        }
        return true;
    }

    /** A 64-bit hash of id {@code row}, the same for equal ids (the same text is held the same way). */
    long hash(int row) {
        long w = where[row];
        if (w < 0) {
            return finish(w * 0x9E3779B97F4A7C15L);
        }
        byte[] c = chunks[(int) (w >>> CHUNK_BITS)];
        int p = (int) (w & (CHUNK - 1));
        int header = header(c, p);
        int end = p + headerSize(header) + ((header & 1) == 0 ? header >>> 1 : header & ~1);
        long h = (end - p) * 0x9E3779B97F4A7C15L;
        int i = p;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            h = (h ^ (long) WORDS.get(c, i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        long tail = 0;
        for (int k = end - 1; k >= i; k--) {
            tail = (tail << 8) | (c[k] & 0xFF);
        }
        return finish(h ^ tail);
    }

    private static long finish(long h) {
        h *= 0x94D049BB133111EBL;
        return h ^ (h >>> 29);
    }

    /** Whether ids {@code a} and {@code b} are equal. */
    boolean sameAt(int a, int b) {
        long wa = where[a];
        long wb = where[b];
        if (wa < 0 || wb < 0) {
            return wa == wb; // the same text is always held the same way
        }
        byte[] ca = chunks[(int) (wa >>> CHUNK_BITS)];
        byte[] cb = chunks[(int) (wb >>> CHUNK_BITS)];
        int pa = (int) (wa & (CHUNK - 1));
        int pb = (int) (wb & (CHUNK - 1));
        int ha = header(ca, pa);
        if (ha != header(cb, pb)) {
            return false;
        }
        int size = headerSize(ha);
        int bytes = (ha & 1) == 0 ? ha >>> 1 : ha & ~1; // Latin-1: a byte a character; UTF-16: two
        return Arrays.equals(ca, pa + size, pa + size + bytes, cb, pb + size, pb + size + bytes);
    }

    /**
     * The {@code where} word of the numbered id {@code b[from .. to)} (ASCII), making its form if
     * needed; 0 when the id is not numbered (no digits at its end, too many of them, or a prefix too
     * long or not ASCII) or a new form would be one too many.
     */
    private long numbered(byte[] b, int from, int to) {
        int digitsFrom = to;
        while (digitsFrom > from && b[digitsFrom - 1] >= '0' && b[digitsFrom - 1] <= '9') {
            digitsFrom--;
        }
        int width = to - digitsFrom;
        int prefix = digitsFrom - from;
        if (width == 0 || width > MAX_DIGITS || prefix > MAX_PREFIX) {
            return 0;
        }
        int form = lastForm;
        if (form >= forms
                || widths[form] != width
                || !Arrays.equals(prefixes[form], 0, prefixes[form].length, b, from, digitsFrom)) {
            form = findForm(b, from, digitsFrom, width);
            if (form < 0) {
                return 0;
            }
            lastForm = form;
        }
        long value = 0;
        for (int i = digitsFrom; i < to; i++) {
            value = value * 10 + (b[i] - '0');
        }
        return NUMBERED | (long) form << VALUE_BITS | value;
    }

    /** The form of prefix {@code b[from .. to)} with {@code width} digits, made when new; -1 when none can be. */
    private int findForm(byte[] b, int from, int to, int width) {
        for (int f = 0; f < forms; f++) {
            if (widths[f] == width && Arrays.equals(prefixes[f], 0, prefixes[f].length, b, from, to)) {
                return f;
            }
        }
        boolean isPlain = true;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c < 0) {
                return -1; // not ASCII: held as bytes
            }
            isPlain &= c >= 0x20 && c != '"' && c != ',';
        }
        if (forms == MAX_FORMS) {
            return -1;
        }
        prefixes[forms] = Arrays.copyOfRange(b, from, to);
        widths[forms] = width;
        plain[forms] = isPlain;
        return forms++;
    }

    private static int form(long w) {
        return (int) (w >>> VALUE_BITS) & (MAX_FORMS - 1);
    }

    /** Writes the text of numbered id {@code w} into {@code dst} at {@code at}. */
    private void writeNumbered(long w, byte[] dst, int at) {
        int form = form(w);
        byte[] prefix = prefixes[form];
        System.arraycopy(prefix, 0, dst, at, prefix.length);
        long value = w & VALUE_MASK;
        for (int i = at + prefix.length + widths[form] - 1; i >= at + prefix.length; i--, value /= 10) {
            dst[i] = (byte) ('0' + (int) (value % 10));
        }
    }

    /** The varint at {@code c[p]}: the id's length times two, plus one when it is stored as UTF-16. */
    private static int header(byte[] c, int p) {
        int header = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = c[p++];
            header |= (b & 0x7F) << shift;
            if (b >= 0) {
                return header;
            }
        }
    }

    private static int headerSize(int header) {
        int size = 1;
        while ((header >>>= 7) != 0) {
            size++;
        }
        return size;
    }

    /**
     * Starts entry {@code size} with room for {@code bytes} bytes after its {@code header}: records
     * where it is and writes the header; returns the position in {@link #current} for the bytes.
     */
    private int begin(int bytes, int header) {
        if (current == null || used + MAX_HEADER + bytes > current.length) {
            newChunk(MAX_HEADER + bytes);
        }
        if (size == where.length) {
            where = Arrays.copyOf(where, size + (size >> 1) + 16);
        }
        where[size] = ((long) (chunkCount - 1) << CHUNK_BITS) | used;
        byte[] c = current;
        int p = used;
        for (; ; header >>>= 7) { // a varint
            if ((header & ~0x7F) == 0) {
                c[p++] = (byte) header;
                return p;
            }
            c[p++] = (byte) ((header & 0x7F) | 0x80);
        }
    }

    /**
     * Drops spare capacity once every id is in; a little slack (at most a sixteenth, as when sized from
     * an estimate) is kept rather than copied into fresh memory.
     */
    void trim() {
        if (where.length - size > where.length >> 4) {
            where = Arrays.copyOf(where, size);
        }
        if (current != null && used < current.length) {
            chunks[chunkCount - 1] = current = Arrays.copyOf(current, used);
        }
        chunks = Arrays.copyOf(chunks, chunkCount);
    }

    private void newChunk(int atLeast) {
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        // the first chunks start small so that small datasets stay small
        int length = Math.max(atLeast, Math.min(CHUNK, 1024 << Math.min(chunkCount, 14)));
        current = new byte[length];
        chunks[chunkCount++] = current;
        used = 0;
    }
}
