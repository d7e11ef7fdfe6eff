package io.github.attribution.report;

import java.time.LocalDate;

/**
 * Calendar periods (UTC) as dense ints: a month is {@code year * 12 + month - 1}, a quarter {@code
 * year * 4 + quarter - 1}, a year itself. So the ints of one kind sort chronologically.
 */
final class Periods {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private Periods() {}

    /** The month id of an instant in nanoseconds since the epoch. */
    static int month(long epochNanos) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochNanos, NANOS_PER_DAY));
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    /** The id of {@code dimension}'s period for a month id. */
    static int of(Dimension dimension, int month) {
        switch (dimension) {
            case MONTH:
                return month;
            case QUARTER:
                return Math.floorDiv(month, 3);
            case YEAR:
                return Math.floorDiv(month, 12);
            default:
                throw new AssertionError(dimension);
        }
    }

    /** {@code 2026-03}, {@code 2026-Q1} or {@code 2026}. */
    static String label(Dimension dimension, int id) {
        switch (dimension) {
            case MONTH:
                return year(Math.floorDiv(id, 12)) + "-" + two(Math.floorMod(id, 12) + 1);
            case QUARTER:
                return year(Math.floorDiv(id, 4)) + "-Q" + (Math.floorMod(id, 4) + 1);
            case YEAR:
                return year(id);
            default:
                throw new AssertionError(dimension);
        }
    }

    /**
     * The id of a cost period ({@code 2026-03} or {@code 2026-Q1}, as {@link
     * io.github.attribution.data.CampaignCost} validates) in {@code dimension}, or {@code fallback} when
     * the cost's period is coarser than the dimension (a quarter's cost in a monthly report) or absent.
     */
    static int ofCostPeriod(Dimension dimension, String period, int fallback) {
        if (period == null) {
            return fallback;
        }
        int year = Integer.parseInt(period.substring(0, 4));
        if (period.charAt(5) == 'Q') {
            int quarter = year * 4 + period.charAt(6) - '1';
            return dimension == Dimension.MONTH ? fallback : of(dimension, quarter * 3);
        }
        int month = year * 12 + Integer.parseInt(period.substring(5, 7)) - 1;
        return of(dimension, month);
    }

    private static String year(int year) {
        return year >= 0 && year < 10_000 ? String.format("%04d", year) : Integer.toString(year);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
