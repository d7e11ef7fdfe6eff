package io.github.attribution.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The register tricks that turn numbers into ASCII digits, checked on every value they take. */
final class CreditWriterDigitsTest {
    /** The first {@code n} bytes of {@code word}, byte 0 the lowest, as text. */
    private static String text(long word, int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            sb.append((char) ((word >>> (8 * k)) & 0xFF));
        }
        return sb.toString();
    }

    /** {@code value} with leading zeros to {@code n} digits, computed digit by digit. */
    private static boolean isDigitsOf(long word, int n, long value) {
        for (int k = n - 1; k >= 0; k--) {
            if (((word >>> (8 * k)) & 0xFF) != '0' + value % 10) {
                return false;
            }
            value /= 10;
        }
        return true;
    }

    @Test
    void fourDigits_everyValue_isItsDigitsFirstDigitLowest() {
        for (int value = 0; value < 10_000; value++) {
            int word = CreditWriter.fourDigits(value);
            if (!isDigitsOf(word & 0xFFFF_FFFFL, 4, value)) {
                assertEquals(String.format("%04d", value), text(word, 4));
            }
        }
    }

    @Test
    void eightDigits_everyValue_isItsDigitsFirstDigitLowest() {
        for (long value = 0; value < 100_000_000; value++) {
            long word = CreditWriter.eightDigits(value);
            if (!isDigitsOf(word, 8, value)) {
                assertEquals(String.format("%08d", value), text(word, 8));
            }
        }
    }
}
