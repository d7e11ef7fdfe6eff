package io.github.attribution.spark;

/**
 * A row of the input is invalid (or an input misses a column): the message is one line naming the
 * input (the file or directory as given), the column, the value and what was expected, as the
 * command line's errors do, without the line number (Spark does not know it).
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An exception with this message. */
    public InvalidInputException(String message) {
        super(message);
    }

    /**
     * The first {@code InvalidInputException} in the cause chain of {@code e} (Spark wraps what a task
     * throws), or {@code null}.
     */
    public static InvalidInputException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException) {
                return (InvalidInputException) t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
