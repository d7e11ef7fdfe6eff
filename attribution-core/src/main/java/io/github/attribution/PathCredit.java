package io.github.attribution;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of path-level attribution ({@link PathAttribution}): what one model credits one channel,
 * as the {@code paths} command prints it.
 *
 * @param model the model spec as given ({@code markov:order=2})
 * @param channel the channel
 * @param conversions conversions credited, rounded half-up to {@value PathAttribution#SCALE} digits
 *     after the point
 * @param value value credited, rounded the same way
 */
public record PathCredit(String model, String channel, BigDecimal conversions, BigDecimal value) {
    /** Checks for nulls. */
    public PathCredit {
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(channel, "channel must not be null");
        Objects.requireNonNull(conversions, "conversions must not be null");
        Objects.requireNonNull(value, "value must not be null");
    }
}
