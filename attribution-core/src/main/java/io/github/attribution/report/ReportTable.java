package io.github.attribution.report;

import io.github.attribution.internal.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    ReportTable(
            String model,
            ReportSpec spec,
            boolean hasCosts,
            List<ReportRow> rows,
            List<ReportRow> totals,
            List<MarketingImpact> marketing,
            List<String> notes) {
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

    /** The output column names, in order (see the class doc). */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(spec.labels());
        columns.addAll(List.of("currency", "pipeline", "revenue", "opportunities", "won", "touches"));
        if (hasCosts) {
            columns.addAll(List.of("cost", "cost_per_opportunity", "cac", "roas", "roi"));
        }
        return columns;
    }

    /** The values of {@code row} as written to CSV, in {@link #columns()} order; "" for undefined. */
    public List<String> values(ReportRow row) {
        return row.values(hasCosts);
    }

    /** Writes a header and one CSV record per row (RFC 4180, LF line endings). */
    public void writeCsv(Appendable out) throws IOException {
        Objects.requireNonNull(out, "out must not be null");
        Formats.csvLine(out, columns());
        for (ReportRow row : rows) {
            Formats.csvLine(out, values(row));
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
        JsonWriter json = new JsonWriter(out).beginArray();
        for (ReportRow row : rows) {
            Formats.jsonObject(json.newline(), columns, values(row), text);
        }
        if (!rows.isEmpty()) {
            json.newline();
        }
        json.endArray().newline();
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
        List<String> columns = columns();
        boolean[] right = new boolean[columns.size()];
        for (int i = spec.dimensions().size() + 1; i < right.length; i++) {
            right[i] = true;
        }
        TextTable t = new TextTable(columns, right);
        rows.forEach(r -> t.add(values(r)));
        t.rule();
        totals.forEach(r -> t.add(values(r)));
        StringBuilder b = new StringBuilder();
        b.append("Report of model ")
                .append(model)
                .append(spec.dimensions().isEmpty() ? "" : " by " + String.join(", ", spec.labels()))
                .append('\n');
        b.append(t.render(width, spec.dimensions().size() + 1));
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
