package io.github.attribution.cli;

import io.github.attribution.io.AtomicOutput;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a command's output goes: standard output, or a file written through {@link AtomicOutput}, which
 * appears only when the run succeeds ({@link #commit()}); {@link #close()} without a commit deletes
 * the temporary file, so nothing partial is left behind. Large files go past the page cache ({@link
 * FileSink}).
 */
final class Output implements Closeable {
    private static final int BUFFER = 1 << 16;

    /** The options that name files a command reads, and those that name files it writes. */
    private static final List<String> INPUTS =
            List.of("touchpoints", "opportunities", "people", "contacts", "costs", "stages", "paths");

    private static final List<String> OUTPUTS = List.of("out", "html", "rejects", "conversion");

    private final AtomicOutput file;
    private final OutputStream bytes;
    private final Writer writer;
    private boolean prepared;
    private boolean committed;

    private Output(AtomicOutput file, OutputStream raw) {
        this.file = file;
        this.bytes = new BufferedOutputStream(raw, BUFFER);
        this.writer = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), BUFFER);
    }

    /**
     * Output to {@code path}, or to {@code stdout} when {@code path} is {@code null} or {@code -}.
     *
     * @throws UsageException if the file cannot be written: its directory does not exist, it is a
     *     directory or a read-only file, or its temporary file cannot be created
     */
    static Output open(String path, PrintStream stdout) throws IOException {
        if (path == null || path.equals("-")) {
            OutputStream shield = new OutputStream() { // flushes but never closes standard output
                        @Override
                        public void write(int b) {
                            stdout.write(b);
                        }

                        @Override
                        public void write(byte[] b, int off, int len) {
                            stdout.write(b, off, len);
                        }

                        @Override
                        public void flush() {
                            stdout.flush();
                        }
                    };
            return new Output(null, shield);
        }
        AtomicOutput file;
        try {
            file = AtomicOutput.open(Path.of(path), FileSink::create); // large files bypass the page cache
        } catch (AtomicOutput.WriteException e) {
            throw new UsageException(e.getMessage());
        }
        return new Output(file, file.stream());
    }

    /**
     * Checks, before any work, that no output option names a file that an input option or another
     * output option names (through links and hard links too): the output would replace the input, or
     * one output the other.
     *
     * @throws UsageException naming both options
     */
    static void requireDistinct(Args args) throws IOException {
        Map<Object, String> seen = new HashMap<>();
        for (String option : INPUTS) {
            String name = args.get(option);
            Object id = name == null ? null : identity(name);
            if (id != null) {
                seen.putIfAbsent(id, option);
            }
        }
        for (String option : OUTPUTS) {
            String name = args.get(option);
            if (name == null || name.equals("-")) {
                continue;
            }
            Object id = identity(name);
            if (id == null) {
                continue;
            }
            String other = seen.putIfAbsent(id, option);
            if (other != null) {
                throw new UsageException("--" + option + " '" + name + "' is the same file as --" + other
                        + (INPUTS.contains(other)
                                ? "; writing it would replace the input"
                                : "; give each output its own file"));
            }
        }
    }

    private static Object identity(String name) {
        try {
            return AtomicOutput.identity(Path.of(name));
        } catch (IOException | RuntimeException e) {
            return null; // reported when the file is opened
        }
    }

    /** The writer; buffered. */
    Writer writer() {
        return writer;
    }

    /**
     * The buffered byte stream beneath {@link #writer()}, for output already encoded as UTF-8. Flushes
     * the writer first; do not interleave the two without flushing the writer.
     */
    OutputStream stream() throws IOException {
        writer.flush();
        return bytes;
    }

    /**
     * Flushes and, for a file, syncs it to disk without moving it into place (see {@link
     * AtomicOutput#prepare()}): a command with several outputs prepares them all before committing any.
     */
    void prepare() throws IOException {
        if (prepared) {
            return;
        }
        writer.flush();
        if (file != null) {
            prepared = true;
            file.prepare();
        }
    }

    /** Flushes and, for a file, moves it into place (replacing an older file). */
    void commit() throws IOException {
        prepare();
        if (file != null) {
            file.commit();
        }
        committed = true;
    }

    /**
     * Commits every output given (nulls are skipped) so that either all appear or, when one fails
     * before the renames, none: each is prepared (written and synced) before any is moved into place.
     */
    static void commitAll(Output... outputs) throws IOException {
        for (Output o : outputs) {
            if (o != null) {
                o.prepare();
            }
        }
        for (Output o : outputs) {
            if (o != null) {
                o.commit();
            }
        }
    }

    /** Closes; without a commit, a file's temporary copy is deleted. */
    @Override
    public void close() throws IOException {
        if (file == null) {
            writer.flush();
            return;
        }
        if (!committed) {
            file.close();
        }
    }
}
