package io.github.attribution.internal;

/**
 * How text is written into CSV fields (RFC 4180, quoted only when needed) and JSON string literals.
 * One place for both, so every writer of the library escapes alike.
 */
public final class Escaping {
    private Escaping() {}

    /** Whether {@code value} must be quoted as a CSV field: it holds a comma, a quote or a line break. */
    public static boolean csvNeedsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Appends {@code value} as a CSV field, quoted (quotes doubled) only when needed; null is empty. */
    public static void appendCsv(StringBuilder sb, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (csvNeedsQuotes(value)) {
            sb.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            sb.append(value);
        }
    }

    /**
     * Appends {@code value} as a JSON string literal, or {@code null}; control characters and the line
     * separators U+2028 and U+2029 are escaped.
     */
    public static void appendJson(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
