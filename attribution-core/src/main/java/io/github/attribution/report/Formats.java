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

    static String csvField(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        Escaping.appendCsv(b, s);
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
