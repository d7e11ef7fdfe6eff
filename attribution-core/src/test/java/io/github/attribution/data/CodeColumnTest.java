package io.github.attribution.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CodeColumnTest {
    @Test
    void widensAtTheFirstCodePastTwoBytesAndKeepsEveryRow() {
        CodeColumn column = new CodeColumn(4);
        column.set(0, 7);
        column.set(1, 65_535);
        column.resize(8);
        column.set(2, 65_536);
        column.set(3, 3);
        column.set(4, new int[] {1, Integer.MAX_VALUE, 2}, 3);
        int[] expected = {7, 65_535, 65_536, 3, 1, Integer.MAX_VALUE, 2, 0};
        for (int row = 0; row < expected.length; row++) {
            assertEquals(expected[row], column.get(row));
        }
        column.trim(7);
        assertEquals(7, column.capacity());
        assertEquals(2, column.get(6));
    }

    @Test
    void holdsWhatWasSetWhateverTheMixOfNarrowAndWideCodes() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int n = 1 + r.nextInt(500);
            int[] expected = new int[n];
            CodeColumn column = new CodeColumn(1 + r.nextInt(n));
            int row = 0;
            while (row < n) {
                if (column.capacity() < n) {
                    column.resize(Math.min(n, column.capacity() * 2));
                }
                int room = Math.min(column.capacity(), n) - row;
                int count = Math.min(room, 1 + r.nextInt(20));
                int[] codes = new int[count];
                for (int i = 0; i < count; i++) {
                    codes[i] = r.nextInt(100) == 0 ? r.nextInt(Integer.MAX_VALUE) : r.nextInt(300);
                    expected[row + i] = codes[i];
                }
                if (r.nextBoolean()) {
                    column.set(row, codes, count);
                } else {
                    for (int i = 0; i < count; i++) {
                        column.set(row + i, codes[i]);
                    }
                }
                row += count;
            }
            for (int i = 0; i < n; i++) {
                assertEquals(expected[i], column.get(i));
            }
        });
    }
}
