package io.github.attribution.model;

import io.github.attribution.data.StageIndex;
import io.github.attribution.journey.Anchor;
import io.github.attribution.journey.Journey;
import io.github.attribution.journey.Journeys;

/**
 * The position-based family (docs/models.md, "Position-based family"): anchor weights plus a remainder spread evenly
 * over the middle of the span. Weights are exact integer shares: with {@code m} middle touches an
 * anchor gets {@code weight * m} and a middle touch {@code remainder}, all in millionths, so that no
 * floating point ever touches the money.
 */
final class PositionModel implements AttributionModel, JourneyWeigher {
    private static final Anchor[] ANCHORS = Anchor.values();

    private final String name;
    private final long[] weight = new long[ANCHORS.length];
    private final long remainder;
    private final String[] stages;
    private final long[] stageWeight;

    PositionModel(String name, AnchorWeights weights) {
        this.name = name;
        for (Anchor a : ANCHORS) {
            weight[a.ordinal()] = weights.millionths(a);
        }
        this.remainder = weights.remainderMillionths();
        this.stages = new String[weights.stageCount()];
        this.stageWeight = new long[stages.length];
        for (int i = 0; i < stages.length; i++) {
            stages[i] = weights.stage(i);
            stageWeight[i] = weights.stageMillionths(i);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public JourneyWeigher bind(Journeys journeys) {
        if (stages.length == 0) {
            return this;
        }
        StageIndex index = journeys.dataset().stageIndex();
        int[] ids = new int[stages.length];
        for (int i = 0; i < stages.length; i++) {
            ids[i] = index.find(stages[i]);
            if (ids[i] < 0) {
                throw new IllegalArgumentException("model '" + name + "' anchors on stage '" + stages[i]
                        + "', but no record entered it; the stages are: " + String.join(", ", index.names()));
            }
        }
        return (journey, weights) -> weighStages(journey, weights, ids);
    }

    /**
     * {@link #weigh} with stage anchors: the same rules over the four milestones and each stage's
     * milestone ({@link Journey#stagePosition}); anchors at one position add up there.
     */
    private void weighStages(Journey journey, Weights weights, int[] ids) {
        int n = journey.size();
        int k = ANCHORS.length + ids.length;
        int[] p = new int[k];
        long[] w = new long[k];
        for (Anchor a : ANCHORS) {
            w[a.ordinal()] = weight[a.ordinal()];
            p[a.ordinal()] = position(journey, a);
        }
        for (int i = 0; i < ids.length; i++) {
            w[ANCHORS.length + i] = stageWeight[i];
            p[ANCHORS.length + i] = stageWeight[i] > 0 ? journey.stagePosition(ids[i]) : -1;
        }
        int spanEnd = -1;
        for (int q : p) {
            spanEnd = Math.max(spanEnd, q);
        }
        if (spanEnd < 0) {
            spanEnd = n - 1;
        }
        boolean[] anchored = new boolean[spanEnd + 1];
        int middle = spanEnd + 1;
        for (int q : p) {
            if (q >= 0 && !anchored[q]) {
                anchored[q] = true;
                middle--;
            }
        }
        long scale = middle > 0 && remainder > 0 ? middle : 1;
        boolean any = false;
        for (int i = 0; i < k; i++) {
            if (p[i] >= 0) {
                weights.addShare(p[i], w[i] * scale);
                any = true;
            }
        }
        if (middle > 0 && remainder > 0) {
            for (int q = 0; q <= spanEnd; q++) {
                if (!anchored[q]) {
                    weights.addShare(q, remainder);
                    any = true;
                }
            }
        }
        if (!any) {
            for (int q = 0; q <= spanEnd; q++) {
                weights.addShare(q, 1);
            }
        }
    }

    @Override
    public void weigh(Journey journey, Weights weights) {
        int n = journey.size();
        // positions of this model's anchors that the journey has; -1 otherwise
        int p0 = position(journey, Anchor.FIRST);
        int p1 = position(journey, Anchor.LEAD_CREATION);
        int p2 = position(journey, Anchor.OPPORTUNITY_CREATION);
        int p3 = position(journey, Anchor.LAST);
        int spanEnd = Math.max(Math.max(p0, p1), Math.max(p2, p3));
        if (spanEnd < 0) {
            spanEnd = n - 1; // none of the model's anchors: the span is the whole journey
        }
        int middle = spanEnd + 1;
        for (int p = 0; p <= spanEnd; p++) {
            if (p == p0 || p == p1 || p == p2 || p == p3) {
                middle--;
            }
        }
        long scale = middle > 0 && remainder > 0 ? middle : 1;
        boolean any = false;
        any |= add(weights, p0, Anchor.FIRST, scale);
        any |= add(weights, p1, Anchor.LEAD_CREATION, scale);
        any |= add(weights, p2, Anchor.OPPORTUNITY_CREATION, scale);
        any |= add(weights, p3, Anchor.LAST, scale);
        if (middle > 0 && remainder > 0) {
            for (int p = 0; p <= spanEnd; p++) {
                if (p != p0 && p != p1 && p != p2 && p != p3) {
                    weights.addShare(p, remainder);
                    any = true;
                }
            }
        }
        if (!any) {
            // no anchor present and no remainder to spread: credit the span evenly rather than lose money
            for (int p = 0; p <= spanEnd; p++) {
                weights.addShare(p, 1);
            }
        }
    }

    private int position(Journey journey, Anchor anchor) {
        return weight[anchor.ordinal()] > 0 ? journey.position(anchor) : -1;
    }

    private boolean add(Weights weights, int position, Anchor anchor, long scale) {
        if (position < 0) {
            return false;
        }
        weights.addShare(position, weight[anchor.ordinal()] * scale);
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
