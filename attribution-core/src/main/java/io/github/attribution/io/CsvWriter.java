package io.github.attribution.io;

import io.github.attribution.internal.Escaping;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;

/**
 * Writes RFC 4180 CSV: fields separated by commas, rows ended by LF, a field quoted only when it
 * holds a comma, a quote, a CR or an LF (quotes inside doubled). Does not close or buffer the
 * underlying writer; give it a buffered one. Not thread-safe.
 */
public final class CsvWriter implements Flushable {
    private final Writer out;
    private boolean rowStarted;

    /** Writes to {@code out}. */
    public CsvWriter(Writer out) {
        this.out = Objects.requireNonNull(out, "out must not be null");
    }

    /** Writes a whole row. */
    public CsvWriter row(String... fields) {
        for (String f : fields) {
            field(f);
        }
        return endRow();
    }

    /** Writes the next field of the current row; {@code null} is written as an empty field. */
    public CsvWriter field(String value) {
        try {
            if (rowStarted) {
                out.write(',');
            }
            rowStarted = true;
            if (value == null || value.isEmpty()) {
                return this;
            }
            if (Escaping.csvNeedsQuotes(value)) {
                out.write('"');
                out.write(value.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(value);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the current row with LF. */
    public CsvWriter endRow() {
        try {
            out.write('\n');
            rowStarted = false;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
