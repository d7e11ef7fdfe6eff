package io.github.attribution.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input written to break the readers: values with line breaks, terminal escapes and bidirectional
 * overrides, megabyte values, huge headers, sums past a long, absurd exponents, and a byte-order mark
 * before a quoted header. Every error is one printable line naming file, line and column.
 */
final class HostileInputTest {
    private static final String OPP_HEADER = "opportunity_id,account_id,amount,currency,created_at,closed_at,status";

    @TempDir
    Path dir;

    private static CsvReader csv(String text) {
        return new CsvReader(new StringReader(text), "test.csv");
    }

    private static DataFileException readOpportunities(String text) {
        DatasetReader reader = DatasetReader.strict(Money.currency("USD"));
        return assertThrows(
                DataFileException.class,
                () -> reader.readOpportunities(
                        new CsvReader(new StringReader(text), "opportunities.csv"), Dataset.builder()));
    }

    private static void assertOneSafeLine(String message) {
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            assertFalse(
                    c < 0x20 || c == 0x7F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069),
                    "character " + (int) c + " at " + i + " in: " + message);
        }
    }

    @Test
    void message_valueWithLineBreaksEscapesAndBidi_isOneEscapedLine() {
        DataFileException e = readOpportunities(
                OPP_HEADER + "\nO1,A,\"12\r\nerror: none\u001b]0;owned\u0007\u202e\",USD,2026-01-01,2026-01-05,won\n");
        assertOneSafeLine(e.getMessage());
        assertEquals(
                "opportunities.csv line 2, column amount: '12\\r\\nerror: none\\u001b]0;owned\\u0007\\u202e' is not"
                        + " a plain decimal; expected digits with an optional '.', such as 1250.50",
                e.getMessage());
        assertEquals("12\r\nerror: none\u001b]0;owned\u0007\u202e", e.value(), "the value itself is kept");
    }

    @Test
    void message_megabyteValue_isTruncatedWithItsLength() {
        String huge = "9".repeat(1 << 20) + "x";
        DataFileException e = readOpportunities(OPP_HEADER + "\nO1,A," + huge + ",USD,2026-01-01,2026-01-05,won\n");
        assertTrue(e.getMessage().length() < 1000, "short: " + e.getMessage().length());
        assertTrue(
                e.getMessage().contains("9... (1048577 characters, truncated)' is not a plain decimal"),
                e.getMessage().substring(e.getMessage().length() - 200));
        assertEquals(huge.length(), e.value().length());
    }

    @Test
    void message_wrongFieldCount_namesTheColumnWhereItDiverges() {
        DataFileException fewer =
                assertThrows(DataFileException.class, () -> csv("a,b,c\n1,2\n").next());
        assertEquals("test.csv line 2, column c: the record has 2 fields but the header has 3", fewer.getMessage());
        DataFileException more = assertThrows(
                DataFileException.class, () -> csv("a,b,c\n1,2,3,4\n").next());
        assertEquals("test.csv line 2, column 4: the record has 4 fields but the header has 3", more.getMessage());
    }

    @Test
    void message_brokenQuotesAndBadUtf8_nameTheColumn() {
        assertEquals(
                "test.csv line 2, column b: a quote inside an unquoted field; quote the whole field and double the"
                        + " quote (\"\")",
                assertThrows(DataFileException.class, () -> csv("a,b\n1,x\"y\n").next())
                        .getMessage());
        assertEquals(
                "test.csv line 2, column b: a quoted field opened on this line is never closed",
                assertThrows(
                                DataFileException.class,
                                () -> csv("a,b\n1,\"open\n").next())
                        .getMessage());
        assertEquals(
                "test.csv line 2, column a: unexpected 'z' after a closing quote; expected a comma or the end of the"
                        + " line",
                assertThrows(
                                DataFileException.class,
                                () -> csv("a,b\n\"q\"z,1\n").next())
                        .getMessage());
        byte[] bad = "a,b\n1,\u00e9\n".getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 2] = (byte) 0xFF;
        assertEquals(
                "bytes.csv line 2, column b: the file is not valid UTF-8 (at or after this line)",
                assertThrows(
                                DataFileException.class,
                                () -> new CsvReader(new ByteArrayInputStream(bad), "bytes.csv").next())
                        .getMessage());
    }

    @Test
    void header_byteOrderMarkBeforeAQuotedName_isAccepted() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path file = dir.resolve("q.csv");
        Files.write(file, bom);
        Files.writeString(
                file, "\"touchpoint_id\",\"channel\"\n\"t1\",\"Email\"\n", java.nio.file.StandardOpenOption.APPEND);
        try (CsvReader csv = CsvReader.open(file)) {
            assertEquals(0, csv.column("touchpoint_id"));
            assertTrue(csv.next());
            assertEquals("Email", csv.get(1));
        }
        CsvReader fromChars = csv("\uFEFF\"a\",b\n1,2\n");
        assertEquals(0, fromChars.column("a"));
    }

    @Test
    @Timeout(30)
    void header_300000Columns_duplicateFoundWithoutQuadraticWork() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300_000; i++) {
            sb.append(i == 0 ? "" : ",").append("c").append(i);
        }
        sb.append(",C7\n");
        DataFileException e = assertThrows(DataFileException.class, () -> csv(sb.toString()));
        assertEquals("test.csv line 1, column C7: column 'C7' appears twice in the header", e.getMessage());
        assertTrue(csv(sb.toString().replace(",C7\n", "\n")).column("c299999") == 299_999);
    }

    @Test
    void amounts_sumPastALongInOneCurrency_isADataErrorOnTheRowThatOverflows() {
        DataFileException e = readOpportunities(OPP_HEADER
                + "\nO1,A,92233720368547758.07,USD,2026-01-01,2026-01-05,won"
                + "\nO2,B,92233720368547758.07,EUR,2026-01-01,2026-01-05,won"
                + "\nO3,C,0.01,USD,2026-01-01,2026-01-05,won\n");
        assertEquals(
                "opportunities.csv line 4, column amount: '0.01' takes the sum of USD amounts past"
                        + " 92233720368547758.07, the largest sum of one currency's amounts supported",
                e.getMessage());
        assertEquals("0.01", e.value());
    }

    @Test
    void costs_sumPastALong_isADataError() throws IOException {
        Path costs = Files.writeString(
                dir.resolve("costs.csv"),
                "campaign,cost,currency,period\nA,92233720368547758.00,USD,\nB,0.07,USD,\nC,1.00,USD,\n");
        DataFileException e = assertThrows(
                DataFileException.class,
                () -> DatasetReader.strict(Money.currency("USD")).readCosts(costs));
        assertEquals(
                "costs.csv line 4, column cost: '1.00' takes the sum of USD costs past 92233720368547758.07, the"
                        + " largest sum of one currency's costs supported",
                e.getMessage());
    }

    @Test
    @Timeout(30)
    void paths_absurdExponents_rejectedAsTheyAreRead() throws IOException {
        for (String value : new String[] {"1e20000000", "1e999999999", "1e-999999999"}) {
            Path file = Files.writeString(dir.resolve("p.csv"), "path,conversions,value\nA > B,1," + value + "\n");
            DataFileException e = assertThrows(
                    DataFileException.class,
                    () -> new PathsReader("path", "conversions", null, "value", ">").read(file));
            assertEquals(
                    "p.csv line 2, column value: '" + value + "' is not a decimal number of at least 0 below 10^30"
                            + " with at most 30 digits after the point",
                    e.getMessage());
        }
        Path file = Files.writeString(dir.resolve("c.csv"), "path,conversions\nA > B,1e999999999\n");
        DataFileException e = assertThrows(
                DataFileException.class, () -> new PathsReader("path", "conversions", null, null, ">").read(file));
        assertEquals(
                "c.csv line 2, column conversions: '1e999999999' is not a whole number of at least 0 and at most "
                        + Long.MAX_VALUE,
                e.getMessage());
        Path fine = Files.writeString(dir.resolve("f.csv"), "path,conversions,value\nA > B,3e2,1.5e3\n");
        assertEquals(
                300,
                new PathsReader("path", "conversions", null, "value", ">")
                        .read(fine)
                        .totalConversions());
    }

    @Test
    @Timeout(30)
    void modelParameter_absurdExponent_rejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Models.byName("time-decay:half-life-days=1e999999999"));
        assertTrue(e.getMessage().contains("must be a decimal number below 10^30"), e.getMessage());
    }

    @Test
    void lookbackDays_pastWhatNanosecondsHold_rejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> io.github.attribution.journey.JourneySettings.DEFAULT.withLookbackDays(Long.MAX_VALUE));
        assertEquals("lookback days must be from 0 to 106751: 9223372036854775807", e.getMessage());
        assertEquals(
                Duration.ofDays(106_751),
                io.github.attribution.journey.JourneySettings.DEFAULT
                        .withLookbackDays(106_751)
                        .lookback());
    }
}
