package io.github.attribution.report;

import io.github.attribution.data.Money;
import io.github.attribution.io.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of a {@link Report}: one {@link ReportRow} per group, totals per currency, marketing's
 * sourced and influenced revenue per currency, and notes on costs that could not be placed.
 *
 * <p><b>Order.</b> Rows are sorted by currency code, then by each dimension in spec order: names
 * ascending ({@link String#compareTo}), periods chronologically, touch types marketing before sales;
 * placeholders come after real values ({@link Report#NONE}, then {@link Report#UNMAPPED} and {@link
 * Report#UNALLOCATED}, then {@link Report#UNATTRIBUTED}).
 *
 * <p><b>Columns</b> ({@link #columns()}), for CSV, JSON and text alike:
 *
 * <ul>
 *   <li>one per dimension, named by {@link Dimension#label()}: {@code channel}, {@code source}, {@code
 *       campaign}, {@code offer}, {@code touch_type}, {@code original_source_channel}, {@code
 *       original_source_type}, {@code first_touch_channel}, {@code first_touch_type}, {@code month},
 *       {@code quarter}, {@code year};
 *   <li>{@code currency} (ISO 4217 code);
 *   <li>{@code pipeline}, {@code revenue}: money as plain decimals with the currency's digits ({@code
 *       1234.50}, JPY {@code 1235});
 *   <li>{@code opportunities}, {@code won}: fractional counts with 6 decimals;
 *   <li>{@code touches}: a whole number;
 *   <li>only when costs were given: {@code cost} (money), {@code cost_per_opportunity} and {@code cac}
 *       (cost per won deal; money-like decimals, half-up to the currency's digits), {@code roas} ({@code
 *       revenue / cost}) and {@code roi} ({@code (revenue - cost) / cost}, {@code -1.0000} is -100%),
 *       both half-up to 4 decimals; empty (JSON {@code null}) when undefined (no cost, no count).
 * </ul>
 *
 * With bootstrap intervals ({@link ReportAccumulator#intervals}), each of {@link #INTERVAL_COLUMNS}
 * is followed by its {@code _low} and {@code _high} bounds ({@code pipeline, pipeline_low,
 * pipeline_high, revenue, ...}) in the same units; the text form shows {@code value [low, high]}.
 *
 * CSV and JSON hold the group rows only, not the totals (so summing a column gives the total); the
 * text form adds the totals and marketing lines. Immutable and thread-safe.
 */
public final class ReportTable {
    private final String model;
    private final ReportSpec spec;
    private final boolean hasCosts;
    private final List<ReportRow> rows;
    private final List<ReportRow> totals;
    private final List<MarketingImpact> marketing;
    private final List<String> notes;
    private final Bootstrap.Settings intervals;
    private final List<Bounds> rowBounds;
    private final List<Bounds> totalBounds;

    /**
     * The bootstrap interval of each cell of a row that is a sum over opportunities ({@link
     * ReportAccumulator#intervals}): money in the row's currency (exact minor units), counts in
     * millionths like the row's, touches whole.
     *
     * @param pipelineLow lower bound of {@link ReportRow#pipeline()}
     * @param pipelineHigh upper bound of {@link ReportRow#pipeline()}
     * @param revenueLow lower bound of {@link ReportRow#revenue()}
     * @param revenueHigh upper bound of {@link ReportRow#revenue()}
     * @param opportunitiesLow lower bound of {@link ReportRow#opportunities()}
     * @param opportunitiesHigh upper bound of {@link ReportRow#opportunities()}
     * @param wonLow lower bound of {@link ReportRow#won()}
     * @param wonHigh upper bound of {@link ReportRow#won()}
     * @param touchesLow lower bound of {@link ReportRow#touches()}
     * @param touchesHigh upper bound of {@link ReportRow#touches()}
     */
    public record Bounds(
            Money pipelineLow,
            Money pipelineHigh,
            Money revenueLow,
            Money revenueHigh,
            BigDecimal opportunitiesLow,
            BigDecimal opportunitiesHigh,
            BigDecimal wonLow,
            BigDecimal wonHigh,
            long touchesLow,
            long touchesHigh) {
        /** The bounds as output values, low then high per cell, in column order. */
        List<String> values() {
            return List.of(
                    pipelineLow.amount().toPlainString(),
                    pipelineHigh.amount().toPlainString(),
                    revenueLow.amount().toPlainString(),
                    revenueHigh.amount().toPlainString(),
                    opportunitiesLow.toPlainString(),
                    opportunitiesHigh.toPlainString(),
                    wonLow.toPlainString(),
                    wonHigh.toPlainString(),
                    Long.toString(touchesLow),
                    Long.toString(touchesHigh));
        }
    }

    /** The columns that get {@code _low} and {@code _high} columns with intervals, in order. */
    public static final List<String> INTERVAL_COLUMNS =
            List.of("pipeline", "revenue", "opportunities", "won", "touches");

    ReportTable(
            String model,
            ReportSpec spec,
            boolean hasCosts,
            List<ReportRow> rows,
            List<ReportRow> totals,
            List<MarketingImpact> marketing,
            List<String> notes) {
        this(model, spec, hasCosts, rows, totals, marketing, notes, null, List.of(), List.of());
    }

    ReportTable(
            String model,
            ReportSpec spec,
            boolean hasCosts,
            List<ReportRow> rows,
            List<ReportRow> totals,
            List<MarketingImpact> marketing,
            List<String> notes,
            Bootstrap.Settings intervals,
            List<Bounds> rowBounds,
            List<Bounds> totalBounds) {
        this.intervals = intervals;
        this.rowBounds = List.copyOf(rowBounds);
        this.totalBounds = List.copyOf(totalBounds);
        this.model = model;
        this.spec = spec;
        this.hasCosts = hasCosts;
        this.rows = List.copyOf(rows);
        this.totals = List.copyOf(totals);
        this.marketing = List.copyOf(marketing);
        this.notes = List.copyOf(notes);
    }

    /** The model's name. */
    public String model() {
        return model;
    }

    /** What the report groups by. */
    public ReportSpec spec() {
        return spec;
    }

    /** Whether costs were given, which adds the cost columns. */
    public boolean hasCosts() {
        return hasCosts;
    }

    /** The groups, in the order stated in the class doc. */
    public List<ReportRow> rows() {
        return rows;
    }

    /**
     * One row per currency, sorted by code, every dimension {@link Report#TOTAL}: the sums of {@link
     * #rows()}, which equal the inputs exactly: pipeline the amounts of all opportunities, revenue those
     * of won ones, opportunities and won their numbers, cost the costs given.
     */
    public List<ReportRow> totals() {
        return totals;
    }

    /** Marketing's sourced, influenced and contributed won revenue, per currency sorted by code. */
    public List<MarketingImpact> marketing() {
        return marketing;
    }

    /** Notes on costs that could not be placed in a channel or period, for people; stable order. */
    public List<String> notes() {
        return notes;
    }

    /** The bootstrap settings, or null for a report without intervals. */
    public Bootstrap.Settings intervals() {
        return intervals;
    }

    /** The intervals of {@link #rows()}, one per row in the same order; empty without intervals. */
    public List<Bounds> rowBounds() {
        return rowBounds;
    }

    /** The intervals of {@link #totals()}, one per total in the same order; empty without intervals. */
    public List<Bounds> totalBounds() {
        return totalBounds;
    }

    /** The output column names, in order (see the class doc). */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(spec.labels());
        columns.add("currency");
        for (String c : INTERVAL_COLUMNS) {
            columns.add(c);
            if (intervals != null) {
                columns.add(c + "_low");
                columns.add(c + "_high");
            }
        }
        if (hasCosts) {
            columns.addAll(List.of("cost", "cost_per_opportunity", "cac", "roas", "roi"));
        }
        return columns;
    }

    /** The values of {@code row} as written to CSV, in {@link #columns()} order; "" for undefined. */
    public List<String> values(ReportRow row) {
        if (intervals == null) {
            return row.values(hasCosts);
        }
        int i = rows.indexOf(row);
        if (i < 0) {
            i = totals.indexOf(row);
            if (i < 0) {
                throw new IllegalArgumentException("not a row of this report: " + row);
            }
            return values(row, totalBounds.get(i).values());
        }
        return values(row, rowBounds.get(i).values());
    }

    private List<String> rowValues(int i) {
        ReportRow row = rows.get(i);
        return intervals == null
                ? row.values(hasCosts)
                : values(row, rowBounds.get(i).values());
    }

    /** The row's values with each bound pair after its cell. */
    private List<String> values(ReportRow row, List<String> bounds) {
        List<String> plain = row.values(hasCosts);
        int first = spec.dimensions().size() + 1;
        List<String> v = new ArrayList<>(plain.subList(0, first));
        for (int c = 0; c < INTERVAL_COLUMNS.size(); c++) {
            v.add(plain.get(first + c));
            v.add(bounds.get(2 * c));
            v.add(bounds.get(2 * c + 1));
        }
        v.addAll(plain.subList(first + INTERVAL_COLUMNS.size(), plain.size()));
        return v;
    }

    /** For text: each bounded cell as {@code value [low, high]}, grouped by thousands. */
    private List<String> textValues(ReportRow row, Bounds bounds) {
        List<String> plain = row.values(hasCosts);
        if (bounds == null) {
            return plain;
        }
        List<String> b = bounds.values();
        int first = spec.dimensions().size() + 1;
        List<String> v = new ArrayList<>(plain);
        for (int c = 0; c < INTERVAL_COLUMNS.size(); c++) {
            v.set(
                    first + c,
                    Text.grouped(plain.get(first + c)) + " [" + Text.grouped(b.get(2 * c)) + ", "
                            + Text.grouped(b.get(2 * c + 1)) + "]");
        }
        return v;
    }

    /** Writes a header and one CSV record per row (RFC 4180, LF line endings). */
    public void writeCsv(Appendable out) throws IOException {
        Objects.requireNonNull(out, "out must not be null");
        Formats.csvLine(out, columns());
        for (int i = 0; i < rows.size(); i++) {
            Formats.csvLine(out, rowValues(i));
        }
    }

    /** The CSV form as a string. */
    public String toCsv() {
        StringBuilder b = new StringBuilder();
        try {
            writeCsv(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    /**
     * Writes a JSON array with one object per row, one object per line: dimension values and {@code
     * currency} as strings, everything else as JSON numbers (exact decimals), {@code null} when
     * undefined.
     */
    public void writeJson(Appendable out) throws IOException {
        Objects.requireNonNull(out, "out must not be null");
        List<String> columns = columns();
        int text = spec.dimensions().size() + 1;
        out.append('[');
        for (int i = 0; i < rows.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n");
            out.append(Formats.jsonObject(columns, rowValues(i), text));
        }
        out.append(rows.isEmpty() ? "]\n" : "\n]\n");
    }

    /** The JSON form as a string. */
    public String toJson() {
        StringBuilder b = new StringBuilder();
        try {
            writeJson(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    /**
     * The table for a terminal: aligned columns, the rows, a rule, the totals per currency, then one
     * line per currency on marketing's sourced and influenced share, and the notes; for a terminal of
     * 100 columns ({@link #toText(int)}).
     */
    public String toText() {
        return toText(TextTable.DEFAULT_WIDTH);
    }

    /**
     * The table for a terminal {@code width} code points wide: when the columns do not fit, they are
     * shown in blocks, each starting with the dimension and currency columns. Amounts and counts are
     * grouped by thousands ({@code 1,262,060.00}).
     *
     * @throws IllegalArgumentException if {@code width} is not positive
     */
    public String toText(int width) {
        if (width <= 0) {
            throw new IllegalArgumentException("width must be positive: " + width);
        }
        List<String> columns = new ArrayList<>(spec.labels());
        columns.add("currency");
        columns.addAll(INTERVAL_COLUMNS);
        if (hasCosts) {
            columns.addAll(List.of("cost", "cost_per_opportunity", "cac", "roas", "roi"));
        }
        boolean[] right = new boolean[columns.size()];
        for (int i = spec.dimensions().size() + 1; i < right.length; i++) {
            right[i] = true;
        }
        TextTable t = new TextTable(columns, right);
        for (int i = 0; i < rows.size(); i++) {
            t.add(textValues(rows.get(i), intervals == null ? null : rowBounds.get(i)));
        }
        t.rule();
        for (int i = 0; i < totals.size(); i++) {
            t.add(textValues(totals.get(i), intervals == null ? null : totalBounds.get(i)));
        }
        StringBuilder b = new StringBuilder();
        b.append("Report of model ")
                .append(model)
                .append(spec.dimensions().isEmpty() ? "" : " by " + String.join(", ", spec.labels()))
                .append('\n');
        b.append(t.render(width, spec.dimensions().size() + 1));
        if (intervals != null) {
            b.append(intervals.describe())
                    .append(": ")
                    .append(String.join(", ", INTERVAL_COLUMNS))
                    .append(".\n");
        }
        if (!marketing.isEmpty()) {
            b.append('\n');
            marketing.forEach(m -> b.append(m.describe(model)).append('\n'));
        }
        if (!notes.isEmpty()) {
            b.append('\n');
            notes.forEach(n -> b.append("note: ").append(n).append('\n'));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "ReportTable[" + model + " by " + spec + ", " + rows.size() + " rows]";
    }
}
