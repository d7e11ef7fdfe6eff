package io.github.attribution.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An output file that appears whole or not at all: the one way the library and the command line
 * write files.
 *
 * <ul>
 *   <li>A regular file (or a name that does not exist yet) is written under a temporary name in the
 *       same directory ({@code .NAME.PID.NANOS.tmp}), synced to disk, and renamed over the target by
 *       {@link #commit()}; without a commit, {@link #close()} deletes the temporary file. The permissions
 *       of a file being replaced are kept.
 *   <li>A symbolic link is followed: its target is replaced, the link stays.
 *   <li>A device, FIFO or socket ({@code /dev/null}, {@code /dev/full}, a named pipe), and a name
 *       under {@code /proc} (where {@code /dev/stdout} leads), is written in place: nothing is created
 *       beside it, and a failed run cannot take back what was written.
 *   <li>An existing file the user cannot write is never replaced, even by root (whose access checks
 *       always succeed): the file's permission bits for its owner, or for anyone when the user is
 *       not its owner, must allow writing.
 *   <li>A write error (a full disk, a device error) is an {@link WriteException} naming the path as
 *       given, never the temporary file.
 *   <li>Temporary files still pending when the JVM shuts down (SIGTERM, SIGINT, SIGHUP) are deleted by
 *       a shutdown hook; temporary files of the same target left by a process that no longer exists
 *       (killed with SIGKILL, or a power loss) are deleted when the next one is opened.
 * </ul>
 *
 * <p>Not thread-safe: one thread writes an output.
 */
public final class AtomicOutput implements Closeable {
    /** Creates a new file (it must not exist) and returns its byte stream. */
    @FunctionalInterface
    public interface Opener {
        /**
         * @param file a file that does not exist yet, to create
         */
        OutputStream create(Path file) throws IOException;
    }

    /** Writing or committing an output failed; the message names the path as the caller gave it. */
    public static final class WriteException extends IOException {
        private static final long serialVersionUID = 1L;

        WriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Temporary files not yet committed or deleted, removed by the shutdown hook. */
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private static final String SUFFIX = ".tmp";

    private final String name;
    private final Path target;
    private final Path temp;
    private final OutputStream raw;
    private final OutputStream stream;
    private boolean prepared;
    private boolean committed;
    private boolean closed;

    private AtomicOutput(String name, Path target, Path temp, OutputStream raw) {
        this.name = name;
        this.target = target;
        this.temp = temp;
        this.raw = raw;
        this.stream = new Guard(raw);
    }

    /** Opens {@code path}, writing plain files ({@link Files#newOutputStream}). */
    public static AtomicOutput open(Path path) throws IOException {
        return open(path, file -> Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /**
     * Opens {@code path}, creating the temporary file with {@code opener}.
     *
     * @throws WriteException if the path cannot be written: its directory does not exist, it is a
     *     directory, it is a file the user may not write, or the temporary file cannot be created
     */
    public static AtomicOutput open(Path path, Opener opener) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(opener, "opener must not be null");
        String name = path.toString();
        Path target = resolve(path);
        if (target == null || Files.exists(target) && !Files.isRegularFile(target)) {
            if (Files.isDirectory(path)) {
                throw new WriteException("cannot write '" + name + "': it is a directory", null);
            }
            return inPlace(name, path);
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new WriteException("cannot write '" + name + "': its directory does not exist", null);
        }
        if (Files.exists(target) && !mayReplace(target)) {
            throw new WriteException("cannot write '" + name + "': the file is read-only", null);
        }
        removeStale(dir, target.getFileName().toString());
        Path temp = dir.resolve(prefix(target.getFileName().toString())
                + ProcessHandle.current().pid()
                + "."
                + System.nanoTime()
                + SUFFIX);
        hook();
        PENDING.add(temp);
        OutputStream raw;
        try {
            raw = opener.create(temp);
        } catch (IOException | RuntimeException e) {
            PENDING.remove(temp);
            Files.deleteIfExists(temp);
            throw new WriteException("cannot write '" + name + "': " + reason(e, temp), e);
        }
        return new AtomicOutput(name, target, temp, raw);
    }

    private static AtomicOutput inPlace(String name, Path path) throws IOException {
        try {
            // no TRUNCATE: a device ignores it, and /dev/stdout may be a file a shell opened for appending
            return new AtomicOutput(name, null, null, Files.newOutputStream(path, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new WriteException("cannot write '" + name + "': " + reason(e, null), e);
        }
    }

    /** The path as given, for messages. */
    public String name() {
        return name;
    }

    /** Whether the output is written in place (a device, a FIFO, a name under /proc). */
    public boolean inPlace() {
        return temp == null;
    }

    /**
     * The byte stream; not buffered beyond what the opener's stream does. Its errors are {@link
     * WriteException}s naming the path as given.
     */
    public OutputStream stream() {
        return stream;
    }

    /**
     * Flushes and closes the stream and syncs the file to disk, without moving it into place: call it on
     * every output of a run before committing any, so that a failure leaves none of them committed.
     */
    public void prepare() throws IOException {
        if (prepared) {
            return;
        }
        prepared = true;
        stream.close();
        if (temp != null) {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            } catch (IOException e) {
                throw new WriteException("cannot write '" + name + "': " + reason(e, temp), e);
            }
        }
    }

    /** {@link #prepare()}s and moves the file into place (replacing an older one atomically). */
    public void commit() throws IOException {
        prepare();
        if (temp != null) {
            try {
                keepPermissions();
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new WriteException("cannot write '" + name + "': " + reason(e, temp), e);
            }
            PENDING.remove(temp);
            syncDirectory(target.getParent());
        }
        committed = true;
    }

    /** Closes; without a {@link #commit()}, the temporary file is deleted. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (committed) {
            return;
        }
        try {
            raw.close();
        } catch (IOException e) {
            // the run failed already; its own error is the one to report
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
                PENDING.remove(temp);
            }
        }
    }

    /**
     * Where the bytes of {@code path} end up: the path with its directory's and its own symbolic links
     * followed (a link to a name that does not exist yet resolves to that name), or {@code null} for a
     * name under {@code /proc}, such as the {@code /proc/self/fd/1} that {@code /dev/stdout} and {@code
     * /dev/fd/1} lead to, which is written in place.
     */
    public static Path resolve(Path path) throws IOException {
        Path p = path.toAbsolutePath();
        for (int hops = 0; ; hops++) {
            Path parent = p.getParent();
            if (parent != null && Files.isDirectory(parent)) {
                p = parent.toRealPath().resolve(p.getFileName());
            }
            if (p.startsWith("/proc")) {
                return null;
            }
            if (!Files.isSymbolicLink(p)) {
                return p;
            }
            if (hops == 40) {
                throw new WriteException("cannot write '" + path + "': too many levels of symbolic links", null);
            }
            p = p.getParent().resolve(Files.readSymbolicLink(p));
        }
    }

    /**
     * Whether an existing file may be replaced: the JVM's access check, and the permission bits, which
     * the access check ignores for root: the owner's write bit for the file's owner, any write bit
     * for anyone else.
     */
    static boolean mayReplace(Path file) throws IOException {
        if (!Files.isWritable(file)) {
            return false;
        }
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, PosixFileAttributes.class);
        } catch (UnsupportedOperationException e) {
            return true; // not a POSIX file system: the access check is all there is
        }
        Set<PosixFilePermission> mode = attributes.permissions();
        if (attributes.owner().getName().equals(System.getProperty("user.name"))) {
            return mode.contains(PosixFilePermission.OWNER_WRITE);
        }
        return mode.contains(PosixFilePermission.OWNER_WRITE)
                || mode.contains(PosixFilePermission.GROUP_WRITE)
                || mode.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /**
     * An identity of the file {@code path} writes or reads, to tell whether two paths name the same
     * file (through links, hard links or different spellings): the file key of an existing regular file,
     * the resolved path of one that does not exist yet, {@code null} for a device, a FIFO or a name
     * under {@code /proc} (several outputs may share {@code /dev/null}).
     */
    public static Object identity(Path path) throws IOException {
        Path p = resolve(path);
        if (p == null) {
            return null;
        }
        if (Files.exists(p)) {
            if (!Files.isRegularFile(p)) {
                return null;
            }
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : p.toRealPath();
        }
        Path dir = p.getParent();
        return dir != null && Files.isDirectory(dir) ? dir.toRealPath().resolve(p.getFileName()) : p.normalize();
    }

    private static String prefix(String fileName) {
        return "." + fileName + ".";
    }

    /** Deletes {@code .NAME.PID.NANOS.tmp} files in {@code dir} whose process no longer runs. */
    private static void removeStale(Path dir, String fileName) {
        String prefix = prefix(fileName);
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(SUFFIX);
        })) {
            for (Path p : entries) {
                String middle = p.getFileName().toString();
                middle = middle.substring(prefix.length(), middle.length() - SUFFIX.length());
                int dot = middle.indexOf('.');
                if (dot <= 0 || !digits(middle.substring(0, dot)) || !digits(middle.substring(dot + 1))) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(middle.substring(0, dot));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != self
                        && ProcessHandle.of(pid).isEmpty()
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a directory that cannot be listed still takes the new file
        }
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static void hook() {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                for (Path p : PENDING) {
                                    try {
                                        Files.deleteIfExists(p);
                                    } catch (IOException e) {
                                        // shutting down: nothing else to do
                                    }
                                }
                            },
                            "attribution-output-cleanup"));
        }
    }

    /** Gives the temporary file the permissions of the file it replaces (best effort). */
    private void keepPermissions() {
        try {
            if (Files.isRegularFile(target)) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the new file keeps the default permissions
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // not every platform syncs a directory; the rename itself is done
        }
    }

    /** The cause of {@code e} in words, without the temporary file's name. */
    static String reason(Throwable e, Path temp) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        String message = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (message == null || message.isEmpty()) {
            message = e.getClass().getSimpleName();
        }
        if (temp != null) {
            message = message.replace(temp.toString(), "")
                    .replace(temp.getFileName().toString(), "");
        }
        return message.strip();
    }

    /** Turns the stream's errors into ones naming the path as given. */
    private final class Guard extends OutputStream {
        private final OutputStream out;

        Guard(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw failed(e);
            }
        }

        private IOException failed(IOException e) {
            return e instanceof WriteException
                    ? e
                    : new WriteException("cannot write '" + name + "': " + reason(e, temp), e);
        }
    }
}
