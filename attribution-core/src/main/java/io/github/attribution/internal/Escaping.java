package io.github.attribution.internal;

/**
 * How text is written into CSV fields (RFC 4180, quoted only when needed), terminal lines and HTML, so
 * every writer of the library escapes alike (JSON string literals: {@link JsonWriter}).
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

    /** The characters of a value kept in a one-line message before it is cut short. */
    public static final int MESSAGE_VALUE_LIMIT = 256;

    /**
     * {@code value} cut to {@code limit} characters, with a note of its length when it is longer:
     * {@code abc... (1048576 characters, truncated)}. A surrogate pair is not split.
     */
    public static String truncate(String value, int limit) {
        if (value == null || value.length() <= limit) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(limit - 1)) ? limit - 1 : limit;
        return value.substring(0, end) + "... (" + value.length() + " characters, truncated)";
    }

    /**
     * Whether {@code c} would change how a terminal or a page shows the text around it: C0 and C1
     * control characters, DEL, line and paragraph separators, and the bidirectional marks, embeddings,
     * overrides and isolates (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069).
     */
    public static boolean isHostile(char c) {
        return c < 0x20
                || (c >= 0x7F && c <= 0x9F)
                || c == 0x061C
                || c == 0x200E
                || c == 0x200F
                || c == 0x2028
                || c == 0x2029
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * {@code text} made safe to show on one line of a terminal, a log or a page: every {@linkplain
     * #isHostile hostile} character written as an escape ({@code \n}, {@code \r}, {@code \t}, else a
     * backslash, {@code u} and the character's four hex digits, as in JSON), so a value can neither start a new line (and forge one) nor move the cursor,
     * retitle the terminal, ring its bell or reorder the text after it. Other text is unchanged.
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !isHostile(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isHostile(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    /**
     * {@code text} of several lines made safe for a terminal: as {@link #printable}, but line feeds
     * are kept (a CR before one is escaped, so no line can overwrite another).
     */
    public static String printableLines(String text) {
        if (text == null || text.indexOf('\n') < 0) {
            return printable(text);
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int from = 0;
        while (true) {
            int nl = text.indexOf('\n', from);
            if (nl < 0) {
                sb.append(printable(text.substring(from)));
                return sb.toString();
            }
            sb.append(printable(text.substring(from, nl))).append('\n');
            from = nl + 1;
        }
    }

    /**
     * Whether a spreadsheet would read {@code value} as a formula: it starts with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return, and is not a plain number ({@code -12.5},
     * {@code +3}).
     */
    public static boolean looksLikeFormula(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
            return false;
        }
        return !isPlainNumber(value);
    }

    /** Whether {@code value} is an optional sign, digits, and an optional point with digits. */
    private static boolean isPlainNumber(String value) {
        int i = value.charAt(0) == '+' || value.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        boolean point = false;
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    /**
     * {@code value} as a spreadsheet shows it as text rather than evaluates it: with a leading
     * apostrophe when it {@linkplain #looksLikeFormula looks like a formula}, else unchanged.
     */
    public static String formulaSafe(String value) {
        return looksLikeFormula(value) ? "'" + value : value;
    }

    /**
     * {@code text} as HTML text or attribute content: {@code & < > " '} as entities, and {@linkplain
     * #isHostile hostile} characters made visible as by {@link #printable} (an entity would still
     * reorder the page's text, so a right-to-left override shows as a backslash escape instead).
     */
    public static String html(String text) {
        String s = printable(text);
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
