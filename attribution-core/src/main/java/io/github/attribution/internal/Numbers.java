package io.github.attribution.internal;

import io.github.attribution.data.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The library's one number formatter: every number its writers, reports and tables show goes through
 * here, so a weight, an amount, a share or a percentage is written alike everywhere. Plain decimals
 * (no grouping, {@code .} as the point, no exponent) for CSV and JSON; {@link #grouped} adds thousands
 * separators for people. Exact: money from minor units, shares and percentages rounded half-up from
 * their decimal value.
 */
public final class Numbers {
    private static final long WEIGHT_SCALE = 1_000_000_000_000L;

    /** {@code POWERS[d] = 10^d} for d = 0..18, every power of ten a {@code long} holds. */
    private static final long[] POWERS = {
        1L,
        10L,
        100L,
        1_000L,
        10_000L,
        100_000L,
        1_000_000L,
        10_000_000L,
        100_000_000L,
        1_000_000_000L,
        10_000_000_000L,
        100_000_000_000L,
        1_000_000_000_000L,
        10_000_000_000_000L,
        100_000_000_000_000L,
        1_000_000_000_000_000L,
        10_000_000_000_000_000L,
        100_000_000_000_000_000L,
        1_000_000_000_000_000_000L
    };

    private Numbers() {}

    /** {@code 10^digits}, for {@code digits} from 0 to 18. */
    public static long powerOfTen(int digits) {
        return POWERS[digits];
    }

    /**
     * A weight in {@code [0, 1]} with exactly 12 digits after the point ({@code 0.333333333333}),
     * rounded to nearest from the double.
     */
    public static String weight(double weight) {
        StringBuilder sb = new StringBuilder(14);
        appendWeight(sb, weight);
        return sb.toString();
    }

    /** Appends {@link #weight(double)} to {@code sb}. */
    public static void appendWeight(StringBuilder sb, double weight) {
        long scaled = Math.round(weight * WEIGHT_SCALE);
        appendFixed(sb, scaled, 12);
    }

    /** {@code minor} minor units of {@code currency} as a plain decimal ({@code 1234.50}, JPY {@code 1235}). */
    public static String money(long minor, Currency currency) {
        StringBuilder sb = new StringBuilder(20);
        appendMoney(sb, minor, currency);
        return sb.toString();
    }

    /** Appends {@link #money(long, Currency)} to {@code sb}. */
    public static void appendMoney(StringBuilder sb, long minor, Currency currency) {
        int digits = Money.fractionDigits(currency);
        if (minor == Long.MIN_VALUE) {
            sb.append(Money.format(minor, currency));
            return;
        }
        appendFixed(sb, minor, digits);
    }

    /** {@code value} half-up to {@code scale} decimals ({@code 0.125} to 2: {@code 0.13}); empty for NaN. */
    public static String decimal(double value, int scale) {
        return Double.isNaN(value) ? "" : decimal(BigDecimal.valueOf(value), scale);
    }

    /** {@code value} half-up to {@code scale} decimals, as a plain decimal. */
    public static String decimal(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * A fraction as a percentage half-up to {@code scale} decimals, without the sign: {@code 0.18649}
     * to 1 is {@code 18.6}; empty for NaN.
     */
    public static String percent(double fraction, int scale) {
        return decimal(fraction * 100, scale);
    }

    /** A fraction as a percentage half-up to {@code scale} decimals, without the sign: {@code 18.6}. */
    public static String percent(BigDecimal fraction, int scale) {
        return decimal(fraction.movePointRight(2), scale);
    }

    /**
     * A plain decimal with its whole part grouped by thousands for people: {@code 1262060.00} as {@code
     * 1,262,060.00}, {@code -12345} as {@code -12,345}. Text that is not a plain decimal (an id, a
     * percentage) comes back unchanged. For text output only: CSV and JSON keep plain numbers.
     */
    public static String grouped(String plain) {
        int begin = plain.startsWith("-") ? 1 : 0;
        int dot = plain.indexOf('.');
        int end = dot < 0 ? plain.length() : dot;
        if (end - begin < 4) {
            return plain;
        }
        for (int i = begin; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if ((c < '0' || c > '9') && i != dot) {
                return plain;
            }
        }
        StringBuilder b = new StringBuilder(plain.length() + (end - begin) / 3);
        b.append(plain, 0, begin);
        for (int i = begin; i < end; i++) {
            if (i > begin && (end - i) % 3 == 0) {
                b.append(',');
            }
            b.append(plain.charAt(i));
        }
        return b.append(plain, end, plain.length()).toString();
    }

    /** {@code value / 10^digits} written with exactly {@code digits} digits after the point; no garbage. */
    private static void appendFixed(StringBuilder sb, long value, int digits) {
        if (value < 0) {
            sb.append('-');
            value = -value;
        }
        if (digits == 0) {
            sb.append(value);
            return;
        }
        long scale = POWERS[digits];
        long fraction = value % scale;
        sb.append(value / scale).append('.');
        for (int d = digits - 1; d > 0 && fraction < POWERS[d]; d--) {
            sb.append('0');
        }
        sb.append(fraction);
    }
}
