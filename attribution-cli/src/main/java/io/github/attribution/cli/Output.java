package io.github.attribution.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command's output goes: standard output, or a file that appears only when the run succeeds.
 * A file is written under a temporary name in the same directory and renamed by {@link #commit()};
 * {@link #close()} without a commit deletes the temporary file, so nothing partial is left behind.
 */
final class Output implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final Path target;
    private final Path temp;
    private final OutputStream bytes;
    private final Writer writer;
    private boolean committed;

    private Output(Path target, Path temp, OutputStream raw) {
        this.target = target;
        this.temp = temp;
        this.bytes = new BufferedOutputStream(raw, BUFFER);
        this.writer = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), BUFFER);
    }

    /**
     * Output to {@code path}, or to {@code stdout} when {@code path} is {@code null} or {@code -}.
     *
     * @throws UsageException if the file's directory does not exist
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
            return new Output(null, null, shield);
        }
        Path target = Path.of(path).toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException("cannot write '" + path + "': its directory does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new UsageException("cannot write '" + path + "': it is a directory");
        }
        // a name of our own beside the target, so the final rename stays on one file system
        Path temp = dir.resolve(
                "." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        OutputStream stream = FileSink.create(temp); // large files bypass the page cache
        try {
            return new Output(target, temp, stream);
        } catch (RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
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

    /** Flushes and, for a file, moves it into place (replacing an older file). */
    void commit() throws IOException {
        if (temp == null) {
            writer.flush();
        } else {
            writer.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    /** Closes; without a commit, a file's temporary copy is deleted. */
    @Override
    public void close() throws IOException {
        if (temp == null) {
            writer.flush();
            return;
        }
        try {
            writer.close();
        } finally {
            if (!committed) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
