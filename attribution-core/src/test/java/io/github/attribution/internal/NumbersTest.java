package io.github.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

final class NumbersTest {
    @Test
    void grouped_insertsACommaEveryThreeDigitsOfTheWholePart() {
        assertEquals("1,262,060.00", Numbers.grouped("1262060.00"));
        assertEquals("-12,345", Numbers.grouped("-12345"));
        assertEquals("1,000", Numbers.grouped("1000"));
        assertEquals("999.123456", Numbers.grouped("999.123456"));
        assertEquals("0.000000", Numbers.grouped("0.000000"));
    }

    @Test
    void grouped_leavesTextThatIsNotAPlainDecimalAlone() {
        assertEquals("12.3%", Numbers.grouped("12.3%"));
        assertEquals("2026-Q1", Numbers.grouped("2026-Q1"));
        assertEquals("20260101", Numbers.grouped("20260101").replace(",", "")); // digits are still digits
        assertEquals("Paid Search", Numbers.grouped("Paid Search"));
        assertEquals("94.4 pp", Numbers.grouped("94.4 pp"));
        assertEquals("", Numbers.grouped(""));
        assertEquals("n/a", Numbers.grouped("n/a"));
    }

    @Test
    void grouped_withoutItsCommasIsTheNumber() {
        qt().forAll(longs().all()).checkAssert(n -> {
            String plain = Long.toString(n);
            String grouped = Numbers.grouped(plain);
            assertEquals(plain, grouped.replace(",", ""));
            String digits = grouped.startsWith("-") ? grouped.substring(1) : grouped;
            String[] groups = digits.split(",", -1);
            for (int i = 1; i < groups.length; i++) {
                assertEquals(3, groups[i].length(), grouped);
            }
            assertEquals(true, groups[0].length() >= 1 && groups[0].length() <= 3, grouped);
        });
    }

    @Test
    void weightAndMoney_exactDigits() {
        assertEquals("0.333333333333", Numbers.weight(1.0 / 3));
        assertEquals("1.000000000000", Numbers.weight(1));
        assertEquals("0.000000000001", Numbers.weight(1e-12));
        assertEquals("1234.50", Numbers.money(123_450, Currency.getInstance("USD")));
        assertEquals("0.05", Numbers.money(5, Currency.getInstance("USD")));
        assertEquals("-0.05", Numbers.money(-5, Currency.getInstance("USD")));
        assertEquals("1235", Numbers.money(1235, Currency.getInstance("JPY")));
        assertEquals("0.001", Numbers.money(1, Currency.getInstance("BHD")));
        assertEquals("-92233720368547758.08", Numbers.money(Long.MIN_VALUE, Currency.getInstance("USD")));
    }

    @Test
    void decimalAndPercent_halfUpFromTheDecimalValue() {
        assertEquals("0.13", Numbers.decimal(0.125, 2));
        assertEquals("-0.13", Numbers.decimal(-0.125, 2));
        assertEquals("1.01", Numbers.decimal(1.005, 2)); // 1.005 as the double prints, not its binary value
        assertEquals("", Numbers.decimal(Double.NaN, 3));
        assertEquals("2.500", Numbers.decimal(new BigDecimal("2.4996"), 3));
        assertEquals("18.6", Numbers.percent(0.18649, 1));
        assertEquals("19", Numbers.percent(0.185, 0));
        assertEquals("", Numbers.percent(Double.NaN, 1));
        assertEquals("12.5", Numbers.percent(new BigDecimal("0.12450"), 1));
        assertEquals("0.0", Numbers.percent(BigDecimal.ZERO, 1));
    }

    @Test
    void powerOfTen_everyLongPower() {
        long p = 1;
        for (int d = 0; d <= 18; d++) {
            assertEquals(p, Numbers.powerOfTen(d));
            p *= 10;
        }
    }
}
