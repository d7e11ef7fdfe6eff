package io.github.attribution.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdColumnTest {
    @Test
    void storesLatin1AndWiderIdsAndLongOnes() {
        IdColumn column = new IdColumn();
        List<String> ids = List.of("TP-1", "", "café", "觸點-7", "emoji-\uD83D\uDE00", "x".repeat(300), "ÿ");
        for (String id : ids) {
            column.add(id);
        }
        column.trim();
        assertEquals(ids.size(), column.size());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(ids.get(i), column.get(i));
            assertTrue(column.equalsAt(i, ids.get(i)));
            assertFalse(column.equalsAt(i, ids.get(i) + "!"));
        }
        assertFalse(column.equalsAt(0, "TP-2"));
        assertFalse(column.equalsAt(2, "cafe"));
    }

    @Test
    void numberedIdsKeepTheirDigitsAndPrefixes() {
        IdColumn column = new IdColumn();
        List<String> ids = List.of(
                "TP-000000001",
                "TP-000000002",
                "TP-1",
                "007",
                "0",
                "12345678901234567", // 17 digits: the most a numbered id holds
                "123456789012345678", // 18: held as bytes
                "TP-99999999999999999",
                "a,b-42", // a prefix that is not a plain CSV field
                "café-9", // not ASCII: held as bytes
                "9x",
                "TP-000000001");
        for (String id : ids) {
            column.add(id);
        }
        byte[] dst = new byte[64];
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            assertEquals(id, column.get(i));
            assertTrue(column.equalsAt(i, id));
            assertFalse(column.equalsAt(i, id + "0"));
            boolean csvPlain = id.chars().allMatch(c -> c >= 0x20 && c < 0x80 && c != ',' && c != '"');
            int copied = column.copyCsvPlain(i, dst, 3);
            if (csvPlain) {
                assertEquals(id, new String(dst, 3, copied, java.nio.charset.StandardCharsets.ISO_8859_1));
            } else {
                assertEquals(-1, copied);
            }
            for (int j = 0; j < ids.size(); j++) {
                assertEquals(id.equals(ids.get(j)), column.sameAt(i, j), id + " against " + ids.get(j));
            }
        }
        assertFalse(column.equalsAt(0, "TP-00000001"));
        assertFalse(column.equalsAt(0, "TQ-000000001"));
        assertEquals(-1, column.copyCsvPlain(0, new byte[11], 0), "no room");
    }

    @Test
    void pastSixtyFourFormsIdsAreHeldAsBytesAndStillMatch() {
        IdColumn column = new IdColumn();
        List<String> ids = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int form = 0; form < 100; form++) {
                ids.add("F" + (char) ('A' + form % 26) + (char) ('A' + form / 26) + "-" + "0".repeat(form % 5) + round);
            }
        }
        for (String id : ids) {
            column.add(id);
        }
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(ids.get(i), column.get(i));
            for (int j = 0; j < ids.size(); j++) {
                assertEquals(ids.get(i).equals(ids.get(j)), column.sameAt(i, j));
                if (ids.get(i).equals(ids.get(j))) {
                    assertEquals(column.hash(i), column.hash(j));
                }
            }
        }
    }

    @Test
    void numberedIncreasingIdsAreKnownDistinctWithoutHashing() {
        assertTrue(column("TP-001", "TP-002", "TP-010", "TQ-001", "TP-0001").numberedAndIncreasing());
        assertTrue(column().numberedAndIncreasing());
        assertFalse(column("TP-001", "TP-002", "TP-002").numberedAndIncreasing(), "a repeat");
        assertFalse(column("TP-002", "TP-001").numberedAndIncreasing(), "decreasing");
        assertFalse(column("TP-001", "TP-002", "TP-X").numberedAndIncreasing(), "not numbered");
        assertFalse(column("TP-001", "TQ-001", "TP-002").numberedAndIncreasing(), "an earlier form after a later one");
    }

    private static IdColumn column(String... ids) {
        IdColumn column = new IdColumn();
        for (String id : ids) {
            column.add(id);
        }
        return column;
    }

    @Test
    void anIdLargerThanAChunkStillFits() {
        IdColumn column = new IdColumn();
        String huge = "h".repeat((1 << 24) + 10);
        column.add("a");
        column.add(huge);
        column.add("b");
        assertEquals("a", column.get(0));
        assertEquals(huge, column.get(1));
        assertEquals("b", column.get(2));
    }

    @Test
    void roundTripsAndMatchesLikeStrings() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int n = 1 + r.nextInt(3000);
            List<String> ids = new ArrayList<>();
            IdColumn column = new IdColumn();
            for (int i = 0; i < n; i++) {
                StringBuilder sb = new StringBuilder();
                if (r.nextInt(3) == 0) { // numbered: one of a few prefixes and widths
                    sb.append(List.of("", "TP-", "x", "T,").get(r.nextInt(4)));
                    int width = 1 + r.nextInt(r.nextBoolean() ? 3 : 19);
                    for (int c = 0; c < width; c++) {
                        sb.append((char) ('0' + r.nextInt(r.nextBoolean() ? 2 : 10)));
                    }
                    ids.add(sb.toString());
                    assertEquals(i, column.add(sb.toString()));
                    continue;
                }
                int length = r.nextInt(r.nextInt(10) == 0 ? 200 : 20);
                for (int c = 0; c < length; c++) {
                    int kind = r.nextInt(10);
                    if (kind < 7) {
                        sb.append((char) ('0' + r.nextInt(75)));
                    } else if (kind < 9) {
                        sb.append((char) r.nextInt(256));
                    } else {
                        sb.append((char) r.nextInt(0x10000));
                    }
                }
                ids.add(sb.toString());
                assertEquals(i, column.add(sb.toString()));
            }
            if (r.nextBoolean()) {
                column.trim();
            }
            for (int i = 0; i < n; i++) {
                assertEquals(ids.get(i), column.get(i));
                assertTrue(column.equalsAt(i, ids.get(i)));
                int j = r.nextInt(n);
                assertEquals(ids.get(i).equals(ids.get(j)), column.equalsAt(i, ids.get(j)));
                assertEquals(ids.get(i).equals(ids.get(j)), column.sameAt(i, j));
                if (ids.get(i).equals(ids.get(j))) {
                    assertEquals(column.hash(i), column.hash(j));
                }
                if (i > 0) {
                    assertEquals(ids.get(i).equals(ids.get(i - 1)), column.sameAt(i, i - 1));
                }
            }
        });
    }
}
