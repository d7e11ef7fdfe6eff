package io.github.attribution.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a report groups by: an ordered list of distinct {@link Dimension}s (possibly empty, which gives
 * one row per currency). The order is the order of the output columns and of sorting.
 *
 * <pre>{@code
 * ReportSpec bySpec = ReportSpec.parse("channel,quarter");
 * ReportSpec same = ReportSpec.of(Dimension.CHANNEL, Dimension.QUARTER);
 * }</pre>
 *
 * @param dimensions the dimensions, in column order; copied
 */
public record ReportSpec(List<Dimension> dimensions) {

    /**
     * Copies and validates the dimensions.
     *
     * @throws IllegalArgumentException if a dimension is repeated
     */
    public ReportSpec {
        Objects.requireNonNull(dimensions, "dimensions must not be null");
        dimensions = List.copyOf(dimensions);
        Set<Dimension> seen = EnumSet.noneOf(Dimension.class);
        for (Dimension d : dimensions) {
            if (!seen.add(d)) {
                throw new IllegalArgumentException("report dimension '" + d.label() + "' is given twice");
            }
        }
    }

    /** A spec of these dimensions, in order. */
    public static ReportSpec of(Dimension... dimensions) {
        return new ReportSpec(List.of(dimensions));
    }

    /**
     * A spec of the dimensions named by {@code names} ({@link Dimension#parse}), in order; each name may
     * itself be a comma-separated list, so both {@code of("channel", "quarter")} and {@code
     * of("channel,quarter")} work, as do repeated command-line options.
     *
     * @throws IllegalArgumentException for an unknown, empty or repeated dimension
     */
    public static ReportSpec of(String... names) {
        Objects.requireNonNull(names, "names must not be null");
        List<Dimension> list = new ArrayList<>();
        for (String name : names) {
            Objects.requireNonNull(name, "dimension name must not be null");
            for (String part : name.split(",", -1)) {
                if (part.isBlank()) {
                    throw new IllegalArgumentException("empty report dimension in '" + name + "'");
                }
                list.add(Dimension.parse(part));
            }
        }
        return new ReportSpec(list);
    }

    /** The spec of a comma-separated list of dimension names, {@code "channel,quarter"}. */
    public static ReportSpec parse(String text) {
        Objects.requireNonNull(text, "text must not be null");
        return text.isBlank() ? new ReportSpec(List.of()) : of(text);
    }

    /** Whether any dimension is a period. */
    public boolean hasPeriod() {
        return dimensions.stream().anyMatch(Dimension::isPeriod);
    }

    /**
     * Checks that campaign costs can be placed in this spec's groups: a cost belongs to a campaign (and
     * so to its channel) and a period, so a report with costs groups by campaign, channel, month,
     * quarter and year only.
     *
     * @throws IllegalArgumentException naming the first other dimension
     */
    public void requireCostDimensions() {
        for (Dimension d : dimensions) {
            if (d != Dimension.CAMPAIGN && d != Dimension.CHANNEL && !d.isPeriod()) {
                throw new IllegalArgumentException("costs can be reported by campaign, channel, month, quarter"
                        + " and year only, but the report also groups by '" + d.label() + "'");
            }
        }
    }

    /** The labels of the dimensions, {@code [channel, quarter]}. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>(dimensions.size());
        dimensions.forEach(d -> labels.add(d.label()));
        return List.copyOf(labels);
    }

    /** {@code channel,quarter}, which {@link #parse} reads back. */
    @Override
    public String toString() {
        return String.join(",", labels());
    }
}
