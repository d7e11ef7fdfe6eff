package io.github.attribution.io;

import io.github.attribution.Credit;
import io.github.attribution.CreditTable;
import io.github.attribution.data.Dataset;
import io.github.attribution.internal.Escaping;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

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

    /** One block's rows as UTF-8 bytes; JSON rows each start with {@code ",\n"}. */
    public record Rendered(byte[] bytes, int rows) {}

    private final OutputStream out;
    private final Format format;
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
                if (format == Format.CSV) {
                    csvRow(sb, model, opp, touch, channel, campaign, table.weight(r), table.credit(r), currency, code);
                } else {
                    jsonRow(sb, model, opp, touch, channel, campaign, table.weight(r), table.credit(r), currency, code);
                }
                count++;
            }
        }
        return new Rendered(sb.toString().getBytes(StandardCharsets.UTF_8), count);
    }

    /** Appends a rendered block; blocks must come in output order. */
    public void write(Rendered block) {
        if (finished) {
            throw new IllegalStateException("the output is already finished");
        }
        byte[] bytes = block.bytes();
        // the very first JSON row has no separating comma
        int skip = format == Format.JSON && rows == 0 && bytes.length > 0 ? 1 : 0;
        try {
            out.write(bytes, skip, bytes.length - skip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows += block.rows();
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

    private static void csvRow(
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
        Escaping.appendCsv(sb, model);
        sb.append(',');
        Escaping.appendCsv(sb, opp);
        sb.append(',');
        Escaping.appendCsv(sb, touch);
        sb.append(',');
        Escaping.appendCsv(sb, channel);
        sb.append(',');
        Escaping.appendCsv(sb, campaign);
        sb.append(',');
        Text.appendWeight(sb, weight);
        sb.append(',');
        Text.appendMoney(sb, credit, currency);
        sb.append(',').append(code).append('\n');
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
