package io.github.attribution.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of a {@link FunnelReport}: per group of the report's dimensions, the attributed count of
 * each funnel stage, pipeline, revenue, and with costs the cost per stage, CAC and ROI ({@link
 * #rows()}); per sourcing channel, cohort conversion and velocity from each stage to the next and from
 * the first to the last ({@link #conversion()}); and notes on re-entered, skipped and out-of-order
 * stages.
 *
 * <p><b>Columns</b> of {@link #rows()} ({@link #columns()}): one per dimension, {@code currency}, one
 * per stage named by the stage (its attributed count, 6 decimals), {@code pipeline}, {@code revenue},
 * and with costs {@code cost}, {@code cost_per_STAGE} for each stage, {@code cac} and {@code roi} (as
 * in {@link ReportTable}). Rows are ordered as in {@link ReportTable}. The columns of {@link
 * #conversion()} are {@link ConversionRow#COLUMNS}.
 *
 * <p>CSV and JSON hold the group rows only (a stage column sums to the stage's events exactly); the
 * text form adds the totals, the conversion table and the notes. Immutable and thread-safe.
 */
public final class FunnelTable {
    private final String model;
    private final ReportSpec spec;
    private final Funnel funnel;
    private final boolean hasCosts;
    private final List<FunnelRow> rows;
    private final FunnelRow total;
    private final List<ConversionRow> conversion;
    private final long[] events;
    private final List<String> notes;

    FunnelTable(
            String model,
            ReportSpec spec,
            Funnel funnel,
            boolean hasCosts,
            List<FunnelRow> rows,
            FunnelRow total,
            List<ConversionRow> conversion,
            long[] events,
            List<String> notes) {
        this.model = model;
        this.spec = spec;
        this.funnel = funnel;
        this.hasCosts = hasCosts;
        this.rows = List.copyOf(rows);
        this.total = total;
        this.conversion = List.copyOf(conversion);
        this.events = events.clone();
        this.notes = List.copyOf(notes);
    }

    /** The model's name. */
    public String model() {
        return model;
    }

    /** What the rows are grouped by. */
    public ReportSpec spec() {
        return spec;
    }

    /** The funnel. */
    public Funnel funnel() {
        return funnel;
    }

    /** The groups. */
    public List<FunnelRow> rows() {
        return rows;
    }

    /** The sums of {@link #rows()}, every dimension {@link Report#TOTAL}. */
    public FunnelRow total() {
        return total;
    }

    /** Cohort conversion and velocity per sourcing channel. */
    public List<ConversionRow> conversion() {
        return conversion;
    }

    /** The number of events of funnel stage {@code i} (records that entered it): the stage column's sum. */
    public long events(int i) {
        return events[i];
    }

    /** Notes on re-entries, skipped and out-of-order stages, and costs, for people; stable order. */
    public List<String> notes() {
        return notes;
    }

    /** The output column names of {@link #rows()}, in order. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(spec.labels());
        columns.add("currency");
        columns.addAll(funnel.stages());
        columns.add("pipeline");
        columns.add("revenue");
        if (hasCosts) {
            columns.add("cost");
            funnel.stages().forEach(s -> columns.add("cost_per_" + s));
            columns.add("cac");
            columns.add("roi");
        }
        return columns;
    }

    /** Writes a header and one CSV record per group row. */
    public void writeCsv(Appendable out) throws IOException {
        Objects.requireNonNull(out, "out must not be null");
        Formats.csvLine(out, columns());
        for (FunnelRow row : rows) {
            Formats.csvLine(out, row.values(hasCosts));
        }
    }

    /** Writes a header and one CSV record per conversion row. */
    public void writeConversionCsv(Appendable out) throws IOException {
        Objects.requireNonNull(out, "out must not be null");
        Formats.csvLine(out, ConversionRow.COLUMNS);
        for (ConversionRow row : conversion) {
            Formats.csvLine(out, row.values());
        }
    }

    /**
     * Writes one JSON object: {@code "funnel"} (the stage names), {@code "rows"} (one object per group,
     * as {@link ReportTable#writeJson}) and {@code "conversion"} (one object per conversion row).
     */
    public void writeJson(Appendable out) throws IOException {
        Objects.requireNonNull(out, "out must not be null");
        out.append("{\"funnel\":[");
        for (int i = 0; i < funnel.size(); i++) {
            out.append(i == 0 ? "" : ",")
                    .append(Formats.jsonString(funnel.stages().get(i)));
        }
        out.append("],\n\"rows\":[");
        List<String> columns = columns();
        int text = spec.dimensions().size() + 1;
        for (int i = 0; i < rows.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n");
            out.append(Formats.jsonObject(columns, rows.get(i).values(hasCosts), text));
        }
        out.append(rows.isEmpty() ? "],\n" : "\n],\n");
        out.append("\"conversion\":[");
        for (int i = 0; i < conversion.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n");
            out.append(
                    Formats.jsonObject(ConversionRow.COLUMNS, conversion.get(i).values(), 4));
        }
        out.append(conversion.isEmpty() ? "]}\n" : "\n]}\n");
    }

    /** The CSV form of the rows as a string. */
    public String toCsv() {
        return render(this::writeCsv);
    }

    /** The CSV form of the conversion rows as a string. */
    public String toConversionCsv() {
        return render(this::writeConversionCsv);
    }

    /** The JSON form as a string. */
    public String toJson() {
        return render(this::writeJson);
    }

    private interface Writing {
        void write(Appendable out) throws IOException;
    }

    private static String render(Writing w) {
        StringBuilder b = new StringBuilder();
        try {
            w.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    /**
     * For a terminal of {@code width} columns: the heading and the stage table with its totals only, in
     * blocks of columns (each repeating the group and currency columns) when it is wider.
     */
    public String stageText(int width) {
        List<String> columns = columns();
        int keys = spec.dimensions().size() + 1;
        boolean[] right = new boolean[columns.size()];
        for (int i = keys; i < right.length; i++) {
            right[i] = true;
        }
        TextTable t = new TextTable(columns, right);
        rows.forEach(r -> t.add(r.values(hasCosts)));
        t.rule();
        t.add(total.values(hasCosts));
        return TextTable.wrap(
                        "Funnel " + String.join(" > ", funnel.stages()) + " under model " + model
                                + (spec.dimensions().isEmpty() ? "" : " by " + String.join(", ", spec.labels())),
                        width)
                + t.render(width, keys);
    }

    /** For a terminal: the stage table with its totals, the conversion table, then the notes. */
    public String toText() {
        List<String> columns = columns();
        boolean[] right = new boolean[columns.size()];
        for (int i = spec.dimensions().size() + 1; i < right.length; i++) {
            right[i] = true;
        }
        TextTable t = new TextTable(columns, right);
        rows.forEach(r -> t.add(r.values(hasCosts)));
        t.rule();
        t.add(total.values(hasCosts));
        StringBuilder b = new StringBuilder();
        b.append("Funnel ")
                .append(String.join(" > ", funnel.stages()))
                .append(" under model ")
                .append(model)
                .append(spec.dimensions().isEmpty() ? "" : " by " + String.join(", ", spec.labels()))
                .append('\n');
        b.append(t.render());
        b.append('\n').append("Conversion and velocity by sourcing channel\n");
        boolean[] rightC = new boolean[ConversionRow.COLUMNS.size()];
        for (int i = 4; i < rightC.length; i++) {
            rightC[i] = true;
        }
        TextTable c = new TextTable(ConversionRow.COLUMNS, rightC);
        conversion.forEach(r -> c.add(r.values()));
        b.append(c.render());
        if (!notes.isEmpty()) {
            b.append('\n');
            notes.forEach(n -> b.append("note: ").append(n).append('\n'));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "FunnelTable[" + model + ", " + funnel + " by " + spec + ", " + rows.size() + " rows]";
    }
}
