package io.github.attribution.io;

import io.github.attribution.Credit;
import io.github.attribution.CreditTable;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.internal.Escaping;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Streams the rows of {@code attribute} (data-and-cli.md) as CSV or JSON, one {@link CreditTable}
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
    private static final byte[] NO_BYTES = {};
    private static final int SPARE_BUFFERS = 8;

    private final OutputStream out;
    private final Format format;
    private final Queue<byte[]> spare = new ConcurrentLinkedQueue<>(); // written blocks' buffers
    private volatile Names names;
    private long rows;
    private boolean finished;

    /** Writes to {@code out} in {@code format}; the CSV header (or the JSON array's start) at once. */
    public CreditWriter(OutputStream out, Format format) {
        this.out = Objects.requireNonNull(out, "out must not be null");
        this.format = Objects.requireNonNull(format, "format must not be null");
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
        int count = 0;
        for (int o = table.firstOpportunity(); o < table.endOpportunity(); o++) {
            String opp = data.opportunityId(o);
            Currency currency = data.currency(o);
            String code = currency.getCurrencyCode();
            for (int r = table.rowStart(o); r < table.rowEnd(o); r++) {
                int t = table.touch(r);
                String touch = t < 0 ? null : data.touchId(t);
                String channel = t < 0 ? Credit.UNATTRIBUTED : data.channelName(data.touchChannel(t));
                String campaign = t < 0 ? "" : data.campaignName(data.touchCampaign(t));
                jsonRow(sb, model, opp, touch, channel, campaign, table.weight(r), table.credit(r), currency, code);
                count++;
            }
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        return new Rendered(bytes, bytes.length, count);
    }

    /**
     * CSV straight into bytes: the names of channels and campaigns are escaped and encoded once per
     * dataset, an opportunity's id and currency once per opportunity, touch ids are copied as bytes,
     * numbers are written digit by digit. The buffer comes from those already written.
     */
    private Rendered renderCsv(String model, CreditTable table) {
        Dataset data = table.dataset();
        Names names = names(data);
        byte[] modelField = csvBytes(model);
        byte[] buf = takeBuffer(table.rowCount() * 100 + 256);
        int pos = 0;
        int count = 0;
        Currency currency = null;
        byte[] code = null;
        int digits = 0;
        for (int o = table.firstOpportunity(); o < table.endOpportunity(); o++) {
            byte[] opp = csvBytes(data.opportunityId(o));
            if (data.currency(o) != currency) {
                currency = data.currency(o);
                code = csvBytes(currency.getCurrencyCode());
                digits = Money.fractionDigits(currency);
            }
            for (int r = table.rowStart(o); r < table.rowEnd(o); r++) {
                int t = table.touch(r);
                byte[] channel = t < 0 ? names.unattributed : names.channels[data.touchChannel(t)];
                byte[] campaign = t < 0 ? NO_BYTES : names.campaigns[data.touchCampaign(t)];
                // everything but the touch id: 5 commas, a newline, 2 numbers of at most 21 bytes
                int fixed = modelField.length + opp.length + channel.length + campaign.length + code.length + 64;
                if (buf.length - pos < fixed + 64) {
                    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + fixed + 64));
                }
                pos = put(buf, pos, modelField);
                buf[pos++] = ',';
                pos = put(buf, pos, opp);
                buf[pos++] = ',';
                if (t >= 0) {
                    int copied = data.copyTouchIdAscii(t, buf, pos);
                    if (copied < 0 || needsQuotes(buf, pos, copied)) {
                        byte[] id = csvBytes(data.touchId(t)); // rare: non-ASCII or to be quoted
                        if (buf.length - pos < id.length + fixed) {
                            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + id.length + fixed));
                        }
                        pos = put(buf, pos, id);
                    } else {
                        pos += copied;
                    }
                    if (buf.length - pos < fixed) {
                        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + fixed));
                    }
                }
                buf[pos++] = ',';
                pos = put(buf, pos, channel);
                buf[pos++] = ',';
                pos = put(buf, pos, campaign);
                buf[pos++] = ',';
                pos = putFixed(buf, pos, Math.round(table.weight(r) * WEIGHT_SCALE), 12);
                buf[pos++] = ',';
                long credit = table.credit(r);
                if (credit == Long.MIN_VALUE) {
                    pos = put(buf, pos, Money.format(credit, currency).getBytes(StandardCharsets.US_ASCII));
                } else {
                    pos = putFixed(buf, pos, credit, digits);
                }
                buf[pos++] = ',';
                pos = put(buf, pos, code);
                buf[pos++] = '\n';
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

    /** A dataset's channel and campaign names, escaped for CSV and encoded, by id. */
    private record Names(Dataset data, byte[][] channels, byte[][] campaigns, byte[] unattributed) {}

    private Names names(Dataset data) {
        Names n = names;
        if (n == null || n.data() != data) {
            byte[][] channels = new byte[data.channelCount()][];
            for (int c = 0; c < channels.length; c++) {
                channels[c] = csvBytes(data.channelName(c));
            }
            byte[][] campaigns = new byte[data.campaignCount()][];
            for (int c = 0; c < campaigns.length; c++) {
                campaigns[c] = csvBytes(data.campaignName(c));
            }
            n = new Names(data, channels, campaigns, csvBytes(Credit.UNATTRIBUTED));
            names = n; // racing renderers build equal tables; any of them will do
        }
        return n;
    }

    private byte[] takeBuffer(int atLeast) {
        byte[] buf = spare.poll();
        return buf != null && buf.length >= atLeast ? buf : new byte[atLeast];
    }

    private static byte[] csvBytes(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2);
        Escaping.appendCsv(sb, value);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean needsQuotes(byte[] b, int from, int length) {
        for (int i = from; i < from + length; i++) {
            byte c = b[i];
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private static int put(byte[] dst, int at, byte[] src) {
        System.arraycopy(src, 0, dst, at, src.length);
        return at + src.length;
    }

    /** {@code value / 10^digits} with exactly {@code digits} digits after the point, as {@link Text} writes it. */
    private static int putFixed(byte[] b, int at, long value, int digits) {
        if (value < 0) {
            b[at++] = '-';
            value = -value;
        }
        long whole = digits == 0 ? value : value / Text.POWERS[digits];
        at = putDecimal(b, at, whole);
        if (digits > 0) {
            long fraction = value - whole * Text.POWERS[digits];
            b[at] = '.';
            for (int i = digits; i > 0; i--) {
                b[at + i] = (byte) ('0' + fraction % 10);
                fraction /= 10;
            }
            at += digits + 1;
        }
        return at;
    }

    private static int putDecimal(byte[] b, int at, long value) {
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

    private static void jsonRow(
            StringBuilder sb,
            String model,
            String opp,
            String touch,
            String channel,
            String campaign,
            double weight,
            long credit,
            Currency currency,
            String code) {
        sb.append(",\n{\"model\":");
        Escaping.appendJson(sb, model);
        sb.append(",\"opportunity_id\":");
        Escaping.appendJson(sb, opp);
        sb.append(",\"touchpoint_id\":");
        Escaping.appendJson(sb, touch);
        sb.append(",\"channel\":");
        Escaping.appendJson(sb, channel);
        sb.append(",\"campaign\":");
        Escaping.appendJson(sb, campaign);
        sb.append(",\"weight\":");
        Text.appendWeight(sb, weight);
        sb.append(",\"credit\":");
        Text.appendMoney(sb, credit, currency);
        sb.append(",\"currency\":");
        Escaping.appendJson(sb, code);
        sb.append('}');
    }

    private void emit(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
