package io.github.attribution.report;

import io.github.attribution.internal.Escaping;
import java.io.IOException;
import java.util.List;

/** CSV (RFC 4180, LF line endings, quoted only when needed) and JSON text helpers. */
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

    /** A JSON string literal. */
    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        Escaping.appendJson(b, s);
        return b.toString();
    }

    /**
     * A JSON object of {@code names} to {@code values}: the first {@code textColumns} values are strings,
     * the rest are decimal numbers written as given, or {@code null} when empty.
     */
    static String jsonObject(List<String> names, List<String> values, int textColumns) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(jsonString(names.get(i))).append(':');
            String v = values.get(i);
            if (i < textColumns) {
                b.append(jsonString(v));
            } else {
                b.append(v.isEmpty() ? "null" : v);
            }
        }
        return b.append('}').toString();
    }
}
