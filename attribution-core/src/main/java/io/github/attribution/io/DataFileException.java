package io.github.attribution.io;

import io.github.attribution.internal.Escaping;

/**
 * A row or the header of an input file is invalid. The message names the file, the line (1 is the
 * header), the column, the offending value and what was expected:
 *
 * <pre>opportunities.csv line 7, column amount: '12.345' has more than 2 decimal digits for USD</pre>
 *
 * <p>The message is always one line and safe to print: control and bidirectional characters of the
 * value, the file name and the column are escaped ({@link Escaping#printable}), and a value longer
 * than {@value Escaping#MESSAGE_VALUE_LIMIT} characters is cut short with a note of its length ({@code
 * ... (1048576 characters, truncated)}). {@link #value()} keeps the value as read.
 */
public final class DataFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;
    private final String value;
    private final String reason;

    /**
     * @param file the file's name as given
     * @param line the physical line the record starts on, 1-based
     * @param column the column, or {@code null} when the problem is not one field's
     * @param value the offending text, or {@code null}
     * @param reason what is wrong, quoting the value
     */
    public DataFileException(String file, long line, String column, String value, String reason) {
        this(file, line, column, value, shorten(reason, value), 0);
    }

    private DataFileException(String file, long line, String column, String value, String reason, int unused) {
        super(Escaping.printable(Escaping.truncate(file, Escaping.MESSAGE_VALUE_LIMIT) + " line " + line
                + (column == null ? "" : ", column " + Escaping.truncate(column, Escaping.MESSAGE_VALUE_LIMIT))
                + ": " + reason));
        this.file = file;
        this.line = line;
        this.column = column;
        this.value = value;
        this.reason = Escaping.printable(reason);
    }

    /** {@code reason} with a long {@code value} quoted in it cut short ({@link Escaping#truncate}). */
    private static String shorten(String reason, String value) {
        if (reason == null || value == null || value.length() <= Escaping.MESSAGE_VALUE_LIMIT) {
            return reason;
        }
        String shown = Escaping.truncate(value, Escaping.MESSAGE_VALUE_LIMIT);
        if (reason.contains(value)) {
            return reason.replace(value, shown);
        }
        String stripped = value.strip();
        if (stripped.length() > Escaping.MESSAGE_VALUE_LIMIT && reason.contains(stripped)) {
            return reason.replace(stripped, Escaping.truncate(stripped, Escaping.MESSAGE_VALUE_LIMIT));
        }
        return reason;
    }

    /** The file's name. */
    public String file() {
        return file;
    }

    /** The physical line (1-based) the offending record starts on. */
    public long line() {
        return line;
    }

    /** The offending column, or {@code null} when the whole record or the header is at fault. */
    public String column() {
        return column;
    }

    /** The offending text, or {@code null}. */
    public String value() {
        return value;
    }

    /** What is wrong, without the file, line and column; one line, escaped and shortened as the message. */
    public String reason() {
        return reason;
    }
}
