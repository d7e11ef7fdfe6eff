package io.github.attribution.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The library's one JSON writer: objects, arrays, names, strings (escaped), numbers written exactly as
 * given (the caller formats them, so exact decimals stay exact), {@code null}. No reflection, no
 * dependency. Commas are placed by the writer; line breaks only where the caller asks for one with
 * {@link #newline()}, so each output keeps its own layout (one object per line, say). Checks only that
 * containers are closed in order. Not thread-safe.
 *
 * <pre>{@code
 * JsonWriter json = new JsonWriter(out);
 * json.beginArray();
 * for (Row r : rows) {
 *     json.newline().beginObject().name("channel").string(r.channel()).name("credit").number(r.credit()).endObject();
 * }
 * json.newline().endArray().newline(); // [\n{...},\n{...}\n]\n
 * }</pre>
 */
public final class JsonWriter {
    private final Appendable out;
    /** Per open container, innermost last: whether it has an element (so the next needs a comma). */
    private boolean[] filled = new boolean[8];
    /** Per open container: whether it is an object. */
    private boolean[] object = new boolean[8];

    private int depth;
    private boolean afterName;
    private boolean pendingNewline;

    /** Writes to {@code out}. */
    public JsonWriter(Appendable out) {
        this.out = Objects.requireNonNull(out, "out must not be null");
    }

    /** Starts an object. */
    public JsonWriter beginObject() throws IOException {
        return open('{', true);
    }

    /** Ends the innermost object. */
    public JsonWriter endObject() throws IOException {
        return close('}', true);
    }

    /** Starts an array. */
    public JsonWriter beginArray() throws IOException {
        return open('[', false);
    }

    /** Ends the innermost array. */
    public JsonWriter endArray() throws IOException {
        return close(']', false);
    }

    /** The name of the next member of the innermost object. */
    public JsonWriter name(String name) throws IOException {
        if (depth == 0 || !object[depth - 1] || afterName) {
            throw new IllegalStateException("a name belongs in an object, before a value");
        }
        beforeValue();
        appendString(out, Objects.requireNonNull(name, "name must not be null"));
        out.append(':');
        afterName = true;
        return this;
    }

    /** A string literal, escaped; {@code null} for null. */
    public JsonWriter string(String value) throws IOException {
        beforeValue();
        appendString(out, value);
        return this;
    }

    /**
     * A number written exactly as given (a plain decimal such as {@code 1234.50} or {@code -0.25});
     * {@code null} for null. The text is not checked: the caller formats it.
     */
    public JsonWriter number(CharSequence decimal) throws IOException {
        beforeValue();
        out.append(decimal == null ? "null" : decimal);
        return this;
    }

    /** A whole number. */
    public JsonWriter number(long value) throws IOException {
        beforeValue();
        out.append(Long.toString(value));
        return this;
    }

    /** {@code null}. */
    public JsonWriter nullValue() throws IOException {
        beforeValue();
        out.append("null");
        return this;
    }

    /**
     * A line break: at once between top-level values (after a whole document, say), else before the next
     * value, name or closing bracket, after the comma that separates it from the one before.
     */
    public JsonWriter newline() throws IOException {
        if (depth == 0) {
            out.append('\n');
        } else {
            pendingNewline = true;
        }
        return this;
    }

    private JsonWriter open(char bracket, boolean isObject) throws IOException {
        beforeValue();
        out.append(bracket);
        if (depth == filled.length) {
            filled = Arrays.copyOf(filled, depth * 2);
            object = Arrays.copyOf(object, depth * 2);
        }
        filled[depth] = false;
        object[depth] = isObject;
        depth++;
        return this;
    }

    private JsonWriter close(char bracket, boolean isObject) throws IOException {
        if (depth == 0 || object[depth - 1] != isObject || afterName) {
            throw new IllegalStateException("nothing to close with " + bracket);
        }
        if (pendingNewline) {
            out.append('\n');
            pendingNewline = false;
        }
        depth--;
        out.append(bracket);
        return this;
    }

    private void beforeValue() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (filled[depth - 1]) {
                out.append(',');
            }
            filled[depth - 1] = true;
        }
        if (pendingNewline) {
            out.append('\n');
            pendingNewline = false;
        }
    }

    /**
     * Appends {@code value} as a JSON string literal, or {@code null}; {@code "} and {@code \} escaped,
     * control characters and the line separators U+2028 and U+2029 as escapes.
     */
    public static void appendString(Appendable out, String value) throws IOException {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0x2028 && c != 0x2029) {
                continue;
            }
            out.append(value, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        out.append(value, from, value.length()).append('"');
    }
}
