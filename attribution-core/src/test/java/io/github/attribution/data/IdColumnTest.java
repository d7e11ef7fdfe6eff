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
            }
        });
    }
}
