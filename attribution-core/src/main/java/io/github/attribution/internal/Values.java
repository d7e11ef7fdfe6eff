package io.github.attribution.internal;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;

/**
 * Parses the typed values of input files. Each method throws {@link IllegalArgumentException} whose
 * message quotes the text and says what was expected; the readers prefix file, line and column.
 * Shared by the file readers and the other readers of the same files (such as the Spark module's), so
 * that they all parse alike; {@link #instantText} is how the writers write an instant back.
 */
public final class Values {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;
    private static final long MIN_SECONDS = Long.MIN_VALUE / NANOS_PER_SECOND + 1;
    private static final long MAX_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND - 1;

    private Values() {}

    /**
     * An ISO-8601 instant ({@code 2026-03-01T09:30:00Z}, an offset such as {@code +02:00}, a fraction
     * of up to nine digits) or a plain date ({@code 2026-03-01}, midnight UTC), as nanoseconds since
     * the epoch.
     */
    public static long instant(String text) {
        String s = text.trim();
        long fast = fastInstant(s);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException(
                    "missing value; expected a date (2026-03-01) or an instant (2026-03-01T09:30:00Z)");
        }
        Instant instant;
        if (s.indexOf('T') < 0 && s.indexOf('t') < 0) {
            try {
                instant = LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException e) {
                throw notAnInstant(text);
            }
        } else {
            try {
                instant = OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeException e) {
                try {
                    LocalDateTime.parse(s);
                } catch (DateTimeException e2) {
                    throw notAnInstant(text);
                }
                throw new IllegalArgumentException("'" + text + "' has no time zone; expected Z or an offset"
                        + " such as +02:00 at the end (2026-03-01T09:30:00Z)");
            }
        }
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("'" + text + "' is outside the supported range 1677..2262");
        }
        return seconds * NANOS_PER_SECOND + instant.getNano();
    }

    private static IllegalArgumentException notAnInstant(String text) {
        return new IllegalArgumentException("'" + text + "' is not a date or an instant; expected ISO-8601 such as"
                + " 2026-03-01 or 2026-03-01T09:30:00Z");
    }

    /**
     * The common forms {@code yyyy-MM-dd} and {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} without the cost of
     * a formatter; {@link Long#MIN_VALUE} for anything else, which the slow path then handles. The
     * same parse as {@code TouchpointFileScanner.instant} on a {@code String} instead of bytes: change
     * both together.
     */
    private static long fastInstant(String s) {
        int n = s.length();
        if (n != 10 && (n < 20 || n > 30)) {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return Long.MIN_VALUE;
        }
        if (day > lengthOfMonth(year, month) || year < 1678 || year > 2261) {
            return Long.MIN_VALUE;
        }
        long days = epochDay(year, month, day);
        if (n == 10) {
            return days * NANOS_PER_DAY;
        }
        if (s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return Long.MIN_VALUE;
        }
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        long nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return Long.MIN_VALUE;
            }
            int f = digits(s, 20, fraction);
            if (f < 0) {
                return Long.MIN_VALUE;
            }
            nanos = f;
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        return (days * 86_400L + hour * 3600L + minute * 60L + second) * NANOS_PER_SECOND + nanos;
    }

    /** The days in {@code month} (1 to 12) of proleptic Gregorian {@code year}. */
    public static int lengthOfMonth(int year, int month) {
        if (month == 2) {
            return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** The non-negative number in {@code s[from, from+len)}, or -1 if it is not all ASCII digits. */
    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    public static long epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /**
     * A plain decimal amount ({@code 125000.50}) in minor units of {@code currency}. Trailing zeros
     * beyond the currency's digits are fine; other extra digits, signs, symbols, exponents and
     * negative amounts are not.
     */
    public static long amount(String text, Currency currency) {
        String s = text.trim();
        int digits = Money.fractionDigits(currency);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("missing value; expected an amount such as 1250.50");
        }
        if (s.charAt(0) == '-') {
            throw new IllegalArgumentException("'" + text + "' is negative; expected an amount of 0 or more");
        }
        // the whole part s[0 .. dot), the fraction s(dot .. end): read in place, no substrings (a
        // million opportunities' amounts made two million strings)
        int end = s.length();
        int dot = s.indexOf('.');
        int wholeEnd = dot < 0 ? end : dot;
        int fractionStart = dot < 0 ? end : dot + 1;
        if (wholeEnd == 0 && fractionStart == end || !allDigits(s, 0, wholeEnd) || !allDigits(s, fractionStart, end)) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a plain decimal; expected digits with an optional '.', such as 1250.50");
        }
        for (int i = fractionStart + digits; i < end; i++) {
            if (s.charAt(i) != '0') {
                throw new IllegalArgumentException("'" + text + "' has more than " + digits + " decimal digit"
                        + (digits == 1 ? "" : "s") + " for " + currency.getCurrencyCode());
            }
        }
        try {
            long minor = 0;
            for (int i = 0; i < wholeEnd; i++) {
                minor = Math.addExact(Math.multiplyExact(minor, 10), s.charAt(i) - '0');
            }
            for (int i = 0; i < digits; i++) {
                int at = fractionStart + i;
                minor = Math.addExact(Math.multiplyExact(minor, 10), at < end ? s.charAt(at) - '0' : 0);
            }
            return minor;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** An ISO 4217 currency code, case-insensitive. */
    public static Currency currency(String text) {
        try {
            return Money.currency(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a known ISO 4217 currency code with a minor unit; expected e.g. USD, EUR, JPY");
        }
    }

    /**
     * An instant in nanoseconds since the epoch as ISO-8601 UTC ({@code 2026-03-01T09:30:00Z}, with
     * the fraction only when there is one); {@code ""} for {@link Dataset#NO_INSTANT}: how the writers
     * write what {@link #instant} reads.
     */
    public static String instantText(long epochNanos) {
        if (epochNanos == Dataset.NO_INSTANT) {
            return "";
        }
        return Instant.ofEpochSecond(
                        Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L))
                .toString();
    }
}
