package io.github.attribution.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The byte stream of an output file. Bytes gather in a large buffer; a file that stays within one
 * buffer is written the ordinary way when closed, and a larger one is written past the page cache
 * ({@code O_DIRECT}), a full buffer at a time, on a background thread while the caller fills the
 * other buffer.
 *
 * <p>Why: {@code attribute} writes tens of gigabytes in one pass and never reads them back. Through
 * the page cache, each of those pages costs the kernel an allocation and a copy (on the 2-vCPU VM of
 * the benchmarks README, 34 s of system time for 17.6 GB, against 1.8 s written direct), and the run
 * evicts everything else a batch machine had cached. Where the platform or file system does not
 * offer direct writes (no {@code com.sun.nio.file.ExtendedOpenOption}, tmpfs, an odd block size) the
 * same bytes go through the ordinary channel instead; the file's contents do not depend on the route.
 *
 * <p>Direct writes need the buffer address, the length and the file position aligned to the file
 * system's block size. Full buffers are multiples of it; the last, partial buffer is padded with zeros
 * to a whole block, written, and the file is then truncated to its true length.
 *
 * <p>Not thread-safe: one thread writes. A failed background write is thrown from the next call.
 */
final class FileSink extends OutputStream {
    private static final Logger LOG = LoggerFactory.getLogger(FileSink.class);

    /** Bytes per buffer (two are allocated, off-heap, for a file that outgrows the first). */
    static final int BUFFER = 8 << 20;

    /** {@code com.sun.nio.file.ExtendedOpenOption.DIRECT}, or {@code null} where the JDK lacks it. */
    private static final OpenOption DIRECT = directOption();

    /** Set {@code -Dattribution.output.direct=false} to always write through the page cache. */
    static final String DIRECT_PROPERTY = "attribution.output.direct";

    private final Path file;
    private final FileChannel cached;
    private final int capacity;
    private final boolean mayGoDirect;
    private ByteBuffer filling;
    private ByteBuffer spare;
    private FileChannel direct;
    private int alignment;
    private ExecutorService flusher;
    private Future<?> pending;
    /** Bytes handed to the direct channel so far: the file position of the filling buffer's start. */
    private long written;

    private boolean triedDirect;
    private boolean closed;

    /**
     * Creates {@code file} (which must not exist) for writing.
     *
     * @param capacity bytes per buffer; a power of two of at least 64 KiB
     * @param mayGoDirect whether a file larger than one buffer may be written past the page cache
     */
    FileSink(Path file, int capacity, boolean mayGoDirect) throws IOException {
        if (capacity < (1 << 16) || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two of at least 64 KiB: " + capacity);
        }
        this.file = file;
        this.capacity = capacity;
        this.mayGoDirect = mayGoDirect && DIRECT != null;
        this.cached = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.filling = ByteBuffer.allocate(capacity);
    }

    /** Creates {@code file} with the default buffer; direct writes unless the system property says no. */
    static FileSink create(Path file) throws IOException {
        return new FileSink(file, BUFFER, !"false".equalsIgnoreCase(System.getProperty(DIRECT_PROPERTY)));
    }

    /** Whether writes have gone past the page cache (for tests and the debug log). */
    boolean isDirect() {
        return direct != null;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (!filling.hasRemaining()) {
            flushFull();
        }
        filling.put((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        ensureOpen();
        while (length > 0) {
            if (!filling.hasRemaining()) {
                flushFull();
            }
            int n = Math.min(length, filling.remaining());
            filling.put(bytes, offset, n);
            offset += n;
            length -= n;
        }
    }

    /** Buffered bytes stay buffered: a partial block cannot be written direct before the end. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        rethrowFailure(false);
    }

    /** Writes what is buffered, trims the padding of a direct tail, and closes the file. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (FileChannel c = cached;
                FileChannel d = direct) {
            awaitPending();
            filling.flip();
            if (direct == null) {
                writeFully(cached, filling);
            } else {
                int length = filling.remaining();
                int padded = (length + alignment - 1) / alignment * alignment;
                filling.limit(padded);
                for (int i = length; i < padded; i++) {
                    filling.put(i, (byte) 0);
                }
                writeAt(direct, filling, written);
                direct.truncate(written + length);
                LOG.debug("{}: {} bytes written past the page cache", file, written + length);
            }
        } finally {
            if (flusher != null) {
                flusher.shutdownNow();
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed: " + file);
        }
    }

    /** Hands the full buffer to the file (direct, in the background, if possible) and swaps buffers. */
    private void flushFull() throws IOException {
        if (mayGoDirect && !triedDirect) {
            triedDirect = true;
            goDirect();
            return;
        }
        filling.flip();
        if (direct == null) {
            writeFully(cached, filling);
            filling.clear();
            return;
        }
        awaitPending();
        ByteBuffer full = filling;
        long position = written;
        pending = flusher.submit(() -> {
            try {
                writeAt(direct, full, position);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        written += capacity;
        filling = spare;
        spare = full;
        filling.clear();
    }

    /**
     * Writes the first full buffer past the page cache, on this thread, and sets up the direct route
     * for the rest; if the platform, the file system or that first write refuses, writes it through
     * the ordinary channel and stays there.
     */
    private void goDirect() throws IOException {
        filling.flip();
        try {
            long block = Files.getFileStore(file).getBlockSize();
            if (block > 0 && block <= capacity && Long.bitCount(block) == 1) {
                int align = (int) block;
                ByteBuffer first = ByteBuffer.allocateDirect(capacity + align).alignedSlice(align);
                ByteBuffer second = ByteBuffer.allocateDirect(capacity + align).alignedSlice(align);
                first.put(filling).flip();
                filling = first; // from here on, an aligned buffer whichever route is taken
                FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, DIRECT);
                try {
                    writeAt(channel, first, 0);
                } catch (IOException e) {
                    channel.close();
                    first.rewind(); // the ordinary channel rewrites the file from its start
                    throw e;
                }
                written = capacity;
                alignment = align;
                direct = channel;
                flusher = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "attribution-output");
                    t.setDaemon(true);
                    return t;
                });
                filling = second;
                spare = first;
                filling.clear();
                return;
            }
        } catch (IOException | UnsupportedOperationException | OutOfMemoryError e) {
            LOG.debug("{}: writing through the page cache ({})", file, e.toString());
        }
        writeFully(cached, filling);
        filling.clear();
    }

    private void awaitPending() throws IOException {
        rethrowFailure(true);
    }

    private void rethrowFailure(boolean wait) throws IOException {
        Future<?> f = pending;
        if (f == null || (!wait && !f.isDone())) {
            return;
        }
        pending = null;
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing " + file);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IOException("writing " + file + " failed", cause);
        }
    }

    private static void writeAt(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long start = position - buffer.position();
        while (buffer.hasRemaining()) {
            channel.write(buffer, start + buffer.position());
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static OpenOption directOption() {
        try {
            Class<?> type = Class.forName("com.sun.nio.file.ExtendedOpenOption");
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals("DIRECT")) {
                    return (OpenOption) constant;
                }
            }
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            // not this JDK: every write goes through the page cache
        }
        return null;
    }
}
