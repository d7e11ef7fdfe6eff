package io.github.attribution.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How journeys are cut from touches: lookback window, funnel-cycle gap, and the as-of instant for
 * open opportunities. {@link #DEFAULT} has none of them: every touch up to the close counts.
 *
 * @param lookback touches earlier than {@code created_at - lookback} are left out; {@code null} for
 *     no lower bound
 * @param cycleGap a quiet gap longer than this before opportunity creation starts a new funnel cycle;
 *     {@code null} to ignore cycles
 * @param asOf upper bound for open opportunities' journeys; {@code null} for none
 */
public record JourneySettings(Duration lookback, Duration cycleGap, Instant asOf) {
    /** No lookback, no cycles, no as-of. */
    public static final JourneySettings DEFAULT = new JourneySettings(null, null, null);

    /** Validates that durations are not negative. */
    public JourneySettings {
        if (lookback != null && lookback.isNegative()) {
            throw new IllegalArgumentException("lookback must not be negative: " + lookback);
        }
        if (cycleGap != null && cycleGap.isNegative()) {
            throw new IllegalArgumentException("cycle gap must not be negative: " + cycleGap);
        }
    }

    /** These settings with a lookback of {@code days} days. */
    public JourneySettings withLookbackDays(long days) {
        return new JourneySettings(days(days, "lookback"), cycleGap, asOf);
    }

    /** These settings with a funnel-cycle gap of {@code days} days. */
    public JourneySettings withCycleGapDays(long days) {
        return new JourneySettings(lookback, days(days, "cycle gap"), asOf);
    }

    /** These settings with open journeys ending at {@code asOf}. */
    public JourneySettings withAsOf(Instant asOf) {
        return new JourneySettings(lookback, cycleGap, Objects.requireNonNull(asOf, "asOf must not be null"));
    }

    /** The most days a lookback or cycle gap may have: about 292 years, the span of a long of nanoseconds. */
    public static final long MAX_DAYS = Long.MAX_VALUE / 86_400_000_000_000L;

    private static Duration days(long days, String what) {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException(what + " days must be from 0 to " + MAX_DAYS + ": " + days);
        }
        return Duration.ofDays(days);
    }

    static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
