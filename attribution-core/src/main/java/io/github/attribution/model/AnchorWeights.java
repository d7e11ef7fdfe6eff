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

    private final long[] millionths = new long[Anchor.values().length];

    private AnchorWeights(Map<Anchor, BigDecimal> weights) {
        long sum = 0;
        for (Map.Entry<Anchor, BigDecimal> e : weights.entrySet()) {
            BigDecimal w = Objects.requireNonNull(e.getValue(), "weight must not be null");
            String key = key(e.getKey());
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
            long m = w.movePointRight(6).longValueExact();
            millionths[e.getKey().ordinal()] += m;
            sum += m;
        }
        if (sum > ONE) {
            throw new IllegalArgumentException("anchor weights must sum to at most 1, but sum to "
                    + BigDecimal.valueOf(sum, 6).stripTrailingZeros().toPlainString() + ": " + this);
        }
    }

    /**
     * Weights from decimals per anchor; anchors left out weigh 0 (not part of the model).
     *
     * @throws IllegalArgumentException naming the bad weight if one is negative, above 1, has more
     *     than 6 digits after the point, or if they sum to more than 1
     */
    public static AnchorWeights of(Map<Anchor, BigDecimal> weights) {
        Objects.requireNonNull(weights, "weights must not be null");
        return new AnchorWeights(weights);
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

    /** The remainder {@code 1 - sum of weights}, in millionths. */
    public long remainderMillionths() {
        long sum = 0;
        for (long m : millionths) {
            sum += m;
        }
        return ONE - sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnchorWeights && java.util.Arrays.equals(millionths, ((AnchorWeights) o).millionths);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(millionths);
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
        return sb.toString();
    }
}
