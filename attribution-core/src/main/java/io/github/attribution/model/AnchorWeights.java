package io.github.attribution.model;

import io.github.attribution.journey.Anchor;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The anchor weights of a position-based model, held exactly in millionths: how much of each
 * opportunity the FIRST, LEAD_CREATION, OPPORTUNITY_CREATION and LAST touches earn, and the
 * remainder ({@code 1 - sum}) split evenly over the touches between them. Immutable.
 */
public final class AnchorWeights {
    /** One, in the millionths the weights are held in. */
    public static final long ONE = 1_000_000;

    /** The most stage anchors a model may have besides the four milestones. */
    public static final int MAX_STAGES = 16;

    private final long[] millionths = new long[Anchor.values().length];
    private final String[] stages;
    private final long[] stageMillionths;

    private AnchorWeights(Map<Anchor, BigDecimal> weights, Map<String, BigDecimal> stageWeights) {
        long sum = 0;
        for (Map.Entry<Anchor, BigDecimal> e : weights.entrySet()) {
            long m = millionths(key(e.getKey()), e.getValue());
            millionths[e.getKey().ordinal()] += m;
            sum += m;
        }
        if (stageWeights.size() > MAX_STAGES) {
            throw new IllegalArgumentException(
                    "at most " + MAX_STAGES + " stage anchors, but " + stageWeights.size() + " were given");
        }
        stages = new String[stageWeights.size()];
        stageMillionths = new long[stageWeights.size()];
        int i = 0;
        for (Map.Entry<String, BigDecimal> e : stageWeights.entrySet()) {
            String stage = Objects.requireNonNull(e.getKey(), "stage must not be null");
            if (stage.isBlank()) {
                throw new IllegalArgumentException("stage anchor name must not be empty");
            }
            for (Anchor a : Anchor.values()) {
                if (key(a).equals(stage)) {
                    throw new IllegalArgumentException("'" + stage + "' is a milestone, not a stage anchor");
                }
            }
            long m = millionths(stage, e.getValue());
            stages[i] = stage;
            stageMillionths[i++] = m;
            sum += m;
        }
        if (sum > ONE) {
            throw new IllegalArgumentException("anchor weights must sum to at most 1, but sum to "
                    + BigDecimal.valueOf(sum, 6).stripTrailingZeros().toPlainString() + ": " + this);
        }
    }

    private static long millionths(String key, BigDecimal weight) {
        BigDecimal w = Objects.requireNonNull(weight, "weight must not be null");
        if (w.signum() < 0) {
            throw new IllegalArgumentException("weight '" + key + "' must not be negative: " + w.toPlainString());
        }
        if (w.stripTrailingZeros().scale() > 6) {
            throw new IllegalArgumentException(
                    "weight '" + key + "' has more than 6 digits after the point: " + w.toPlainString());
        }
        if (w.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("weight '" + key + "' must be at most 1: " + w.toPlainString());
        }
        return w.movePointRight(6).longValueExact();
    }

    /**
     * Weights from decimals per anchor; anchors left out weigh 0 (not part of the model).
     *
     * @throws IllegalArgumentException naming the bad weight if one is negative, above 1, has more
     *     than 6 digits after the point, or if they sum to more than 1
     */
    public static AnchorWeights of(Map<Anchor, BigDecimal> weights) {
        Objects.requireNonNull(weights, "weights must not be null");
        return new AnchorWeights(weights, Map.of());
    }

    /**
     * Weights of the four milestones and of stage anchors: {@code stages} maps a funnel stage name
     * ({@code mql}) to the weight of the last touch at or before the journey reached that stage
     * (see {@link io.github.attribution.journey.Journeys#stagePosition}), in its iteration order. The
     * same rules hold for every weight, and all of them together sum to at most 1.
     *
     * @throws IllegalArgumentException as {@link #of(Map)}, or for more than {@link #MAX_STAGES} stage
     *     anchors, an empty stage name or one that names a milestone ({@code first}, {@code lead},
     *     {@code opportunity}, {@code last})
     */
    public static AnchorWeights of(Map<Anchor, BigDecimal> weights, Map<String, BigDecimal> stages) {
        Objects.requireNonNull(weights, "weights must not be null");
        Objects.requireNonNull(stages, "stages must not be null");
        return new AnchorWeights(weights, stages);
    }

    /** Weights from four decimals (FIRST, LEAD_CREATION, OPPORTUNITY_CREATION, LAST). */
    public static AnchorWeights of(String first, String lead, String opportunity, String last) {
        Map<Anchor, BigDecimal> map = new EnumMap<>(Anchor.class);
        map.put(Anchor.FIRST, new BigDecimal(first));
        map.put(Anchor.LEAD_CREATION, new BigDecimal(lead));
        map.put(Anchor.OPPORTUNITY_CREATION, new BigDecimal(opportunity));
        map.put(Anchor.LAST, new BigDecimal(last));
        return of(map);
    }

    /** The key naming {@code anchor} in model parameters: first, lead, opportunity, last. */
    public static String key(Anchor anchor) {
        switch (anchor) {
            case FIRST:
                return "first";
            case LEAD_CREATION:
                return "lead";
            case OPPORTUNITY_CREATION:
                return "opportunity";
            case LAST:
                return "last";
            default:
                throw new AssertionError(anchor);
        }
    }

    /** The weight of {@code anchor} in millionths. */
    public long millionths(Anchor anchor) {
        return millionths[anchor.ordinal()];
    }

    /** The number of stage anchors. */
    public int stageCount() {
        return stages.length;
    }

    /** The name of stage anchor {@code i}, in the order given. */
    public String stage(int i) {
        return stages[i];
    }

    /** The weight of stage anchor {@code i} in millionths. */
    public long stageMillionths(int i) {
        return stageMillionths[i];
    }

    /** The remainder {@code 1 - sum of weights}, in millionths. */
    public long remainderMillionths() {
        long sum = 0;
        for (long m : millionths) {
            sum += m;
        }
        for (long m : stageMillionths) {
            sum += m;
        }
        return ONE - sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnchorWeights
                && java.util.Arrays.equals(millionths, ((AnchorWeights) o).millionths)
                && java.util.Arrays.equals(stages, ((AnchorWeights) o).stages)
                && java.util.Arrays.equals(stageMillionths, ((AnchorWeights) o).stageMillionths);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(millionths) * 31 + java.util.Arrays.hashCode(stages);
    }

    /** {@code first=0.3,lead=0.3,opportunity=0.3,last=0}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Anchor a : Anchor.values()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(key(a))
                    .append('=')
                    .append(BigDecimal.valueOf(millionths[a.ordinal()], 6)
                            .stripTrailingZeros()
                            .toPlainString());
        }
        for (int i = 0; i < stages.length; i++) {
            sb.append(',')
                    .append(stages[i])
                    .append('=')
                    .append(BigDecimal.valueOf(stageMillionths[i], 6)
                            .stripTrailingZeros()
                            .toPlainString());
        }
        return sb.toString();
    }
}
