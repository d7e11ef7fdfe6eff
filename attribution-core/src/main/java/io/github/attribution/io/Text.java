package io.github.attribution.io;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import java.time.Instant;
import java.util.Currency;

/** Fast, exact text forms of the values the writers emit. */
public final class Text {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long WEIGHT_SCALE = 1_000_000_000_000L;

    private Text() {}

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

    /** {@code POWERS[d] = 10^d} for d = 0..18, every power of ten a {@code long} holds. */
    static final long[] POWERS = {
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

    /**
     * An instant in nanoseconds since the epoch as ISO-8601 UTC ({@code 2026-03-01T09:30:00Z}, with
     * the fraction only when there is one); {@code ""} for {@link Dataset#NO_INSTANT}.
     */
    public static String instant(long epochNanos) {
        if (epochNanos == Dataset.NO_INSTANT) {
            return "";
        }
        return Instant.ofEpochSecond(
                        Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND))
                .toString();
    }
}
