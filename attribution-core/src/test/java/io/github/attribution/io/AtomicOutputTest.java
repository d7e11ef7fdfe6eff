package io.github.attribution.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicOutputTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void commit_regularFile_appearsOnlyAfterCommitAndNoTemporaryFileStays() throws IOException {
        Path file = dir.resolve("out.csv");
        try (AtomicOutput out = AtomicOutput.open(file)) {
            out.stream().write("a,b\n".getBytes(StandardCharsets.UTF_8));
            assertFalse(Files.exists(file));
            out.commit();
        }
        assertEquals("a,b\n", Files.readString(file));
        assertEquals(List.of("out.csv"), names());
    }

    @Test
    void close_withoutCommit_leavesNothingAndKeepsTheOldFile() throws IOException {
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "old");
        try (AtomicOutput out = AtomicOutput.open(file)) {
            out.stream().write("new".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("old", Files.readString(file));
        assertEquals(List.of("out.csv"), names());
    }

    @Test
    void commit_symlink_replacesTheTargetAndKeepsTheLink() throws IOException {
        Path target = dir.resolve("real.csv");
        Files.writeString(target, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real.csv"));
        try (AtomicOutput out = AtomicOutput.open(link)) {
            out.stream().write("new".getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("link.csv", "real.csv"), names());
    }

    @Test
    void commit_danglingSymlink_createsItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), dir.resolve("later.csv"));
        try (AtomicOutput out = AtomicOutput.open(link)) {
            out.stream().write("x".getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("x", Files.readString(dir.resolve("later.csv")));
    }

    @Test
    void commit_replacedFile_keepsItsPermissions() throws IOException {
        Path file = dir.resolve("private.csv");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        try (AtomicOutput out = AtomicOutput.open(file)) {
            out.stream().write("new".getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void open_readOnlyFile_refusedEvenForRoot() throws IOException {
        Path file = dir.resolve("ro.csv");
        Files.writeString(file, "keep");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        AtomicOutput.WriteException e = assertThrows(AtomicOutput.WriteException.class, () -> AtomicOutput.open(file));
        assertEquals("cannot write '" + file + "': the file is read-only", e.getMessage());
        assertEquals("keep", Files.readString(file));
        assertEquals(List.of("ro.csv"), names());
    }

    @Test
    void open_missingDirectoryOrDirectory_refused() {
        Path missing = dir.resolve("no/such/out.csv");
        assertEquals(
                "cannot write '" + missing + "': its directory does not exist",
                assertThrows(AtomicOutput.WriteException.class, () -> AtomicOutput.open(missing))
                        .getMessage());
        assertEquals(
                "cannot write '" + dir + "': it is a directory",
                assertThrows(AtomicOutput.WriteException.class, () -> AtomicOutput.open(dir))
                        .getMessage());
    }

    @Test
    void open_devNull_writtenInPlace() throws IOException {
        try (AtomicOutput out = AtomicOutput.open(Path.of("/dev/null"))) {
            assertTrue(out.inPlace());
            out.stream().write(new byte[100]);
            out.commit();
        }
        assertTrue(Files.exists(Path.of("/dev/null")));
        assertFalse(Files.isRegularFile(Path.of("/dev/null")));
    }

    @Test
    void commit_devFull_failsNamingThePath() throws IOException {
        AtomicOutput out = AtomicOutput.open(Path.of("/dev/full"));
        AtomicOutput.WriteException e = assertThrows(
                AtomicOutput.WriteException.class, () -> out.stream().write(new byte[100]));
        assertTrue(e.getMessage().startsWith("cannot write '/dev/full': No space left on device"), e.getMessage());
        out.close();
        assertFalse(Files.isRegularFile(Path.of("/dev/full")));
    }

    @Test
    void write_failure_namesThePathGivenNotTheTemporaryFile() throws IOException {
        Path file = dir.resolve("out.csv");
        AtomicOutput out = AtomicOutput.open(file, temp -> {
            OutputStream real = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW);
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw new IOException("No space left on device: " + temp);
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }
            };
        });
        AtomicOutput.WriteException e = assertThrows(
                AtomicOutput.WriteException.class, () -> out.stream().write(1));
        assertEquals("cannot write '" + file + "': No space left on device:", e.getMessage());
        out.close();
        assertEquals(List.of(), names());
    }

    @Test
    void open_staleTemporaryFileOfADeadProcess_removed() throws IOException {
        Path stale = Files.writeString(dir.resolve(".out.csv.2147483646.12345.tmp"), "debris");
        Path live = Files.writeString(
                dir.resolve(".out.csv." + ProcessHandle.current().pid() + ".1.tmp"), "someone else's, alive");
        Path other = Files.writeString(dir.resolve(".other.csv.2147483646.1.tmp"), "another target's");
        try (AtomicOutput out = AtomicOutput.open(dir.resolve("out.csv"))) {
            out.commit();
        }
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(other));
    }

    @Test
    void identity_sameFileThroughLinksAndSpellings_equal() throws IOException {
        Path file = Files.writeString(dir.resolve("in.csv"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), file);
        Path hard = Files.createLink(dir.resolve("hard.csv"), file);
        Files.createDirectory(dir.resolve("sub"));
        Object id = AtomicOutput.identity(file);
        assertEquals(id, AtomicOutput.identity(link));
        assertEquals(id, AtomicOutput.identity(hard));
        assertEquals(id, AtomicOutput.identity(dir.resolve("sub/../in.csv")));
        assertEquals(AtomicOutput.identity(dir.resolve("new.csv")), AtomicOutput.identity(dir.resolve("./new.csv")));
        assertEquals(null, AtomicOutput.identity(Path.of("/dev/null")));
    }
}
