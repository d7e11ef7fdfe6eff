package io.github.attribution.io;

import static io.github.attribution.io.PathFiles.describe;
import static io.github.attribution.io.PathFiles.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.attribution.datadriven.PathSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PathsReader#read(Path)}, which reads most files by the byte-level route ({@link
 * PathFileScanner}), against the general route ({@link PathsReader#readGeneral}, the reference): the
 * same path sets (channels in the same order, paths, counts, values with their scales, totals) and the
 * same errors, message for message.
 */
final class PathsReaderFastRouteTest {
    @TempDir
    Path dir;

    private Path write(PathFiles.Case c) {
        try {
            return c.write(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertSameAsGeneralRoute(PathFiles.Case c) {
        Path file = write(c);
        PathsReader reader = c.reader();
        List<String> general = outcome(() -> reader.readGeneral(file));
        List<String> read = outcome(() -> reader.read(file));
        assertEquals(general, read, c.toString());
        if (c.plain() && !general.get(0).contains("Exception")) {
            PathSet fast = new PathFileScanner(c.pathColumn(), c.conversions(), c.nulls(), c.value(), c.separator())
                    .read(file);
            assertNotNull(fast, "the fast route fell back on a plain file: " + c);
        }
    }

    @Test
    void read_generatedFiles_sameAsGeneralRoute() {
        qt().withExamples(1500).forAll(longs().all()).checkAssert(seed -> {
            assertSameAsGeneralRoute(PathFiles.generate(seed, false));
        });
    }

    @Test
    void read_generatedDefectiveFiles_sameResultsAndErrorsAsGeneralRoute() {
        qt().withExamples(1500).forAll(longs().all()).checkAssert(seed -> {
            assertSameAsGeneralRoute(PathFiles.generate(seed, true));
        });
    }

    // ---- examples

    private Path file(String text) throws IOException {
        Path file = dir.resolve("paths.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static PathsReader reader() {
        return new PathsReader("path", "conversions", "nulls", "value", ">");
    }

    /** The fast route's own result (null when it falls back), after checking both routes agree. */
    private static PathSet fastAndCheck(PathsReader reader, Path file, String... columns) throws IOException {
        assertEquals(outcome(() -> reader.readGeneral(file)), outcome(() -> reader.read(file)));
        return new PathFileScanner(columns[0], columns[1], columns[2], columns[3], columns[4]).read(file);
    }

    private static PathSet fastAndCheck(Path file) throws IOException {
        return fastAndCheck(reader(), file, "path", "conversions", "nulls", "value", ">");
    }

    @Test
    void fastRoute_plainFile_readsPathsCountsAndValues() throws IOException {
        Path file = file("path,conversions,nulls,value\n"
                + "Paid Search > Email > Paid Search,1,0,12.50\n"
                + " Email ,0,3,\n"
                + "Webinar>Email,2,1,0.00\n");
        PathSet paths = fastAndCheck(file);
        assertNotNull(paths);
        assertEquals(List.of("Email", "Paid Search", "Webinar"), paths.channels());
        assertEquals(List.of("Paid Search", "Email", "Paid Search"), paths.path(0));
        assertEquals(List.of("Email"), paths.path(1));
        assertEquals(new BigDecimal("12.50"), paths.value(0));
        assertEquals(BigDecimal.ZERO, paths.value(1));
        assertEquals(new BigDecimal("0.00"), paths.value(2)); // the scale is kept
        assertEquals(3, paths.totalConversions());
        assertEquals(4, paths.totalNulls());
        assertEquals(new BigDecimal("12.50"), paths.totalValue());
    }

    @Test
    void fastRoute_crlfBlankLinesBomAndNoFinalLineEnd() throws IOException {
        Path file = file("\uFEFFPath,Conversions,Nulls,Value\r\n\r\nA > B,1,0,5\r\n\nB,0,1,0\r\nC,3.0,0,1.5");
        PathSet paths = fastAndCheck(file);
        assertNotNull(paths);
        assertEquals(3, paths.size());
        assertEquals(4, paths.totalConversions()); // "3.0" is 3, as in the general route
        assertEquals(new BigDecimal("6.5"), paths.totalValue());
    }

    @Test
    void fastRoute_multiByteSeparatorAndChannels_columnsInAnyOrderWithExtras() throws IOException {
        Path file = file("note,value,path,conversions\nünï,1,日本語 → emoji 😀 → Ünïcödé,1\n,2,Ünïcödé,0\n");
        PathsReader reader = new PathsReader("path", "conversions", null, "value", "→");
        PathSet paths = fastAndCheck(reader, file, "path", "conversions", null, "value", "→");
        assertNotNull(paths);
        assertEquals(List.of("emoji 😀", "Ünïcödé", "日本語"), paths.channels());
        assertEquals(List.of("日本語", "emoji 😀", "Ünïcödé"), paths.path(0));
    }

    @Test
    void fastRoute_longNamesSharingTheirFirstAndLastBytes_areDifferentChannels() throws IOException {
        Path file = file("path,conversions,nulls,value\n"
                + "aaaaaaaaXbbbbbbbb > aaaaaaaaYbbbbbbbb,1,0,1\n"
                + "aaaaaaaaYbbbbbbbb,1,0,1\n"
                + "12345678,1,0,1\n"
                + "1234567,1,0,1\n");
        PathSet paths = fastAndCheck(file);
        assertNotNull(paths);
        assertEquals(List.of("1234567", "12345678", "aaaaaaaaXbbbbbbbb", "aaaaaaaaYbbbbbbbb"), paths.channels());
        assertEquals(List.of("aaaaaaaaYbbbbbbbb"), paths.path(1));
    }

    @Test
    void fallback_quotedFields_sameResult() throws IOException {
        Path file = file("path,conversions,nulls,value\n\"Ads, Inc > \"\"Q\"\"\",1,0,2\nB,1,0,3\n");
        assertNull(fastAndCheck(file));
        assertEquals(List.of("\"Q\"", "Ads, Inc", "B"), reader().read(file).channels());
    }

    @Test
    void fallback_valuesTheGeneralRouteReadsWithBigDecimal_sameValues() throws IOException {
        Path file = file("path,conversions,nulls,value\nA,1,0,12.\nB,1,0,.5\nC,1,0,1234567890.1234567890\n");
        assertNull(fastAndCheck(file));
        PathSet paths = reader().read(file);
        assertEquals(new BigDecimal("1234567890.1234567890"), paths.value(2));
        assertEquals(new BigDecimal("1234567902.6234567890"), paths.totalValue());
    }

    @Test
    void badCount_sameErrorAsGeneralRoute() throws IOException {
        Path file = file("path,conversions,nulls,value\nA,1,0,1\nB,1e3x,0,1\n");
        assertNull(fastAndCheck(file));
        assertEquals(
                List.of("io.github.attribution.io.DataFileException: paths.csv line 3, column conversions: '1e3x'"
                        + " is not a whole number of at least 0"),
                outcome(() -> reader().read(file)));
    }

    @Test
    void negativeValue_sameErrorAsGeneralRoute() throws IOException {
        Path file = file("path,conversions,nulls,value\nA,1,0,-1\n");
        assertNull(fastAndCheck(file));
        assertEquals(
                List.of("io.github.attribution.io.DataFileException: paths.csv line 2, column value: '-1'"
                        + " is not a decimal number of at least 0"),
                outcome(() -> reader().read(file)));
    }

    @Test
    void emptyChannel_sameErrorAsGeneralRoute() throws IOException {
        Path file = file("path,conversions,nulls,value\nA,1,0,1\n\nA >  > B,1,0,1\n");
        assertNull(fastAndCheck(file));
        assertEquals(
                List.of("io.github.attribution.io.DataFileException: paths.csv line 4, column path: 'A >  > B'"
                        + " is not a path of non-empty channels separated by '>'"),
                outcome(() -> reader().read(file)));
    }

    @Test
    void wrongFieldCount_sameErrorAsGeneralRoute() throws IOException {
        Path file = file("path,conversions,nulls,value\nA,1,0\n");
        assertNull(fastAndCheck(file));
        assertTrue(outcome(() -> reader().read(file)).get(0).contains("the record has 3 fields but the header has 4"));
    }

    @Test
    void invalidUtf8InAColumnNotRead_sameErrorAsGeneralRoute() throws IOException {
        Path file = dir.resolve("paths.csv");
        byte[] head = "path,conversions,note\nA,1,ok\nB,1,".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xC3; // a truncated two-byte sequence
        bytes[head.length + 1] = '\n';
        Files.write(file, bytes);
        PathsReader reader = new PathsReader("path", "conversions", null, null, ">");
        assertNull(fastAndCheck(reader, file, "path", "conversions", null, null, ">"));
        assertTrue(outcome(() -> reader.read(file)).get(0).contains("not valid UTF-8"));
    }

    @Test
    void blankUnicodeChannel_sameErrorAsGeneralRoute() throws IOException {
        Path file = file("path,conversions,nulls,value\nA > \u2003,1,0,1\n");
        assertNull(fastAndCheck(file));
        assertTrue(outcome(() -> reader().read(file)).get(0).startsWith("java.lang.IllegalArgumentException"));
    }

    @Test
    void overflowingTotal_sameErrorAsGeneralRoute() throws IOException {
        StringBuilder text = new StringBuilder("path,conversions,nulls,value\n");
        for (int i = 0; i < 10; i++) {
            text.append("A,999999999999999999,0,0\n");
        }
        Path file = file(text.toString());
        assertNull(fastAndCheck(file));
        assertEquals(
                List.of("io.github.attribution.io.DataFileException: paths.csv line 11, column conversions:"
                        + " '999999999999999999' makes the file's total of conversions exceed 9223372036854775807"),
                outcome(() -> reader().read(file)));
    }

    @Test
    void overflowingNulls_isTheRowsError() throws IOException {
        Path file = file("path,conversions,nulls,value\nA,1,9223372036854775807,0\nB,0,1,0\n");
        assertNull(fastAndCheck(file));
        DataFileException e = assertThrows(DataFileException.class, () -> reader().read(file));
        assertEquals(3, e.line());
        assertEquals("nulls", e.column());
        assertEquals("1", e.value());
    }

    @Test
    void headerOnly_andMissingColumn_sameAsGeneralRoute() throws IOException {
        Path headerOnly = file("path,conversions,nulls,value");
        assertNotNull(fastAndCheck(headerOnly));
        assertEquals(0, reader().read(headerOnly).size());
        Path missing = file("path,conv\nA,1\n");
        assertNull(fastAndCheck(missing));
        assertTrue(outcome(() -> reader().read(missing)).get(0).contains("missing required column 'conversions'"));
        Path empty = file("");
        assertNull(fastAndCheck(empty));
        assertTrue(outcome(() -> reader().read(empty)).get(0).contains("the file is empty"));
    }

    @Test
    void describe_showsScales() {
        PathSet paths = PathSet.builder()
                .add(List.of("A"), 1, 0, new BigDecimal("1.50"))
                .build();
        assertEquals(
                List.of("channels [A]", "[A] c=1 n=0 v=1.50 scale 2", "totals c=1 n=0 v=1.50 scale 2"),
                describe(paths));
    }
}
