package io.github.attribution.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Cohort conversion and velocity of one sourcing channel from one funnel stage to another: of the
 * records that entered stage {@code from} sourced by {@code channel}, how many reached stage {@code
 * to} (or a later stage), and how long the ones that entered {@code to} took.
 *
 * @param sourcing {@code original_source} or {@code first_touch}: which touch of the {@code from}
 *     event's journey names the sourcing channel
 * @param channel the sourcing channel, or {@link Report#NONE} when the event had no such touch
 * @param from the stage of the cohort
 * @param to the stage reached
 * @param entered the records that entered {@code from} (the cohort)
 * @param reached how many of them reached {@code to} or a later stage; never more than {@code entered}
 * @param timed how many of them entered {@code to} itself, at or after entering {@code from}: the
 *     records the days are of
 * @param outOfOrder how many of them entered {@code to} before {@code from} (left out of the days)
 * @param medianDays the median of the days from {@code from} to {@code to}, or null when none is timed
 * @param meanDays the mean of those days, rounded half-up to 2 decimals, or null when none is timed
 */
public record ConversionRow(
        String sourcing,
        String channel,
        String from,
        String to,
        long entered,
        long reached,
        long timed,
        long outOfOrder,
        BigDecimal medianDays,
        BigDecimal meanDays) {
    /** The output column names, in order. */
    public static final List<String> COLUMNS = List.of(
            "sourcing",
            "channel",
            "from_stage",
            "to_stage",
            "entered",
            "reached",
            "rate",
            "timed",
            "median_days",
            "mean_days",
            "out_of_order");

    /** Checks the counts. */
    public ConversionRow {
        Objects.requireNonNull(sourcing, "sourcing must not be null");
        Objects.requireNonNull(channel, "channel must not be null");
        if (reached < 0 || reached > entered || timed > reached || outOfOrder < 0) {
            throw new IllegalArgumentException(
                    "counts out of range: entered " + entered + ", reached " + reached + ", timed " + timed);
        }
    }

    /** {@code reached / entered}, rounded half-up to 4 decimals; empty for an empty cohort. */
    public Optional<BigDecimal> rate() {
        if (entered == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(reached)
                .divide(BigDecimal.valueOf(entered), ReportRow.RATIO_SCALE, RoundingMode.HALF_UP));
    }

    List<String> values() {
        return List.of(
                sourcing,
                channel,
                from,
                to,
                Long.toString(entered),
                Long.toString(reached),
                rate().map(BigDecimal::toPlainString).orElse(""),
                Long.toString(timed),
                medianDays == null ? "" : medianDays.toPlainString(),
                meanDays == null ? "" : meanDays.toPlainString(),
                Long.toString(outOfOrder));
    }
}
