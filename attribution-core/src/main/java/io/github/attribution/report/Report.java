package io.github.attribution.report;

import io.github.attribution.Attributor;
import io.github.attribution.Credit;
import io.github.attribution.CreditTable;
import io.github.attribution.data.CampaignCost;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import java.util.List;
import java.util.Objects;

/**
 * Groups one model's credits by dimensions, with pipeline, revenue, fractional counts, touch counts,
 * campaign costs and ROI, and marketing's sourced and influenced revenue.
 *
 * <pre>{@code
 * Attributor attributor = Attributor.builder().cycleGapDays(30).build();
 * Journeys journeys = attributor.journeys(dataset);
 * ReportTable table = Report.run(attributor, journeys, Models.byName("w-shaped"),
 *         ReportSpec.parse("channel,quarter"), costs);
 * System.out.print(table.toText());
 * table.writeCsv(writer);
 * }</pre>
 *
 * {@link #run} streams the credits block by block ({@link Attributor#stream}) into a {@link
 * ReportAccumulator}, so memory grows with the number of groups, not of credits; {@link #of} reports
 * a {@link CreditTable} already computed.
 *
 * <p><b>Placeholders.</b> Values that are not names: {@link #UNATTRIBUTED} for credit of an
 * opportunity with an empty journey under every touch dimension (so totals reconcile), {@link #NONE}
 * for an empty source, campaign or offer or an absent original source or first touch, {@link
 * #UNMAPPED} and {@link #UNALLOCATED} for costs that cannot be placed (see {@link ReportAccumulator}),
 * and {@link #TOTAL} in {@link ReportTable#totals()}.
 */
public final class Report {
    /** The value of every touch dimension for credit without a touch. */
    public static final String UNATTRIBUTED = Credit.UNATTRIBUTED;
    /** An empty source, campaign or offer, or no original source or first touch. */
    public static final String NONE = "(none)";
    /** The channel of cost of a campaign that has touches in several channels, or none. */
    public static final String UNMAPPED = "(unmapped campaigns)";
    /** The period of cost whose period is coarser than the report's (or absent). */
    public static final String UNALLOCATED = "(unallocated)";
    /** Every dimension of a total row. */
    public static final String TOTAL = "(total)";

    private Report() {}

    /**
     * Runs {@code model} over {@code journeys} and reports its credits.
     *
     * @param costs campaign costs; empty for a report without cost columns
     * @throws IllegalArgumentException if costs are given and the spec groups by a dimension costs
     *     cannot be split by (anything but campaign, channel and periods)
     */
    public static ReportTable run(
            Attributor attributor,
            Journeys journeys,
            AttributionModel model,
            ReportSpec spec,
            List<CampaignCost> costs) {
        Objects.requireNonNull(attributor, "attributor must not be null");
        Objects.requireNonNull(model, "model must not be null");
        ReportAccumulator acc = new ReportAccumulator(journeys, model.name(), spec, costs);
        attributor.stream(journeys, model, acc);
        return acc.finish();
    }

    /**
     * As {@link #run(Attributor, Journeys, AttributionModel, ReportSpec, List)}, with bootstrap intervals
     * on the pipeline, revenue, opportunities, won and touches cells ({@link ReportTable#rowBounds()})
     * when {@code intervals} is not null. They depend on the seed only, not on the attributor's threads
     * or the input order.
     */
    public static ReportTable run(
            Attributor attributor,
            Journeys journeys,
            AttributionModel model,
            ReportSpec spec,
            List<CampaignCost> costs,
            Bootstrap.Settings intervals) {
        if (intervals == null) {
            return run(attributor, journeys, model, spec, costs);
        }
        Objects.requireNonNull(attributor, "attributor must not be null");
        Objects.requireNonNull(model, "model must not be null");
        ReportAccumulator acc =
                new ReportAccumulator(journeys, model.name(), spec, costs).intervals(attributor, model, intervals);
        attributor.stream(journeys, model, acc);
        return acc.finish();
    }

    /** Reports {@code credits}, a table that covers every opportunity of its journeys. */
    public static ReportTable of(CreditTable credits, ReportSpec spec, List<CampaignCost> costs) {
        Objects.requireNonNull(credits, "credits must not be null");
        ReportAccumulator acc = new ReportAccumulator(credits.journeys(), credits.model(), spec, costs);
        acc.accept(credits);
        return acc.finish();
    }
}
