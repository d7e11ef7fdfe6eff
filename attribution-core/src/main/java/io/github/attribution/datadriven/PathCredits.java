package io.github.attribution.datadriven;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One model's credits per channel for a {@link PathSet}: how many conversions and how much value each
 * channel of the set earned. Every channel of the set is present, zeros included.
 *
 * <p>Values are {@link BigDecimal}s, unrounded: rule-based models (first-touch, last-touch) give exact
 * sums; linear divides exactly summed counts by path lengths to 24 digits after the point; markov and
 * shapley multiply the exact totals by {@code double} shares (taken exactly as binary fractions) and
 * round each product to 24 digits after the point. Every step is deterministic and sums are exact, so
 * results do not depend on the order of the rows. Round for display with {@code setScale(6,
 * RoundingMode.HALF_UP)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class PathCredits {
    private final String model;
    private final List<String> channels;
    private final Map<String, Integer> index;
    private final BigDecimal[] conversions;
    private final BigDecimal[] value;

    PathCredits(String model, List<String> channels, BigDecimal[] conversions, BigDecimal[] value) {
        this.model = model;
        this.channels = channels;
        this.index = Channels.index(channels);
        this.conversions = conversions;
        this.value = value;
    }

    /** The model's name. */
    public String model() {
        return model;
    }

    /** The channels of the path set, sorted by name. */
    public List<String> channels() {
        return channels;
    }

    /**
     * The conversions credited to {@code channel}.
     *
     * @throws IllegalArgumentException if the path set has no such channel
     */
    public BigDecimal conversions(String channel) {
        return conversions[position(channel)];
    }

    /**
     * The value credited to {@code channel}.
     *
     * @throws IllegalArgumentException if the path set has no such channel
     */
    public BigDecimal value(String channel) {
        return value[position(channel)];
    }

    /** The sum of every channel's conversions. */
    public BigDecimal totalConversions() {
        return Arrays.stream(conversions).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sum of every channel's value. */
    public BigDecimal totalValue() {
        return Arrays.stream(value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private int position(String channel) {
        Integer i = index.get(Objects.requireNonNull(channel, "channel must not be null"));
        if (i == null) {
            throw new IllegalArgumentException("no channel '" + channel + "' in the path set; channels: " + channels);
        }
        return i;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(model).append('{');
        for (int c = 0; c < channels.size(); c++) {
            s.append(c == 0 ? "" : ", ")
                    .append(channels.get(c))
                    .append('=')
                    .append(conversions[c].stripTrailingZeros().toPlainString())
                    .append('/')
                    .append(value[c].stripTrailingZeros().toPlainString());
        }
        return s.append('}').toString();
    }
}
