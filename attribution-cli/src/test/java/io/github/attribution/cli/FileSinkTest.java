package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class FileSinkTest {
    private static final int CAPACITY = 1 << 16;

    @TempDir
    Path dir;

    /** Sizes around the block and buffer edges, and several buffers with a ragged tail. */
    private static final int[] SIZES = {
        0,
        1,
        511,
        4095,
        4096,
        4097,
        CAPACITY - 1,
        CAPACITY,
        CAPACITY + 1,
        2 * CAPACITY,
        3 * CAPACITY + 123,
        9 * CAPACITY
    };

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void write_fileHoldsExactlyTheBytesWrittenAtEverySize(boolean mayGoDirect) throws IOException {
        Random random = new Random(7);
        for (int size : SIZES) {
            byte[] expected = new byte[size];
            random.nextBytes(expected);
            Path file = dir.resolve("out-" + mayGoDirect + "-" + size);
            try (FileSink sink = new FileSink(file, CAPACITY, mayGoDirect)) {
                writeInRaggedPieces(sink, expected, random);
            }
            assertArrayEquals(expected, Files.readAllBytes(file), "size " + size);
        }
    }

    @Test
    void write_largerThanOneBufferGoesPastThePageCacheWhereTheFileSystemAllowsIt() throws IOException {
        assumeTrue(directWritesWork(dir), "this file system refuses O_DIRECT");
        byte[] expected = new byte[5 * CAPACITY + 77];
        new Random(11).nextBytes(expected);
        Path large = dir.resolve("large");
        FileSink sink = new FileSink(large, CAPACITY, true);
        sink.write(expected, 0, expected.length);
        sink.close();
        assertTrue(sink.isDirect());
        assertArrayEquals(expected, Files.readAllBytes(large));

        Path small = dir.resolve("small");
        FileSink within = new FileSink(small, CAPACITY, true);
        within.write(expected, 0, CAPACITY);
        within.close();
        assertFalse(within.isDirect(), "a file within one buffer is written the ordinary way");
        assertEquals(CAPACITY, Files.size(small));
    }

    @Test
    void write_disabledDirectStaysOnTheOrdinaryChannel() throws IOException {
        FileSink sink = new FileSink(dir.resolve("f"), CAPACITY, false);
        sink.write(new byte[3 * CAPACITY], 0, 3 * CAPACITY);
        sink.close();
        assertFalse(sink.isDirect());
        assertEquals(3 * CAPACITY, Files.size(dir.resolve("f")));
    }

    @Test
    void create_systemPropertyTurnsDirectWritesOff() throws IOException {
        byte[] bytes = new byte[FileSink.BUFFER + 1];
        String before = System.getProperty(FileSink.DIRECT_PROPERTY);
        System.setProperty(FileSink.DIRECT_PROPERTY, "false");
        try {
            FileSink sink = FileSink.create(dir.resolve("off"));
            sink.write(bytes, 0, bytes.length);
            sink.close();
            assertFalse(sink.isDirect());
            assertEquals(bytes.length, Files.size(dir.resolve("off")));
        } finally {
            if (before == null) {
                System.clearProperty(FileSink.DIRECT_PROPERTY);
            } else {
                System.setProperty(FileSink.DIRECT_PROPERTY, before);
            }
        }
        assumeTrue(directWritesWork(dir), "this file system refuses O_DIRECT");
        FileSink sink = FileSink.create(dir.resolve("on"));
        sink.write(bytes, 0, bytes.length);
        sink.close();
        assertTrue(sink.isDirect());
    }

    @Test
    void create_refusesAFileThatExists() throws IOException {
        Path file = Files.writeString(dir.resolve("there"), "x");
        assertThrows(FileAlreadyExistsException.class, () -> new FileSink(file, CAPACITY, true));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void write_afterCloseThrowsAndCloseTwiceIsHarmless() throws IOException {
        FileSink sink = new FileSink(dir.resolve("f"), CAPACITY, true);
        sink.write('a');
        sink.close();
        sink.close();
        assertThrows(IOException.class, () -> sink.write('b'));
        assertEquals("a", Files.readString(dir.resolve("f")));
    }

    @Test
    void new_rejectsACapacityThatIsNotAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new FileSink(dir.resolve("f"), CAPACITY + 1, true));
        assertThrows(IllegalArgumentException.class, () -> new FileSink(dir.resolve("g"), 4096, true));
        assertFalse(Files.exists(dir.resolve("f")));
    }

    /** Single bytes, small arrays and arrays larger than a buffer, at non-zero offsets. */
    private static void writeInRaggedPieces(FileSink sink, byte[] bytes, Random random) throws IOException {
        int at = 0;
        while (at < bytes.length) {
            int kind = random.nextInt(3);
            if (kind == 0) {
                sink.write(bytes[at++]);
                continue;
            }
            int max = kind == 1 ? 100 : 3 * CAPACITY;
            int n = Math.min(bytes.length - at, 1 + random.nextInt(max));
            byte[] padded = new byte[n + 3];
            System.arraycopy(bytes, at, padded, 2, n);
            sink.write(padded, 2, n);
            at += n;
        }
        sink.flush();
    }

    private static boolean directWritesWork(Path dir) {
        Path probe = dir.resolve("probe");
        try (FileChannel c = FileChannel.open(
                probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT)) {
            return c.isOpen();
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // a probe left in a temporary directory is harmless
            }
        }
    }
}
