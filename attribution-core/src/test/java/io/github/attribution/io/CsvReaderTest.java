package io.github.attribution.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CsvReaderTest {
    private static CsvReader csv(String text) {
        return new CsvReader(new StringReader(text), "test.csv");
    }

    /** Every record as its fields plus its line, "line:field|field". */
    private static List<String> records(CsvReader csv) {
        List<String> out = new ArrayList<>();
        while (csv.next()) {
            out.add(csv.line() + ":" + String.join("|", csv.record()));
        }
        return out;
    }

    @Test
    void next_readsQuotedFieldsWithCommasQuotesAndNewlines() {
        CsvReader csv = csv("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",2\r\nplain,\"\"\n");
        assertEquals(List.of("2:x, y|say \"hi\"", "3:multi\nline|2", "5:plain|"), records(csv));
    }

    @Test
    void next_handlesCrlfCrAndMissingFinalNewline() {
        assertEquals(List.of("2:1|2", "3:3|4", "4:5|6"), records(csv("a,b\r\n1,2\r3,4\n5,6")));
    }

    @Test
    void next_skipsEmptyLinesButCountsThem() {
        assertEquals(List.of("3:1|2", "5:3|4"), records(csv("a,b\n\n1,2\n\n3,4\n\n")));
    }

    @Test
    void next_keepsCrlfInsideQuotes() {
        CsvReader csv = csv("a\n\"x\r\ny\"\nz\n");
        assertEquals(List.of("2:x\r\ny", "4:z"), records(csv));
    }

    @Test
    void column_matchesNamesCaseInsensitivelyAndIgnoresBom() {
        CsvReader csv = csv("\uFEFFTouchpoint_ID, Channel ,extra\n1,2,3\n");
        assertEquals(0, csv.column("touchpoint_id"));
        assertEquals(1, csv.column("channel"));
        assertEquals(-1, csv.column("campaign"));
        assertTrue(csv.next());
        assertEquals("2", csv.get(csv.column("CHANNEL")));
        assertEquals("", csv.get(-1));
    }

    @Test
    void requireColumn_namesFileAndColumn() {
        DataFileException e =
                assertThrows(DataFileException.class, () -> csv("a,b\n").requireColumn("amount"));
        assertEquals(
                "test.csv line 1, column amount: missing required column 'amount' (the header has: a, b)",
                e.getMessage());
    }

    @Test
    void constructor_rejectsEmptyFileAndRepeatedColumns() {
        assertThrows(DataFileException.class, () -> csv(""));
        DataFileException e = assertThrows(DataFileException.class, () -> csv("a,A\n"));
        assertTrue(e.getMessage().contains("column 'A' appears twice"), e.getMessage());
    }

    @Test
    void next_rejectsWrongFieldCountButKeepsGoing() {
        CsvReader csv = csv("a,b\n1\n2,3\n");
        DataFileException e = assertThrows(DataFileException.class, csv::next);
        assertEquals("test.csv line 2, column b: the record has 1 fields but the header has 2", e.getMessage());
        assertFalse(csv.isBroken());
        assertTrue(csv.next());
        assertEquals("3", csv.get(1));
    }

    @Test
    void next_rejectsUnclosedQuoteAndStops() {
        CsvReader csv = csv("a,b\n1,2\n\"open,3\n4,5\n");
        assertTrue(csv.next());
        DataFileException e = assertThrows(DataFileException.class, csv::next);
        assertEquals("test.csv line 3, column a: a quoted field opened on this line is never closed", e.getMessage());
        assertTrue(csv.isBroken());
    }

    @Test
    void next_rejectsQuoteInsideUnquotedField() {
        CsvReader csv = csv("a\nab\"c\n");
        assertThrows(DataFileException.class, csv::next);
    }

    @Test
    void utf8_rejectsMalformedBytes() {
        byte[] bytes = {'a', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        DataFileException e = assertThrows(DataFileException.class, () -> {
            CsvReader csv = new CsvReader(CsvReader.utf8(new ByteArrayInputStream(bytes)), "bad.csv");
            csv.next();
        });
        // a decoding reader reads ahead, so the line is where decoding stopped, at or before the bad bytes
        assertEquals("bad.csv line 1, column 1: the file is not valid UTF-8 (at or after this line)", e.getMessage());
    }

    @Test
    void offset_countsTheBytesUpToTheCurrentRecordsEnd() throws java.io.IOException {
        String text = "a,b\n1,\u00e9\r\n\n\"x\ny\",2\n";
        java.nio.file.Path file = java.nio.file.Files.createTempFile("offsets", ".csv");
        try {
            java.nio.file.Files.writeString(file, text);
            for (CsvReader csv : List.of(csv(text), CsvReader.open(file))) {
                try (csv) {
                    assertTrue(csv.next());
                    assertEquals(10, csv.offset()); // "a,b\n" 4 + "1,\u00e9\r\n" 6 bytes
                    assertTrue(csv.next());
                    assertEquals(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, csv.offset());
                    assertFalse(csv.next());
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void bytes_rejectsMalformedUtf8OnItsLine() {
        byte[] bytes = {'a', '\n', 'x', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        CsvReader csv = new CsvReader(new ByteArrayInputStream(bytes), "bad.csv");
        assertTrue(csv.next());
        DataFileException e = assertThrows(DataFileException.class, csv::next);
        assertEquals("bad.csv line 3, column a: the file is not valid UTF-8 (at or after this line)", e.getMessage());
    }

    @Test
    void bytes_decodesMultiByteFieldsSplitAcrossBuffers() {
        String name = "caf\u00e9 \u89f8\u9ede \ud83d\ude00";
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i)
                    .append(',')
                    .append(i % 3 == 0 ? "\"" + name + ",\"" : name)
                    .append('\n');
        }
        CsvReader csv = new CsvReader(
                new ByteArrayInputStream(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), "u.csv");
        for (int i = 0; i < 20_000; i++) {
            assertTrue(csv.next());
            assertEquals(String.valueOf(i), csv.get(0));
            assertEquals(i % 3 == 0 ? name + "," : name, csv.get(1));
        }
        assertFalse(csv.next());
    }

    @Test
    void next_readsLongFieldsAcrossBufferBoundaries() {
        String big = "x".repeat(200_000);
        CsvReader csv = csv("a,b\n\"" + big + "\"\"\"," + big + "\n");
        assertTrue(csv.next());
        assertEquals(big + "\"", csv.get(0));
        assertEquals(big, csv.get(1));
    }

    @Test
    void csvWriter_quotesOnlyWhenNeededAndReadsBack() {
        StringWriter text = new StringWriter();
        new CsvWriter(text)
                .row("h1", "h2", "h3")
                .row("plain", "a,b", "say \"hi\"\nbye")
                .row(null, "", " sp ");
        assertEquals("h1,h2,h3\nplain,\"a,b\",\"say \"\"hi\"\"\nbye\"\n,, sp \n", text.toString());
        assertEquals(
                List.of("2:plain|a,b|say \"hi\"\nbye", "4:|| sp "),
                records(new CsvReader(new StringReader(text.toString()), "round.csv")));
    }
}
