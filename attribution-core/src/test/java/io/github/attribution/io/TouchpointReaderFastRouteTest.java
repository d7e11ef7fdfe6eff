package io.github.attribution.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.TouchpointRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DatasetReader#readTouchpoints(Path, Dataset.Builder)}, which reads most files by the byte-level
 * route ({@link TouchpointFileScanner}), against the general route ({@link
 * DatasetReader#readTouchpointsGeneral}): the same datasets, rejects, counters and errors.
 */
final class TouchpointReaderFastRouteTest {
    private static final String[] CHANNELS = {"Email", "Paid Search", "Événement", "Webinar 東京", "  Spaced  ", "x"};
    private static final String[] CAMPAIGNS = {
        "", "2025-Q1 Ebook", "\"Pipeline, Not Leads\"", "Größe", "a,b", "  ", "Q\u00e9"
    };
    private static final String[] GOOD_DATES = {
        "2025-02-19", "2025-02-19T03:01:47Z", "2024-02-29T23:59:59.5Z", "1970-01-01T00:00:00.123456789Z"
    };
    private static final String[] OTHER_DATES = {
        "2025-02-19T03:01:47+02:00", " 2025-02-19", "2025-02-30", "2025-13-01", "", "nope", "2025-02-19t03:01:47z"
    };
    private static final String[] TYPES = {"", "marketing", "sales", "SALES", "Marketing"};
    private static final String[] OTHER_TYPES = {" sales", "other", "  "};

    @TempDir
    Path dir;

    /** A random touchpoint file; {@code bad} adds rows the fast route must give up on. */
    private static String generate(long seed, boolean bad) {
        Random r = new Random(seed);
        List<String> columns = new ArrayList<>(List.of("touchpoint_id", "account_id", "occurred_at", "channel"));
        for (String optional : List.of("person_id", "source", "campaign", "offer", "touch_type", "note")) {
            if (r.nextBoolean()) {
                columns.add(optional);
            }
        }
        Collections.shuffle(columns, r);
        String eol = r.nextBoolean() ? "\n" : "\r\n";
        StringBuilder s = new StringBuilder(String.join(",", columns)).append(eol);
        // one file in fifteen is long enough to span several hand-overs between the scanner and the
        // column writer; a bad long one has no other fault than, half the time, an id repeated far
        // from its first use (in a later batch)
        boolean large = r.nextInt(15) == 0;
        int rows = large ? 2500 + r.nextInt(4000) : r.nextInt(40);
        int repeatAt = large && bad && r.nextBoolean() ? 2049 + r.nextInt(rows - 2049) : -1;
        for (int i = 0; i < rows; i++) {
            if (r.nextInt(30) == 0) {
                s.append(eol); // an empty line
            }
            List<String> fields = new ArrayList<>();
            int badField = bad && !large && r.nextInt(8) == 0 ? r.nextInt(columns.size()) : -1;
            for (int c = 0; c < columns.size(); c++) {
                String name = columns.get(c);
                boolean b = c == badField;
                String v;
                switch (name) {
                    case "touchpoint_id":
                        if (large) {
                            v = i == repeatAt ? "TP-" + r.nextInt(i) : "TP-" + i;
                        } else {
                            v = b ? pick(r, "", " ", "TP-1", "TÉ-" + i) : "TP-" + (i * 7 + r.nextInt(3) * 1000);
                        }
                        break;
                    case "account_id":
                        v = b ? pick(r, "", "  ") : "ACC-" + r.nextInt(5);
                        break;
                    case "person_id":
                        v = b ? " " : r.nextInt(3) == 0 ? "" : "P-" + r.nextInt(8);
                        break;
                    case "occurred_at":
                        v = b ? pick(r, OTHER_DATES) : pick(r, GOOD_DATES);
                        break;
                    case "channel":
                        v = b ? pick(r, "", " ") : pick(r, CHANNELS);
                        break;
                    case "touch_type":
                        v = b ? pick(r, OTHER_TYPES) : pick(r, TYPES);
                        break;
                    default:
                        v = b ? "bad\"quote" : pick(r, CAMPAIGNS);
                }
                fields.add(quote(v, r));
            }
            if (bad && !large && r.nextInt(25) == 0) {
                fields.add("extra");
            }
            s.append(String.join(",", fields));
            if (i < rows - 1 || r.nextBoolean()) {
                s.append(eol);
            }
        }
        return s.toString();
    }

    private static String quote(String v, Random r) {
        if (v.contains("\"") && !v.startsWith("bad") || v.contains(",") || r.nextInt(10) == 0) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }

    /** The outcome of a read: the dataset described, or the error, plus rejects and counters. */
    private static List<String> outcome(Path file, boolean skip, boolean general) {
        return outcome(file, skip, general ? null : new TouchpointFileScanner());
    }

    /** The outcome by the general route ({@code fast} null) or through {@code fast} first. */
    private static List<String> outcome(Path file, boolean skip, TouchpointFileScanner fast) {
        List<String> out = new ArrayList<>();
        DatasetReader reader = new DatasetReader(
                Money.currency("USD"), skip ? (e, record) -> out.add("reject " + e.getMessage() + " " + record) : null);
        Dataset.Builder b = Dataset.builder();
        try {
            long n = fast == null ? reader.readTouchpointsGeneral(file, b) : reader.readTouchpoints(file, b, fast);
            out.add("added " + n + " read " + reader.rowsRead() + " rejected " + reader.rejected());
            Dataset d = b.build();
            for (int t = 0; t < d.touchCount(); t++) {
                out.add(d.touchpoint(t) + " " + d.touchAccount(t) + " " + d.touchPerson(t) + " "
                        + d.touchChannel(t) + " " + d.touchSource(t) + " " + d.touchCampaign(t) + " "
                        + d.touchOffer(t) + " " + d.channelName(d.touchChannel(t)));
            }
            out.add("counts " + d.accountCount() + " " + d.personCount() + " " + d.channelCount() + " "
                    + d.sourceCount());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            out.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return out;
    }

    /**
     * The outcome of reading {@code file} with or without touches' people kept, by the general route
     * ({@code fast} null) or through {@code fast} first: everything but the person.
     */
    private static List<String> outcomeBesidesPersons(Path file, boolean keepPersons, TouchpointFileScanner fast) {
        List<String> out = new ArrayList<>();
        DatasetReader reader =
                new DatasetReader(Money.currency("USD"), (e, record) -> out.add("reject " + e.getMessage()));
        Dataset.Builder b = Dataset.builder();
        if (!keepPersons) {
            b.withoutTouchPersons();
        }
        try {
            long n = fast == null ? reader.readTouchpointsGeneral(file, b) : reader.readTouchpoints(file, b, fast);
            out.add("added " + n + " read " + reader.rowsRead() + " rejected " + reader.rejected());
            Dataset d = b.build();
            assertEquals(keepPersons, d.hasTouchPersons());
            for (int t = 0; t < d.touchCount(); t++) {
                out.add(d.touchId(t) + " " + d.accountName(d.touchAccount(t)) + " " + d.touchTime(t) + " "
                        + d.channelName(d.touchChannel(t)) + " " + d.sourceName(d.touchSource(t)) + " "
                        + d.campaignName(d.touchCampaign(t)) + " " + d.offerName(d.touchOffer(t)) + " "
                        + d.touchType(t));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            out.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return out;
    }

    @Test
    void read_withoutTouchPersons_sameRowsAndErrorsBesidesThePerson() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            try {
                Path file = dir.resolve("touchpoints.csv");
                Files.writeString(file, generate(seed, seed % 2 == 0));
                Random r = new Random(seed);
                TouchpointFileScanner scanner = new TouchpointFileScanner(1 + r.nextInt(400), 1 + r.nextInt(3));
                List<String> kept = outcomeBesidesPersons(file, true, null);
                assertEquals(kept, outcomeBesidesPersons(file, false, null));
                assertEquals(kept, outcomeBesidesPersons(file, false, scanner));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void withoutTouchPersons_theDatasetSaysSoAndRefusesContacts() throws IOException {
        Path file = dir.resolve("touchpoints.csv");
        Files.writeString(file, "touchpoint_id,account_id,person_id,occurred_at,channel\nT1,A,P1,2025-01-02,Email\n");
        Dataset.Builder b = Dataset.builder().withoutTouchPersons();
        DatasetReader.strict(Money.currency("USD")).readTouchpoints(file, b);
        b.addOpportunity("O1", "A", Money.currency("USD"), 100, 0, Dataset.NO_INSTANT, OpportunityStatus.OPEN);
        IllegalStateException contact = assertThrows(IllegalStateException.class, () -> b.addContact("O1", "P1"));
        assertTrue(contact.getMessage().contains("withoutTouchPersons"), contact.getMessage());
        Dataset d = b.build();
        assertFalse(d.hasTouchPersons());
        assertEquals(0, d.personCount());
        assertEquals("T1", d.touchId(0));
        IllegalStateException person = assertThrows(IllegalStateException.class, () -> d.touchPerson(0));
        assertTrue(person.getMessage().contains("without the person_id"), person.getMessage());
        assertThrows(IllegalStateException.class, () -> d.touchpoint(0));
        // a person_id that is not UTF-8 is an error whether people are kept or not
        byte[] broken = "touchpoint_id,account_id,person_id,occurred_at,channel\nT1,A,P\u00e9,2025-01-02,Email\n"
                .getBytes(StandardCharsets.UTF_8);
        broken[broken.length - 25] = (byte) 0xFF; // the second byte of the é
        Files.write(file, broken);
        List<String> kept = outcomeBesidesPersons(file, true, null);
        assertTrue(kept.get(kept.size() - 1).contains("UTF-8"), kept.toString());
        assertEquals(kept, outcomeBesidesPersons(file, false, null));
        assertEquals(kept, outcomeBesidesPersons(file, false, new TouchpointFileScanner(7, 2)));
        Dataset.Builder late = Dataset.builder();
        late.addTouchpoint(new TouchpointRow("T1", "A", "P1", 0, "Email", null, null, null, null));
        assertThrows(IllegalStateException.class, late::withoutTouchPersons);
    }

    private void assertSame(String text) throws IOException {
        assertSame(text, TouchpointFileScanner.PIECE, 2);
    }

    /** The fast route cutting the file into pieces of {@code pieceBytes} on {@code threads} threads. */
    private void assertSame(String text, int pieceBytes, int threads) throws IOException {
        Path file = dir.resolve("touchpoints.csv");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        for (boolean skip : new boolean[] {false, true}) {
            assertEquals(
                    outcome(file, skip, null),
                    outcome(file, skip, new TouchpointFileScanner(pieceBytes, threads)),
                    "pieces of " + pieceBytes + " bytes on " + threads + " threads: " + text);
        }
    }

    private boolean fast(String text, int pieceBytes, int threads) throws IOException {
        Path file = dir.resolve("fast.csv");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return new TouchpointFileScanner(pieceBytes, threads).read(file, Dataset.builder()) >= 0;
    }

    private boolean fast(String text) throws IOException {
        return fast(text, TouchpointFileScanner.PIECE, 2);
    }

    @Test
    void read_generatedFiles_sameAsGeneralRoute() {
        qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
            try {
                String text = generate(seed, seed % 3 == 0);
                assertSame(text);
                // the same file cut into pieces of 1 to 400 bytes, parsed on 1 to 3 threads
                Random r = new Random(seed);
                assertSame(text, 1 + r.nextInt(400), 1 + r.nextInt(3));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void read_plainGeneratedFiles_takeTheFastRoute() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            try {
                String text = generate(seed, false);
                // ids repeat now and then, and a row of only an empty quoted field is read as empty
                if (!text.contains("\"\"") && !text.contains("  ") && !text.contains(" ,")) {
                    Path file = dir.resolve("general.csv");
                    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
                    List<String> general = outcome(file, false, true);
                    if (!general.get(general.size() - 1).contains("Exception")) {
                        assertTrue(fast(text), text);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void read_examples() throws IOException {
        String h = "touchpoint_id,account_id,person_id,occurred_at,channel,campaign,touch_type\n";
        String ok =
                h + "T1,A,P,2025-01-01,Email,\"Q1 \"\"Big\"\", launch\",sales\r\nT2,A,,2025-01-02T10:00:00Z,Ads,,\n";
        assertTrue(fast(ok));
        assertSame(ok);
        assertSame(h + "T1,A,P,2025-01-01T10:00:00+02:00,Email,c,sales\n"); // an offset: general route
        assertSame(h + "T1,A,P,2025-01-01,Email,c,sales\nT1,A,P,2025-01-01,Email,c,sales\n"); // duplicate
        assertSame(h + "T1,,P,2025-01-01,Email,c,sales\n"); // empty account
        assertSame(h + "T1,A,P,2025-01-01,Email,c,other\n"); // bad touch type
        assertSame(h + "T1,A,P,2025-01-01,Email,c\n"); // too few fields
        assertSame("\uFEFF" + h + "T1,A,P,2025-01-01,Email,c,\n"); // a BOM
        assertSame(h + "T1,A,P,2025-01-01,Email,\"multi\nline\",\n");
        assertSame(h + "T1,A,P,2025-01-01,Em\"ail,c,\n");
        assertSame(h.replace("channel,", "") + "T1,A,P,2025-01-01,c,\n"); // no channel column
    }

    /**
     * The file cut into pieces of 1 to 24 bytes, and once at every byte from 20 before to 20 after
     * {@code around} (pieces as long as the data before the cut), on 1 and 3 threads.
     */
    private void assertSameWhereverCut(String text, int around) throws IOException {
        int dataStart = text.indexOf('\n') + 1;
        for (int piece = 1; piece <= 24; piece++) {
            assertSame(text, piece, piece % 2 == 0 ? 1 : 3);
        }
        for (int cut = Math.max(dataStart + 1, around - 20); cut <= around + 20 && cut < text.length(); cut++) {
            assertSame(text, cut - dataStart, cut % 2 == 0 ? 1 : 3);
        }
    }

    @Test
    void read_quotedLineEndAtEveryPieceEdge_sameAsGeneralRoute() throws IOException {
        String h = "touchpoint_id,account_id,occurred_at,channel,campaign\n";
        StringBuilder text = new StringBuilder(h);
        for (int i = 0; i < 12; i++) {
            text.append("T")
                    .append(i)
                    .append(",A")
                    .append(i % 3)
                    .append(",2025-01-0")
                    .append(1 + i % 9);
            text.append(i == 7 ? ",Email,\"two\nlines, \"\"quoted\"\"\"\n" : ",Ads,c" + i + "\n");
        }
        // wherever the cuts fall, before, inside or after the quoted line end, the route gives up and
        // the general route reads the file
        int quote = text.indexOf("\"two");
        assertSameWhereverCut(text.toString(), quote);
        int dataStart = h.length();
        for (int cut = quote - 20; cut <= quote + 20; cut++) {
            assertFalse(fast(text.toString(), cut - dataStart, 2), "cut at " + cut);
        }
    }

    @Test
    void read_quotedFieldsCutAnywhere_stayOnTheFastRoute() throws IOException {
        String h = "touchpoint_id,account_id,occurred_at,channel,campaign\r\n";
        StringBuilder text = new StringBuilder(h);
        for (int i = 0; i < 15; i++) {
            text.append("T")
                    .append(i)
                    .append(",A")
                    .append(i % 4)
                    .append(",2025-01-0")
                    .append(1 + i % 9);
            text.append(",\"Paid, \"\"Search\"\"\",\"c").append(i % 5).append("\"\r\n");
            if (i % 6 == 0) {
                text.append("\r\n"); // an empty line
            }
        }
        int middle = text.length() / 2;
        assertSameWhereverCut(text.toString(), middle);
        for (int piece = 1; piece <= text.length(); piece += piece < 40 ? 1 : 13) {
            assertTrue(fast(text.toString(), piece, 3), "pieces of " + piece);
        }
    }

    @Test
    void read_errorsInLaterPieces_nameTheFirstBadLine() throws IOException {
        String h = "touchpoint_id,account_id,occurred_at,channel\n";
        StringBuilder text = new StringBuilder(h);
        for (int i = 0; i < 60; i++) {
            String date = i == 41 || i == 52 ? "2025-02-30" : "2025-01-02T03:04:05Z"; // lines 43 and 54
            text.append("T")
                    .append(i)
                    .append(",A")
                    .append(i % 7)
                    .append(',')
                    .append(date)
                    .append(",Email\n");
        }
        Path file = dir.resolve("touchpoints.csv");
        Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        for (int piece : new int[] {16, 100, 333, 1000}) {
            List<String> out = outcome(file, false, new TouchpointFileScanner(piece, 2));
            assertEquals(1, out.size(), out.toString());
            assertTrue(out.get(0).contains("touchpoints.csv line 43, column occurred_at"), out.get(0));
        }
        assertSameWhereverCut(text.toString(), text.indexOf("T41,"));
    }

    @Test
    void read_duplicateIdsAcrossPieces_sameErrorAsGeneralRoute() throws IOException {
        String h = "touchpoint_id,account_id,occurred_at,channel\n";
        StringBuilder text = new StringBuilder(h);
        for (int i = 0; i < 80; i++) {
            int id = i == 70 ? 3 : i; // line 72 repeats the id of line 5
            text.append("TP-").append(id).append(",A").append(i % 5).append(",2025-01-02,Email\n");
        }
        Path file = dir.resolve("touchpoints.csv");
        Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        for (int piece : new int[] {25, 200, 1000, 1 << 20}) {
            assertFalse(fast(text.toString(), piece, 2), "pieces of " + piece);
            List<String> out = outcome(file, false, new TouchpointFileScanner(piece, 2));
            assertTrue(out.get(0).contains("line 72") && out.get(0).contains("duplicate touchpoint_id"), out.get(0));
        }
        assertSameWhereverCut(text.toString(), text.indexOf("TP-3,A0,"));
        // numbered ids in increasing order but for one repeat of the id before it
        String repeatOfPrevious = h + "TP-01,A,2025-01-02,Email\nTP-02,A,2025-01-02,Email\nTP-02,B,2025-01-03,Email\n";
        assertFalse(fast(repeatOfPrevious, 1 << 20, 2));
        assertSame(repeatOfPrevious);
        // and without the repeat, every cut reads the file on the fast route
        String distinct = text.toString().replace("TP-3,A0,", "TP-70,A0,");
        for (int piece = 1; piece <= 200; piece++) {
            assertTrue(fast(distinct, piece, 2), "pieces of " + piece);
        }
    }

    @Test
    void read_dictionaryIdsAcrossPieces_inOrderOfFirstAppearance() throws IOException {
        String h = "touchpoint_id,account_id,person_id,occurred_at,channel,source\n";
        StringBuilder text = new StringBuilder(h);
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            text.append("T").append(i).append(",A").append(r.nextInt(40)).append(",");
            text.append(r.nextInt(4) == 0 ? "" : "P" + r.nextInt(90))
                    .append(",2025-01-02,C")
                    .append(r.nextInt(9));
            text.append(",s").append(r.nextInt(5)).append('\n');
        }
        for (int piece : new int[] {1, 7, 64, 500, 4096}) {
            assertTrue(fast(text.toString(), piece, 3), "pieces of " + piece);
            assertSame(text.toString(), piece, 3);
        }
    }
}
