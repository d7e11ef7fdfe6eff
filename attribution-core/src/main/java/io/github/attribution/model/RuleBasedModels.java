package io.github.attribution.model;

import io.github.attribution.data.Dataset;
import io.github.attribution.internal.Exp2;
import io.github.attribution.journey.Anchor;
import io.github.attribution.journey.Journey;
import io.github.attribution.journey.Journeys;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Factories for the rule-based models of docs/models.md ("Single-touch models", "Linear", "Time decay", "Position-based family"). Every model returned is
 * immutable and thread-safe; all but time-decay give exact integer shares.
 */
public final class RuleBasedModels {
    private static final AttributionModel FIRST_TOUCH = anchor("first-touch", Anchor.FIRST, Anchor.FIRST);
    private static final AttributionModel LAST_TOUCH = anchor("last-touch", Anchor.LAST, Anchor.LAST);
    private static final AttributionModel LEAD_CREATION = anchor("lead-creation", Anchor.LEAD_CREATION, Anchor.FIRST);
    private static final AttributionModel OPPORTUNITY_CREATION =
            anchor("opportunity-creation", Anchor.OPPORTUNITY_CREATION, Anchor.FIRST);
    private static final AttributionModel LINEAR = AttributionModel.of("linear", (journey, w) -> {
        for (int p = 0; p < journey.size(); p++) {
            w.addShare(p, 1);
        }
    });
    private static final AttributionModel ORIGINAL_SOURCE = new OriginalSource();

    private RuleBasedModels() {}

    /** All credit to the first touch. */
    public static AttributionModel firstTouch() {
        return FIRST_TOUCH;
    }

    /** All credit to the last touch. */
    public static AttributionModel lastTouch() {
        return LAST_TOUCH;
    }

    /** All credit to the lead-creation touch, or the first touch when there is none. */
    public static AttributionModel leadCreation() {
        return LEAD_CREATION;
    }

    /** All credit to the opportunity-creation touch, or the first touch when there is none. */
    public static AttributionModel opportunityCreation() {
        return OPPORTUNITY_CREATION;
    }

    /** All credit to the original source: the very first touch ever, ignoring lookback and cycles. */
    public static AttributionModel originalSource() {
        return ORIGINAL_SOURCE;
    }

    /** Every touch the same. */
    public static AttributionModel linear() {
        return LINEAR;
    }

    /** The default direct channel set of {@link #lastNonDirect(Collection)}: {@code Direct}. */
    public static final List<String> DEFAULT_DIRECT = List.of("Direct");

    /** All credit to the last touch whose channel is not {@code Direct}; the last touch if all are. */
    public static AttributionModel lastNonDirect() {
        return lastNonDirect(DEFAULT_DIRECT);
    }

    /**
     * All credit to the last touch whose channel is not in {@code direct} (case-insensitive); the
     * last touch if every touch is direct.
     */
    public static AttributionModel lastNonDirect(Collection<String> direct) {
        Objects.requireNonNull(direct, "direct must not be null");
        if (direct.isEmpty()) {
            throw new IllegalArgumentException("the direct channel set must not be empty");
        }
        Set<String> lower = new LinkedHashSet<>();
        for (String d : direct) {
            if (d == null || d.isBlank()) {
                throw new IllegalArgumentException("a direct channel must not be blank: " + direct);
            }
            lower.add(d.trim().toLowerCase(Locale.ROOT));
        }
        String name = direct.equals(DEFAULT_DIRECT)
                ? "last-non-direct"
                : "last-non-direct:direct=" + String.join("|", direct);
        return new LastNonDirect(name, lower);
    }

    /** The default half-life of {@link #timeDecay(double)}: 7 days. */
    public static final double DEFAULT_HALF_LIFE_DAYS = 7;

    /** Time decay with a half-life of 7 days. */
    public static AttributionModel timeDecay() {
        return timeDecay(DEFAULT_HALF_LIFE_DAYS);
    }

    /**
     * Weight of a touch halves every {@code halfLifeDays} before the last touch.
     *
     * @throws IllegalArgumentException unless {@code halfLifeDays} is positive and finite
     */
    public static AttributionModel timeDecay(double halfLifeDays) {
        if (!(halfLifeDays > 0) || Double.isInfinite(halfLifeDays)) {
            throw new IllegalArgumentException("half-life-days must be a positive number: " + halfLifeDays);
        }
        String name = halfLifeDays == DEFAULT_HALF_LIFE_DAYS
                ? "time-decay"
                : "time-decay:half-life-days="
                        + BigDecimal.valueOf(halfLifeDays).stripTrailingZeros().toPlainString();
        double halfLivesPerNano = 1 / (halfLifeDays * 86_400e9);
        return AttributionModel.of(name, (journey, w) -> {
            int n = journey.size();
            long last = journey.time(n - 1);
            for (int p = 0; p < n; p++) {
                w.addWeight(p, Exp2.exp2(-(double) (last - journey.time(p)) * halfLivesPerNano));
            }
        });
    }

    /** 40% first, 40% last, 20% over the middle. */
    public static AttributionModel positionBased() {
        return position("position-based", "0.4", "0", "0", "0.4");
    }

    /** 40% first, 40% lead creation, 20% over the touches between. */
    public static AttributionModel uShaped() {
        return position("u-shaped", "0.4", "0.4", "0", "0");
    }

    /** 30% each to first, lead creation and opportunity creation, 10% over the touches between. */
    public static AttributionModel wShaped() {
        return position("w-shaped", "0.3", "0.3", "0.3", "0");
    }

    /** 22.5% to each of the four milestones, 10% over the touches between. */
    public static AttributionModel fullPath() {
        return position("full-path", "0.225", "0.225", "0.225", "0.225");
    }

    /** 20% first, 60% last, 20% over the middle. */
    public static AttributionModel jShaped() {
        return position("j-shaped", "0.2", "0", "0", "0.6");
    }

    /** 60% first, 20% last, 20% over the middle. */
    public static AttributionModel inverseJ() {
        return position("inverse-j", "0.6", "0", "0", "0.2");
    }

    /** Any anchor weights; the rest over the middle. */
    public static AttributionModel custom(AnchorWeights weights) {
        Objects.requireNonNull(weights, "weights must not be null");
        String params = java.util.Arrays.stream(Anchor.values())
                .filter(a -> weights.millionths(a) > 0)
                .map(a -> AnchorWeights.key(a) + "="
                        + BigDecimal.valueOf(weights.millionths(a), 6)
                                .stripTrailingZeros()
                                .toPlainString())
                .collect(Collectors.joining(","));
        for (int i = 0; i < weights.stageCount(); i++) {
            if (weights.stageMillionths(i) > 0) {
                params += (params.isEmpty() ? "" : ",") + weights.stage(i) + "="
                        + BigDecimal.valueOf(weights.stageMillionths(i), 6)
                                .stripTrailingZeros()
                                .toPlainString();
            }
        }
        return new PositionModel("custom" + (params.isEmpty() ? "" : ":" + params), weights);
    }

    private static AttributionModel position(String name, String first, String lead, String opp, String last) {
        return new PositionModel(name, AnchorWeights.of(first, lead, opp, last));
    }

    private static AttributionModel anchor(String name, Anchor anchor, Anchor fallback) {
        return AttributionModel.of(name, (journey, w) -> {
            int p = journey.position(anchor);
            w.addShare(p >= 0 ? p : journey.position(fallback), 1);
        });
    }

    private static final class OriginalSource implements AttributionModel {
        @Override
        public String name() {
            return "original-source";
        }

        @Override
        public JourneyWeigher bind(Journeys journeys) {
            return (journey, w) -> w.addShare(0, 1);
        }

        @Override
        public boolean creditsOriginalSource() {
            return true;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    private static final class LastNonDirect implements AttributionModel {
        private final String name;
        private final Set<String> direct;

        LastNonDirect(String name, Set<String> direct) {
            this.name = name;
            this.direct = direct;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public JourneyWeigher bind(Journeys journeys) {
            Dataset data = journeys.dataset();
            boolean[] isDirect = new boolean[data.channelCount()];
            for (int c = 0; c < isDirect.length; c++) {
                isDirect[c] = direct.contains(data.channelName(c).trim().toLowerCase(Locale.ROOT));
            }
            return (Journey journey, Weights w) -> {
                int p = journey.size() - 1;
                while (p >= 0 && isDirect[journey.channel(p)]) {
                    p--;
                }
                w.addShare(p >= 0 ? p : journey.size() - 1, 1);
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
