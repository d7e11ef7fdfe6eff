package io.github.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;
import org.junit.jupiter.api.Test;

final class ValuesTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");

    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void instant_readsIsoForms() {
        assertEquals(nanos("2026-03-01T09:30:00Z"), Values.instant("2026-03-01T09:30:00Z"));
        assertEquals(nanos("2026-03-01T07:30:00Z"), Values.instant("2026-03-01T09:30:00+02:00"));
        assertEquals(nanos("2026-03-01T09:30:00.123456789Z"), Values.instant("2026-03-01T09:30:00.123456789Z"));
        assertEquals(nanos("2026-03-01T09:30:00.100Z"), Values.instant("2026-03-01T09:30:00.1Z"));
        assertEquals(nanos("2026-03-01T00:00:00Z"), Values.instant("2026-03-01"));
        assertEquals(nanos("2026-03-01T09:30:00Z"), Values.instant(" 2026-03-01T09:30Z "));
        assertEquals(nanos("1969-12-31T23:59:59.5Z"), Values.instant("1969-12-31T23:59:59.5Z"));
    }

    @Test
    void instant_rejectsLocalDateTimesAndGarbage() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Values.instant("2026-03-01T09:30:00"));
        assertEquals(
                "'2026-03-01T09:30:00' has no time zone; expected Z or an offset such as +02:00 at the end"
                        + " (2026-03-01T09:30:00Z)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Values.instant("2026-02-30"));
        assertThrows(IllegalArgumentException.class, () -> Values.instant("2026-02-28T24:00:00Z"));
        assertThrows(IllegalArgumentException.class, () -> Values.instant("03/01/2026"));
        assertThrows(IllegalArgumentException.class, () -> Values.instant(""));
        assertThrows(IllegalArgumentException.class, () -> Values.instant("2300-01-01"));
    }

    @Test
    void instant_knowsTheLengthOfEveryMonthInLeapAndCommonYears() {
        for (int year : new int[] {1900, 2000, 2023, 2024, 2100, 2200}) {
            for (int month = 1; month <= 12; month++) {
                for (int day = 28; day <= 31; day++) {
                    String date = String.format("%04d-%02d-%02d", year, month, day);
                    boolean valid = day <= java.time.YearMonth.of(year, month).lengthOfMonth();
                    if (valid) {
                        assertEquals(
                                java.time.LocalDate.of(year, month, day).toEpochDay() * 86_400_000_000_000L,
                                Values.instant(date),
                                date);
                        assertEquals(
                                java.time.LocalDate.of(year, month, day).toEpochDay() * 86_400_000_000_000L,
                                Values.instant(date + "T00:00:00Z"),
                                date);
                    } else {
                        assertThrows(IllegalArgumentException.class, () -> Values.instant(date), date);
                        assertThrows(IllegalArgumentException.class, () -> Values.instant(date + "T00:00:00Z"), date);
                    }
                }
            }
        }
    }

    @Test
    void instant_fastPathAgreesWithJavaTime() {
        qt().withExamples(2000)
                .forAll(
                        longs().between(-5_000_000_000L, 9_000_000_000L),
                        integers().between(0, 999_999_999))
                .checkAssert((seconds, nano) -> {
                    Instant i = Instant.ofEpochSecond(seconds, nano);
                    long expected = seconds * 1_000_000_000L + nano;
                    assertEquals(expected, Values.instant(i.toString()), i.toString());
                    assertEquals(
                            expected,
                            Values.instant(OffsetDateTime.ofInstant(i, java.time.ZoneOffset.ofHours(-5))
                                    .toString()));
                });
    }

    @Test
    void amount_readsPlainDecimalsInMinorUnits() {
        assertEquals(12_500_050, Values.amount("125000.50", USD));
        assertEquals(10_050, Values.amount("100.500", USD));
        assertEquals(10_000, Values.amount("100", USD));
        assertEquals(50, Values.amount(".5", USD));
        assertEquals(1235, Values.amount("1235", JPY));
        assertEquals(1235, Values.amount("1235.000", JPY));
        assertEquals(1_234, Values.amount("1.234", BHD));
        assertEquals(0, Values.amount("0.00", USD));
    }

    @Test
    void amount_rejectsExtraDigitsSignsAndSymbols() {
        assertEquals(
                "'12.345' has more than 2 decimal digits for USD",
                assertThrows(IllegalArgumentException.class, () -> Values.amount("12.345", USD))
                        .getMessage());
        assertEquals(
                "'1.5' has more than 0 decimal digits for JPY",
                assertThrows(IllegalArgumentException.class, () -> Values.amount("1.5", JPY))
                        .getMessage());
        for (String bad : new String[] {"-1", "+1", "$5", "1,000", "1e3", ".", "1.2.3", "", "99999999999999999999"}) {
            assertThrows(IllegalArgumentException.class, () -> Values.amount(bad, USD), bad);
        }
    }

    @Test
    void instantText_utcWithTheFractionOnlyWhenThereIsOne() {
        assertEquals("2026-03-01T09:30:00Z", Values.instantText(nanos("2026-03-01T09:30:00Z")));
        assertEquals("1969-12-31T23:59:59.500Z", Values.instantText(-500_000_000L));
        assertEquals("", Values.instantText(io.github.attribution.data.Dataset.NO_INSTANT));
    }
}
