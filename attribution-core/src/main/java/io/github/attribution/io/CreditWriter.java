package io.github.attribution.io;

import io.github.attribution.Credit;
import io.github.attribution.CreditTable;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.internal.DatasetAccess;
import io.github.attribution.internal.Escaping;
import io.github.attribution.internal.JsonWriter;
import io.github.attribution.internal.Numbers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Streams the rows of {@code attribute} (docs/data.md) as CSV or JSON, one {@link CreditTable}
 * block at a time:
 *
 * <pre>model,opportunity_id,touchpoint_id,channel,campaign,weight,credit,currency</pre>
 *
 * <p>Weights have 12 digits after the point, credits the currency's minor-unit digits; an
 * unattributed opportunity has one row with an empty touchpoint id (JSON {@code null}), channel
 * {@value Credit#UNATTRIBUTED}, an empty campaign, weight 1 and the whole amount. CSV has a header
 * row, LF line endings and quotes only where needed; JSON is an array of objects with the same keys,
 * weight and credit as exact JSON numbers.
 *
 * <p>{@link #render} turns a block into UTF-8 bytes and may run on any thread (the engine's workers
 * render blocks in parallel); {@link #write(Rendered)} appends rendered blocks in order. Give it a
 * buffered stream. {@link #finish()} ends the output (the JSON array) and flushes; it does not close
 * the stream. Rendering is thread-safe; writing is not.
 */
public final class CreditWriter {
    /** The columns, in order. */
    public static final List<String> COLUMNS =
            List.of("model", "opportunity_id", "touchpoint_id", "channel", "campaign", "weight", "credit", "currency");

    /** The output formats. */
    public enum Format {
        CSV,
        JSON;

        /**
         * {@code csv} or {@code json}, case-insensitive.
         *
         * @throws IllegalArgumentException for anything else
         */
        public static Format parse(String text) {
            switch (text.toLowerCase(Locale.ROOT)) {
                case "csv":
                    return CSV;
                case "json":
                    return JSON;
                default:
                    throw new IllegalArgumentException("format must be csv or json: '" + text + "'");
            }
        }
    }

    /**
     * One block's rows as UTF-8 bytes, {@code bytes[0..length)}; JSON rows each start with {@code
     * ",\n"}. The array is the writer's to reuse once the block is written.
     */
    public record Rendered(byte[] bytes, int length, int rows) {}

    private static final long WEIGHT_SCALE = 1_000_000_000_000L;
    private static final int SPARE_BUFFERS = 8;
    private static final DatasetAccess.Hooks DATASET = DatasetAccess.hooks();
    /** At most this many pairs of channel and campaign get a {@code ,channel,campaign,} slot. */
    private static final int MAX_PAIRS = 1 << 15;
    /** The bytes of a slot of {@link Names#middles}: eight words. */
    private static final int MIDDLE_SLOT = 64;
    /** Room kept for a touch id in the buffer; longer ones take the slow way. */
    private static final int ID_ROOM = 64;
    /** {@code "00" .. "99"}, for writing digits two at a time. */
    private static final byte[] DIGIT_PAIRS = new byte[200];
    /** Eight or four bytes of a byte array at once, byte 0 the lowest; unaligned is fine. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private final OutputStream out;
    private final Format format;
    /** Whether text fields that a spreadsheet would take for a formula get a leading apostrophe. */
    private final boolean formulaSafe;

    private final Queue<byte[]> spare = new ConcurrentLinkedQueue<>(); // written blocks' buffers
    private volatile Names names;
    private long rows;
    private boolean finished;

    /** Writes to {@code out} in {@code format}; the CSV header (or the JSON array's start) at once. */
    public CreditWriter(OutputStream out, Format format) {
        this(out, format, false);
    }

    /**
     * Writes to {@code out} in {@code format}; with {@code formulaSafe}, CSV text fields that a
     * spreadsheet would evaluate as a formula ({@link Escaping#looksLikeFormula}: starting with {@code
     * =}, {@code +}, {@code -}, {@code @}, a tab or a CR, and not a plain number) are written with a
     * leading apostrophe. Off by default: the CSV then holds every value exactly as read.
     */
    public CreditWriter(OutputStream out, Format format, boolean formulaSafe) {
        this.out = Objects.requireNonNull(out, "out must not be null");
        this.format = Objects.requireNonNull(format, "format must not be null");
        this.formulaSafe = formulaSafe && format == Format.CSV;
        emit(format == Format.CSV ? String.join(",", COLUMNS) + "\n" : "[");
    }

    /**
     * Writes every row of {@code table}, with {@code model} in the {@code model} column (the model as
     * the user spelled it, such as {@code time-decay:half-life-days=14}).
     */
    public void write(String model, CreditTable table) {
        write(render(model, table));
    }

    /**
     * Renders every row of {@code table} with {@code model} in the {@code model} column. Thread-safe:
     * reads the table and the dataset only.
     */
    public Rendered render(String model, CreditTable table) {
        Objects.requireNonNull(model, "model must not be null");
        return format == Format.CSV ? renderCsv(model, table) : renderJson(model, table);
    }

    private Rendered renderJson(String model, CreditTable table) {
        Dataset data = table.dataset();
        StringBuilder sb = new StringBuilder(table.rowCount() * 96 + 64);
        JsonWriter json = new JsonWriter(sb);
        StringBuilder number = new StringBuilder(24);
        int count = 0;
        try {
            for (int o = table.firstOpportunity(); o < table.endOpportunity(); o++) {
                String opp = data.opportunityId(o);
                Currency currency = data.currency(o);
                String code = currency.getCurrencyCode();
                for (int r = table.rowStart(o); r < table.rowEnd(o); r++) {
                    int t = table.touch(r);
                    sb.append(",\n"); // rows of one array spread over blocks: each row starts with its comma
                    json.beginObject()
                            .name("model")
                            .string(model)
                            .name("opportunity_id")
                            .string(opp)
                            .name("touchpoint_id")
                            .string(t < 0 ? null : data.touchId(t))
                            .name("channel")
                            .string(t < 0 ? Credit.UNATTRIBUTED : data.channelName(data.touchChannel(t)))
                            .name("campaign")
                            .string(t < 0 ? "" : data.campaignName(data.touchCampaign(t)));
                    number.setLength(0);
                    Numbers.appendWeight(number, table.weight(r));
                    json.name("weight").number(number);
                    number.setLength(0);
                    Numbers.appendMoney(number, table.credit(r), currency);
                    json.name("credit")
                            .number(number)
                            .name("currency")
                            .string(code)
                            .endObject();
                    count++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        return new Rendered(bytes, bytes.length, count);
    }

    /**
     * CSV straight into bytes. A row is put together from few pieces, each made once: {@code
     * model,opportunity,} once per opportunity, {@code ,channel,campaign,} once per dataset for each
     * pair of channel and campaign (see {@link Names}), {@code ,currency\n} once per currency. Between
     * them go the touch id, copied from the dataset's bytes and checked for quotes in the same pass
     * ({@code DatasetAccess.Hooks#copyTouchIdCsv}), and the two numbers, written without a chain of divisions by
     * ten ({@link #putWeight}, {@link #putMoney}). Anything unusual (ids to quote or not ASCII, weights
     * outside [0, 1], other fraction digits, {@link Long#MIN_VALUE}) takes the general way, so the
     * bytes are the same for every input. The buffer comes from those already written.
     */
    private Rendered renderCsv(String model, CreditTable table) {
        Dataset data = table.dataset();
        Names names = names(data);
        byte[] modelField = csvBytes(model, formulaSafe);
        byte[] buf = takeBuffer(table.rowCount() * 100 + 256);
        byte[] prefix = Arrays.copyOf(modelField, modelField.length + 64); // model,opportunity,
        prefix[modelField.length] = ',';
        int pos = 0;
        int count = 0;
        for (int o = table.firstOpportunity(); o < table.endOpportunity(); o++) {
            String opportunity = data.opportunityId(o);
            int prefixLength = formulaSafe && Escaping.looksLikeFormula(opportunity)
                    ? -1
                    : putPlainField(prefix, modelField.length + 1, opportunity);
            if (prefixLength < 0) { // rare: non-ASCII, to be quoted or long
                byte[] field = csvBytes(opportunity, formulaSafe);
                prefixLength = modelField.length + 1 + field.length + 1;
                if (prefix.length < prefixLength) {
                    prefix = Arrays.copyOf(prefix, prefixLength + 64);
                }
                System.arraycopy(field, 0, prefix, modelField.length + 1, field.length);
                prefix[prefixLength - 1] = ',';
            }
            int currency = data.currencyIndex(o);
            byte[] end = names.ends[currency];
            int digits = names.digits[currency];
            // a row but its touch id: at most the prefix, the longest ",channel,campaign," (or the 64
            // bytes its copy writes), two numbers of at most 21 bytes with a comma between and the end
            int rest = prefixLength + Math.max(MIDDLE_SLOT, names.longestMiddle) + 2 * 21 + 1 + end.length;
            for (int r = table.rowStart(o); r < table.rowEnd(o); r++) {
                if (buf.length - pos < rest + ID_ROOM) {
                    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + rest + ID_ROOM));
                }
                System.arraycopy(prefix, 0, buf, pos, prefixLength);
                pos += prefixLength;
                int t = table.touch(r);
                if (t < 0) {
                    pos = put(buf, pos, names.unattributed);
                } else {
                    int copied = DATASET.copyTouchIdCsv(data, t, buf, pos);
                    if (formulaSafe
                            && copied > 0
                            && formulaStart(buf[pos])
                            && Escaping.looksLikeFormula(data.touchId(t))) {
                        copied = -1; // the general way adds the apostrophe (tabs and CRs take it anyway)
                    }
                    if (copied >= 0 && copied <= ID_ROOM) {
                        pos += copied;
                    } else { // rare: non-ASCII, to be quoted or long
                        byte[] id = csvBytes(data.touchId(t), formulaSafe);
                        if (buf.length - pos < id.length + rest) {
                            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + id.length + rest));
                        }
                        System.arraycopy(id, 0, buf, pos, id.length);
                        pos += id.length;
                    }
                    pos = names.putMiddle(buf, pos, data.touchChannel(t), data.touchCampaign(t));
                }
                pos = putWeight(buf, pos, table.weight(r));
                buf[pos++] = ',';
                long credit = table.credit(r);
                if (credit == Long.MIN_VALUE) { // cannot be negated
                    pos = put(buf, pos, Money.format(credit, data.currency(o)).getBytes(StandardCharsets.US_ASCII));
                } else {
                    pos = putMoney(buf, pos, credit, digits);
                }
                System.arraycopy(end, 0, buf, pos, end.length);
                pos += end.length;
                count++;
            }
        }
        return new Rendered(buf, pos, count);
    }

    /** Appends a rendered block; blocks must come in output order. */
    public void write(Rendered block) {
        if (finished) {
            throw new IllegalStateException("the output is already finished");
        }
        byte[] bytes = block.bytes();
        int length = block.length();
        // the very first JSON row has no separating comma
        int skip = format == Format.JSON && rows == 0 && length > 0 ? 1 : 0;
        try {
            out.write(bytes, skip, length - skip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows += block.rows();
        if (format == Format.CSV && spare.size() < SPARE_BUFFERS) {
            spare.offer(bytes);
        }
    }

    /** The number of rows written so far. */
    public long rows() {
        return rows;
    }

    /** Ends the output (closes the JSON array) and flushes the writer. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (format == Format.JSON) {
            emit(rows == 0 ? "]\n" : "\n]\n");
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A dataset's names, escaped for CSV and encoded, made once for all blocks: {@code ,channel} and
     * {@code ,campaign} by id, {@code ,currency\n} and the fraction digits by currency index and, when
     * there are at most {@value #MAX_PAIRS} pairs of channel and campaign (tens of channels and
     * hundreds of campaigns are usual), {@code ,channel,campaign,} for every pair, in a slot of {@value
     * #MIDDLE_SLOT} bytes of one array, so that a row copies one fixed-size slot for both names.
     */
    private static final class Names {
        final Dataset data;
        final byte[][] channels;
        final byte[][] campaigns;
        /** Slot {@code channel * campaigns.length + campaign}; null when there are too many pairs. */
        final byte[] middles;
        /** The length of each slot's text; -1 for a pair too long for its slot. */
        final int[] middleLengths;

        final byte[] unattributed;
        final int longestMiddle;
        final byte[][] ends;
        final int[] digits;

        Names(Dataset data, boolean formulaSafe) {
            this.data = data;
            channels = new byte[data.channelCount()][];
            int longestChannel = 0;
            for (int c = 0; c < channels.length; c++) {
                channels[c] = bytes(",", csvBytes(data.channelName(c), formulaSafe), "");
                longestChannel = Math.max(longestChannel, channels[c].length);
            }
            campaigns = new byte[data.campaignCount()][];
            int longestCampaign = 0;
            for (int c = 0; c < campaigns.length; c++) {
                campaigns[c] = bytes(",", csvBytes(data.campaignName(c), formulaSafe), "");
                longestCampaign = Math.max(longestCampaign, campaigns[c].length);
            }
            if ((long) channels.length * campaigns.length <= MAX_PAIRS) {
                middles = new byte[channels.length * campaigns.length * MIDDLE_SLOT];
                middleLengths = new int[channels.length * campaigns.length];
                for (int ch = 0; ch < channels.length; ch++) {
                    for (int ca = 0; ca < campaigns.length; ca++) {
                        int pair = ch * campaigns.length + ca;
                        int length = channels[ch].length + campaigns[ca].length + 1;
                        if (length > MIDDLE_SLOT) {
                            middleLengths[pair] = -1;
                            continue;
                        }
                        int at = put(middles, pair * MIDDLE_SLOT, channels[ch]);
                        at = put(middles, at, campaigns[ca]);
                        middles[at] = ',';
                        middleLengths[pair] = length;
                    }
                }
            } else {
                middles = null;
                middleLengths = null;
            }
            unattributed = bytes(",", csvBytes(Credit.UNATTRIBUTED, false), ",,");
            longestMiddle = Math.max(longestChannel + longestCampaign + 1, unattributed.length);
            List<Currency> currencies = data.currencies();
            ends = new byte[currencies.size()][];
            digits = new int[currencies.size()];
            for (int c = 0; c < ends.length; c++) {
                ends[c] = bytes(",", csvBytes(currencies.get(c).getCurrencyCode(), false), "\n");
                digits[c] = Money.fractionDigits(currencies.get(c));
            }
        }

        /**
         * Writes {@code ,channel,campaign,} at {@code at}; returns its end. Copies the pair's whole
         * slot, eight word moves, which cost less than a call to {@link System#arraycopy} for the
         * exact length: the bytes after the end are left over, to be overwritten by the fields that
         * follow (a block is written front to back and its length ends it), and a row's room in the
         * buffer covers them. Pairs without a slot copy the two names.
         */
        int putMiddle(byte[] dst, int at, int channel, int campaign) {
            if (middles != null) {
                int pair = channel * campaigns.length + campaign;
                int length = middleLengths[pair];
                if (length >= 0) {
                    int from = pair * MIDDLE_SLOT;
                    for (int i = 0; i < MIDDLE_SLOT; i += Long.BYTES) {
                        LONGS.set(dst, at + i, (long) LONGS.get(middles, from + i));
                    }
                    return at + length;
                }
            }
            at = put(dst, at, channels[channel]);
            at = put(dst, at, campaigns[campaign]);
            dst[at] = ',';
            return at + 1;
        }
    }

    private Names names(Dataset data) {
        Names n = names;
        if (n == null || n.data != data) {
            n = new Names(data, formulaSafe);
            names = n; // racing renderers build equal tables; any of them will do
        }
        return n;
    }

    private byte[] takeBuffer(int atLeast) {
        byte[] buf = spare.poll();
        return buf != null && buf.length >= atLeast ? buf : new byte[atLeast];
    }

    private static boolean formulaStart(byte b) {
        return b == '=' || b == '+' || b == '-' || b == '@';
    }

    private static byte[] csvBytes(String value, boolean formulaSafe) {
        StringBuilder sb = new StringBuilder(value.length() + 2);
        Escaping.appendCsv(sb, formulaSafe ? Escaping.formulaSafe(value) : value);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code before}, {@code middle} and {@code after} (ASCII text) in one array. */
    private static byte[] bytes(String before, byte[] middle, String after) {
        byte[] b = before.getBytes(StandardCharsets.US_ASCII);
        byte[] a = after.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(b, b.length + middle.length + a.length);
        System.arraycopy(middle, 0, all, b.length, middle.length);
        System.arraycopy(a, 0, all, b.length + middle.length, a.length);
        return all;
    }

    /**
     * Writes {@code text} and a comma at {@code at} when it is its own CSV field (ASCII without comma,
     * quote, CR, LF) and fits; returns the end, or -1 when not.
     */
    private static int putPlainField(byte[] dst, int at, String text) {
        int length = text.length();
        if (dst.length - at < length + 1) {
            return -1;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == ',' || c == '"' || c == '\n' || c == '\r') {
                return -1;
            }
            dst[at + i] = (byte) c;
        }
        dst[at + length] = ',';
        return at + length + 1;
    }

    private static int put(byte[] dst, int at, byte[] src) {
        System.arraycopy(src, 0, dst, at, src.length);
        return at + src.length;
    }

    /** Writes {@code 0 <= pair < 100} as two digits. */
    private static void putPair(byte[] b, int at, int pair) {
        b[at] = DIGIT_PAIRS[2 * pair];
        b[at + 1] = DIGIT_PAIRS[2 * pair + 1];
    }

    /**
     * A weight with exactly 12 digits after the point, rounded as {@link Text#weight} does. The
     * fraction of a weight in {@code [0, 1]} is split by a division by a constant (a multiplication)
     * into its first 4 and last 8 digits, and each part becomes ASCII in a few register operations
     * (see {@link #eightDigits}) and one store, instead of a chain of 12 divisions by ten and 12
     * single-byte stores. Anything else (no model makes it) goes the general way.
     */
    private static int putWeight(byte[] b, int at, double weight) {
        long scaled = Math.round(weight * WEIGHT_SCALE);
        if (scaled < 0 || scaled > WEIGHT_SCALE) {
            return putFixed(b, at, scaled, 12);
        }
        int whole = scaled == WEIGHT_SCALE ? 1 : 0;
        long fraction = scaled - whole * WEIGHT_SCALE;
        long first = fraction / 100_000_000;
        b[at] = (byte) ('0' + whole);
        b[at + 1] = '.';
        INTS.set(b, at + 2, fourDigits((int) first));
        LONGS.set(b, at + 6, eightDigits(fraction - first * 100_000_000));
        return at + 14;
    }

    /** {@code 0 <= value < 10^4} as four ASCII digits in an int, the first digit in the lowest byte. */
    static int fourDigits(int value) {
        int hundreds = (value * 10486) >>> 20; // value / 100 for value < 43,699
        int pairs = hundreds | ((value - hundreds * 100) << 16); // two 16-bit lanes of 0..99
        int tens = ((pairs * 103) >>> 10) & 0x000F_000F; // lane / 10 for lanes < 179
        return (tens | ((pairs - tens * 10) << 8)) + 0x3030_3030;
    }

    /**
     * {@code 0 <= value < 10^8} as eight ASCII digits in a long, the first digit in the lowest byte.
     * SIMD within a register: the two halves of 4 digits go into 32-bit lanes, each lane is split
     * into 16-bit lanes of 2 digits and those into bytes of 1, every lane at once. A division by 100
     * or 10 of a small lane is a multiplication and a shift (10486 / 2^20 and 103 / 2^10, exact in the
     * ranges used) whose product stays within its lane.
     */
    static long eightDigits(long value) {
        long high = value / 10_000;
        long quads = high | ((value - high * 10_000) << 32);
        long hundreds = ((quads * 10486) >>> 20) & 0x0000_007F_0000_007FL;
        long pairs = hundreds | ((quads - hundreds * 100) << 16);
        long tens = ((pairs * 103) >>> 10) & 0x000F_000F_000F_000FL;
        return (tens | ((pairs - tens * 10) << 8)) + 0x3030_3030_3030_3030L;
    }

    /**
     * {@code minor / 10^digits} with exactly {@code digits} digits after the point, for {@code minor >
     * Long.MIN_VALUE}: the usual 0, 2 and 3 digits divide by constants, others the general way.
     */
    private static int putMoney(byte[] b, int at, long minor, int digits) {
        if (minor < 0) {
            b[at++] = '-';
            minor = -minor;
        }
        switch (digits) {
            case 2: {
                long whole = minor / 100;
                at = putDecimal(b, at, whole);
                b[at] = '.';
                putPair(b, at + 1, (int) (minor - whole * 100));
                return at + 3;
            }
            case 0:
                return putDecimal(b, at, minor);
            case 3: {
                long whole = minor / 1000;
                int fraction = (int) (minor - whole * 1000);
                at = putDecimal(b, at, whole);
                int hundreds = fraction / 100;
                b[at] = '.';
                b[at + 1] = (byte) ('0' + hundreds);
                putPair(b, at + 2, fraction - hundreds * 100);
                return at + 4;
            }
            default:
                return putFixed(b, at, minor, digits);
        }
    }

    /**
     * The number of decimal digits of {@code value >= 0}. The bit length times log10(2) (1233 / 4096)
     * is the digit count or one less; one comparison settles which. {@code value | 1} has as many digits
     * as {@code value} and makes 0 count as one digit.
     */
    private static int decimalLength(long value) {
        long v = value | 1;
        int guess = ((64 - Long.numberOfLeadingZeros(v)) * 1233) >>> 12;
        return guess + (v >= Numbers.powerOfTen(guess) ? 1 : 0);
    }

    /** Writes {@code value >= 0} in decimal, two digits at a time from the right; returns the end. */
    private static int putDecimal(byte[] b, int at, long value) {
        int end = at + decimalLength(value);
        int i = end;
        while (value > Integer.MAX_VALUE) {
            long q = value / 100;
            i -= 2;
            putPair(b, i, (int) (value - q * 100));
            value = q;
        }
        int v = (int) value; // int divisions are cheaper
        while (v >= 100) {
            int q = v / 100;
            i -= 2;
            putPair(b, i, v - q * 100);
            v = q;
        }
        if (v >= 10) {
            putPair(b, i - 2, v);
        } else {
            b[i - 1] = (byte) ('0' + v);
        }
        return end;
    }

    /**
     * {@code value / 10^digits} with exactly {@code digits} digits after the point, as {@link Text}
     * writes it: the general way, digit by digit, for what the fast ways above leave out.
     */
    private static int putFixed(byte[] b, int at, long value, int digits) {
        if (value < 0) {
            b[at++] = '-';
            value = -value;
        }
        long whole = digits == 0 ? value : value / Numbers.powerOfTen(digits);
        at = putDecimalSlowly(b, at, whole);
        if (digits > 0) {
            long fraction = value - whole * Numbers.powerOfTen(digits);
            b[at] = '.';
            for (int i = digits; i > 0; i--) {
                b[at + i] = (byte) ('0' + fraction % 10);
                fraction /= 10;
            }
            at += digits + 1;
        }
        return at;
    }

    private static int putDecimalSlowly(byte[] b, int at, long value) {
        int length = 1;
        for (long v = value / 10; v > 0; v /= 10) {
            length++;
        }
        for (int i = at + length - 1; i >= at; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + length;
    }

    private void emit(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
