package io.github.attribution.report;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.TouchType;
import io.github.attribution.journey.Journeys;
import java.util.Objects;

/**
 * Who sourced one opportunity: its original source (the earliest candidate touch up to the journey's
 * end, ignoring lookback and funnel cycles, as {@link Journeys#originalSource} defines it) and the first
 * touch of its journey. With funnel cycles the two differ: the journey restarts after a quiet gap, so
 * its first touch moves to the new cycle while the original source stays.
 *
 * @param opportunityId the opportunity
 * @param originalSourceTouchId the original source's touchpoint id; {@code null} when it has none
 * @param originalSourceChannel its channel; {@code null} when none
 * @param originalSourceType its touch type; {@code null} when none
 * @param firstTouchId the first journey touch's id; {@code null} when the journey is empty
 * @param firstTouchChannel its channel; {@code null} when none
 * @param firstTouchType its touch type; {@code null} when none
 * @param marketingInfluenced whether any journey touch, or the original source, is a marketing touch
 */
public record Sourcing(
        String opportunityId,
        String originalSourceTouchId,
        String originalSourceChannel,
        TouchType originalSourceType,
        String firstTouchId,
        String firstTouchChannel,
        TouchType firstTouchType,
        boolean marketingInfluenced) {

    /** The sourcing of opportunity {@code opp} (a dataset index) of {@code journeys}. */
    public static Sourcing of(Journeys journeys, int opp) {
        Objects.requireNonNull(journeys, "journeys must not be null");
        Dataset data = journeys.dataset();
        if (opp < 0 || opp >= journeys.opportunityCount()) {
            throw new IndexOutOfBoundsException(
                    "opportunity " + opp + " of " + journeys.opportunityCount() + " opportunities");
        }
        int source = journeys.originalSource(opp);
        int first = journeys.size(opp) > 0 ? journeys.touch(opp, 0) : -1;
        return new Sourcing(
                data.opportunityId(opp),
                source < 0 ? null : data.touchId(source),
                source < 0 ? null : data.channelName(data.touchChannel(source)),
                source < 0 ? null : data.touchType(source),
                first < 0 ? null : data.touchId(first),
                first < 0 ? null : data.channelName(data.touchChannel(first)),
                first < 0 ? null : data.touchType(first),
                influenced(journeys, opp));
    }

    /** Whether marketing sourced the opportunity: its original source is a marketing touch. */
    public boolean marketingSourced() {
        return originalSourceType == TouchType.MARKETING;
    }

    /** Whether the first touch of the journey is a marketing touch. */
    public boolean marketingFirstTouch() {
        return firstTouchType == TouchType.MARKETING;
    }

    static boolean influenced(Journeys journeys, int opp) {
        Dataset data = journeys.dataset();
        int source = journeys.originalSource(opp);
        if (source >= 0 && data.touchType(source) == TouchType.MARKETING) {
            return true;
        }
        for (int p = 0, n = journeys.size(opp); p < n; p++) {
            if (data.touchType(journeys.touch(opp, p)) == TouchType.MARKETING) {
                return true;
            }
        }
        return false;
    }
}
