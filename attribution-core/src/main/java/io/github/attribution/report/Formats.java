package io.github.attribution.report;

import io.github.attribution.internal.Escaping;
import io.github.attribution.internal.JsonWriter;
import java.io.IOException;
import java.util.List;

/** CSV (RFC 4180, LF line endings, quoted only when needed) and JSON helpers for the report tables. */
final class Formats {
    private Formats() {}

    /** Writes one CSV record and a LF. */
    static void csvLine(Appendable out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(csvField(fields.get(i)));
        }
        out.append('\n');
    }

    /**
     * A field of a CSV meant for people (reports, comparisons): quoted as needed, and with a leading
     * apostrophe when a spreadsheet would take it for a formula ({@link Escaping#formulaSafe}), so that
     * a channel named {@code =HYPERLINK(...)} is shown, not evaluated. Plain numbers are unchanged.
     */
    static String csvField(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        Escaping.appendCsv(b, Escaping.formulaSafe(s));
        return b.toString();
    }

    /**
     * Writes a JSON object of {@code names} to {@code values}: the first {@code textColumns} values are
     * strings, the rest decimal numbers written as given, or {@code null} when empty.
     */
    static void jsonObject(JsonWriter json, List<String> names, List<String> values, int textColumns)
            throws IOException {
        json.beginObject();
        for (int i = 0; i < names.size(); i++) {
            String v = values.get(i);
            json.name(names.get(i));
            if (i < textColumns) {
                json.string(v);
            } else {
                json.number(v.isEmpty() ? null : v);
            }
        }
        json.endObject();
    }
}
