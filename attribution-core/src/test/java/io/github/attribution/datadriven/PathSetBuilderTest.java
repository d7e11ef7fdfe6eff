package io.github.attribution.datadriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows added by channel id ({@link PathSet.Builder#add(int[], int, long, long, long, int)}) and by name. */
final class PathSetBuilderTest {
    @Test
    void addByIds_equalsAddByNames() {
        qt().withExamples(300).forAll(PathRows.rows(6, 5, 30)).checkAssert(rows -> {
            PathSet byName = PathRows.pathSet(rows);
            PathSet.Builder b = PathSet.builder();
            for (PathRows.Row row : rows) {
                int[] ids = new int[row.path().size() + 2];
                for (int k = 0; k < row.path().size(); k++) {
                    ids[k] = b.channel(row.path().get(k));
                }
                b.add(ids, row.path().size(), row.conversions(), row.nulls(), row.cents(), 2);
            }
            PathSet byId = b.build();
            assertEquals(byName.channels(), byId.channels());
            assertEquals(byName.size(), byId.size());
            for (int r = 0; r < byName.size(); r++) {
                assertEquals(byName.path(r), byId.path(r));
                assertEquals(byName.conversions(r), byId.conversions(r));
                assertEquals(byName.nulls(r), byId.nulls(r));
                assertEquals(byName.value(r), byId.value(r));
            }
            assertEquals(byName.totalValue(), byId.totalValue());
            assertEquals(byName.totalConversions(), byId.totalConversions());
            assertEquals(byName.totalNulls(), byId.totalNulls());
        });
    }

    @Test
    void values_keepTheirScaleAndLargeOnesStayExact() {
        BigDecimal huge = new BigDecimal("123456789012345678901234567890.5");
        PathSet paths = PathSet.builder()
                .add(List.of("A"), 1, 0, new BigDecimal("0.00"))
                .add(List.of("A"), 1, 0, huge)
                .add(List.of("B"), 1, 0, new BigDecimal("1E+3"))
                .add(List.of("B"), 0, 1)
                .ensureCapacity(100, 100)
                .build();
        assertEquals(new BigDecimal("0.00"), paths.value(0));
        assertEquals(huge, paths.value(1));
        assertEquals(new BigDecimal("1E+3"), paths.value(2));
        assertEquals(BigDecimal.ZERO, paths.value(3));
        assertEquals(huge.add(new BigDecimal("1000")), paths.totalValue());
        assertEquals(4, paths.size());
        assertThrows(IndexOutOfBoundsException.class, () -> paths.value(4));
    }

    @Test
    void countsAndValuesBeyondAnInt_areKept() {
        PathSet.Builder b = PathSet.builder();
        int a = b.channel("A");
        for (int i = 0; i < 100; i++) {
            b.add(new int[] {a}, 1, i, 2 * i, 3 * i, 0);
        }
        b.add(new int[] {a}, 1, 5_000_000_000L, 6_000_000_000L, 7_000_000_000L, 2);
        b.add(new int[] {a}, 1, 1, 2, 3, 0);
        PathSet paths = b.build();
        assertEquals(99, paths.conversions(99));
        assertEquals(5_000_000_000L, paths.conversions(100));
        assertEquals(6_000_000_000L, paths.nulls(100));
        assertEquals(new BigDecimal("70000000.00"), paths.value(100));
        assertEquals(2, paths.nulls(101));
        assertEquals(5_000_000_000L + 4950 + 1, paths.totalConversions());
    }

    @Test
    void manyChannels_idsBeyondAByte_areKept() {
        PathSet.Builder byName = PathSet.builder();
        PathSet.Builder byId = PathSet.builder();
        for (int i = 0; i < 300; i++) {
            String a = String.format("c%03d", i);
            String b = String.format("c%03d", 299 - i);
            byName.add(List.of(a, b, a), i, 300 - i, BigDecimal.valueOf(i, 1));
            byId.add(new int[] {byId.channel(a), byId.channel(b), byId.channel(a)}, 3, i, 300 - i, i, 1);
        }
        PathSet x = byName.build();
        PathSet y = byId.build();
        assertEquals(300, x.channels().size());
        assertEquals(x.channels(), y.channels());
        for (int r = 0; r < 300; r++) {
            assertEquals(x.path(r), y.path(r));
            assertEquals(x.conversions(r), y.conversions(r));
            assertEquals(x.nulls(r), y.nulls(r));
            assertEquals(x.value(r), y.value(r));
        }
        assertEquals(List.of("c299", "c000", "c299"), x.path(299));
    }

    @Test
    void addByIds_rejectsBadArguments() {
        PathSet.Builder b = PathSet.builder();
        int a = b.channel("A");
        assertEquals(a, b.channel("A"));
        assertThrows(IllegalArgumentException.class, () -> b.channel(" "));
        assertThrows(IllegalArgumentException.class, () -> b.add(new int[] {a}, 0, 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> b.add(new int[] {a}, 2, 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> b.add(new int[] {a + 1}, 1, 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> b.add(new int[] {a}, 1, -1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> b.add(new int[] {a}, 1, 1, 0, -5, 0));
        assertThrows(IllegalArgumentException.class, () -> b.add(new int[] {a}, 1, 1, 0, 5, 19));
        b.add(new int[] {a}, 1, 1, 0, 5, 1);
        assertEquals(new BigDecimal("0.5"), b.build().value(0));
        assertThrows(IllegalStateException.class, () -> b.channel("B"));
    }
}
