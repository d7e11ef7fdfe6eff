package io.github.attribution.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a report groups credits by. Touch dimensions take the value of the credited touch; sourcing
 * dimensions take a value of the opportunity's original source or first touch (so every credit of an
 * opportunity lands in the same group); period dimensions take the opportunity's close date for
 * revenue and won counts and its creation date for pipeline, opportunity and touch counts (UTC).
 *
 * <p>Each dimension is also the output column of its values, named by {@link #label()}.
 */
public enum Dimension {
    /** The credited touch's channel. */
    CHANNEL("channel", Kind.TOUCH),
    /** The credited touch's source. */
    SOURCE("source", Kind.TOUCH),
    /** The credited touch's campaign. */
    CAMPAIGN("campaign", Kind.TOUCH),
    /** The credited touch's offer. */
    OFFER("offer", Kind.TOUCH),
    /** The credited touch's type, {@code marketing} or {@code sales}. */
    TOUCH_TYPE("touch_type", Kind.TOUCH),
    /** The channel of the opportunity's original source (see {@link Sourcing}). */
    ORIGINAL_SOURCE_CHANNEL("original_source_channel", Kind.OPPORTUNITY),
    /** The touch type of the opportunity's original source. */
    ORIGINAL_SOURCE_TYPE("original_source_type", Kind.OPPORTUNITY),
    /** The channel of the first touch of the opportunity's journey. */
    FIRST_TOUCH_CHANNEL("first_touch_channel", Kind.OPPORTUNITY),
    /** The touch type of the first touch of the opportunity's journey. */
    FIRST_TOUCH_TYPE("first_touch_type", Kind.OPPORTUNITY),
    /** Calendar month, {@code 2026-03}. */
    MONTH("month", Kind.PERIOD),
    /** Calendar quarter, {@code 2026-Q1}. */
    QUARTER("quarter", Kind.PERIOD),
    /** Calendar year, {@code 2026}. */
    YEAR("year", Kind.PERIOD);

    enum Kind {
        TOUCH,
        OPPORTUNITY,
        PERIOD
    }

    private final String label;
    private final Kind kind;

    Dimension(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    /** The name used on the command line and as the output column, such as {@code touch_type}. */
    public String label() {
        return label;
    }

    /** Whether this is a calendar period (month, quarter, year). */
    public boolean isPeriod() {
        return kind == Kind.PERIOD;
    }

    Kind kind() {
        return kind;
    }

    /**
     * The dimension named {@code text}: a {@link #label()}, case-insensitive, with {@code -} accepted
     * for {@code _} ({@code touch-type}).
     *
     * @throws IllegalArgumentException naming the known dimensions if there is none such
     */
    public static Dimension parse(String text) {
        if (text != null) {
            String key = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            for (Dimension d : values()) {
                if (d.label.equals(key)) {
                    return d;
                }
            }
        }
        throw new IllegalArgumentException("unknown report dimension '" + text + "'; known dimensions: "
                + Arrays.stream(values()).map(Dimension::label).collect(Collectors.joining(", ")));
    }
}
