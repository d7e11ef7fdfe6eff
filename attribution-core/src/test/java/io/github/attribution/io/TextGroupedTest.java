package io.github.attribution.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

final class TextGroupedTest {
    @Test
    void grouped_insertsACommaEveryThreeDigitsOfTheWholePart() {
        assertEquals("1,262,060.00", Text.grouped("1262060.00"));
        assertEquals("-12,345", Text.grouped("-12345"));
        assertEquals("1,000", Text.grouped("1000"));
        assertEquals("999.123456", Text.grouped("999.123456"));
        assertEquals("0.000000", Text.grouped("0.000000"));
    }

    @Test
    void grouped_leavesTextThatIsNotAPlainDecimalAlone() {
        assertEquals("12.3%", Text.grouped("12.3%"));
        assertEquals("2026-Q1", Text.grouped("2026-Q1"));
        assertEquals("20260101", Text.grouped("20260101").replace(",", "")); // digits are still digits
        assertEquals("Paid Search", Text.grouped("Paid Search"));
        assertEquals("94.4 pp", Text.grouped("94.4 pp"));
        assertEquals("", Text.grouped(""));
        assertEquals("n/a", Text.grouped("n/a"));
    }

    @Test
    void grouped_withoutItsCommasIsTheNumber() {
        qt().forAll(longs().all()).checkAssert(n -> {
            String plain = Long.toString(n);
            String grouped = Text.grouped(plain);
            assertEquals(plain, grouped.replace(",", ""));
            String digits = grouped.startsWith("-") ? grouped.substring(1) : grouped;
            String[] groups = digits.split(",", -1);
            for (int i = 1; i < groups.length; i++) {
                assertEquals(3, groups[i].length(), grouped);
            }
            assertEquals(true, groups[0].length() >= 1 && groups[0].length() <= 3, grouped);
        });
    }
}
