package io.github.attribution.data;

import java.util.Objects;

/**
 * A record handed to a {@link Dataset.Builder} (or a value type) is invalid. Carries the name of the
 * offending field, spelled as the input column ({@code amount}, {@code closed_at}), and the offending
 * value, so that file readers can point at the exact line and column.
 */
public class InvalidRecordException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;

    /**
     * @param field the offending field, named as its input column
     * @param value the offending value as text ({@code ""} when missing)
     * @param message the whole message, naming the field and quoting the value
     */
    public InvalidRecordException(String field, String value, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field must not be null");
        this.value = value == null ? "" : value;
    }

    /** The offending field, named as its input column. */
    public String field() {
        return field;
    }

    /** The offending value as text; empty when the value is missing. */
    public String value() {
        return value;
    }
}
