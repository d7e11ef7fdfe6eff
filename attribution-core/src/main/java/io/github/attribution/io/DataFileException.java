package io.github.attribution.io;

/**
 * A row or the header of an input file is invalid. The message names the file, the line (1 is the
 * header), the column, the offending value and what was expected:
 *
 * <pre>opportunities.csv line 7, column amount: '12.345' has more than 2 decimal digits for USD</pre>
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
        super(file + " line " + line + (column == null ? "" : ", column " + column) + ": " + reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.value = value;
        this.reason = reason;
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

    /** What is wrong, without the file, line and column. */
    public String reason() {
        return reason;
    }
}
