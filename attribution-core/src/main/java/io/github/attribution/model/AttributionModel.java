package io.github.attribution.model;

import io.github.attribution.journey.Journeys;
import java.util.Objects;

/**
 * An attribution model: how an opportunity's amount is split over the touches of its journey.
 *
 * <p>A model is bound to the journeys of one run ({@link #bind}), which is where data-driven models
 * fit and where models resolve names (such as channels) to the dataset's indices. The resulting
 * {@link JourneyWeigher} weighs one journey at a time. The engine checks every weight a model gives
 * (negative or non-finite weights are rejected, naming the model and the opportunity) and turns
 * weights into exact money; a model never rounds money itself.
 *
 * <p>What a model needs and can do is on the model: {@link #family()}, {@link #usesLeadCreation()},
 * {@link #creditsOriginalSource()}; the data-driven models also credit path rows ({@code
 * datadriven.PathModel}).
 *
 * <p>Implementations must be immutable and thread-safe. The simplest model is a lambda:
 *
 * <pre>{@code
 * AttributionModel firstTwo = AttributionModel.of("first-two", (journey, w) -> {
 *     for (int i = 0; i < Math.min(2, journey.size()); i++) w.addShare(i, 1);
 * });
 * }</pre>
 */
public interface AttributionModel {
    /** The model's name with its parameters, as accepted by the by-name factory ({@code w-shaped}). */
    String name();

    /**
     * Prepares this model for {@code journeys}: resolves names, fits data-driven statistics.
     *
     * @return the weigher used for every journey of this run; thread-safe
     */
    JourneyWeigher bind(Journeys journeys);

    /**
     * Whether this model credits the original source instead of the journey: if so, the engine hands
     * it a one-touch journey made of the original source (see {@code original-source}). Default false.
     */
    default boolean creditsOriginalSource() {
        return false;
    }

    /** The kind of model this is. Default {@link ModelFamily#MULTI_TOUCH}. */
    default ModelFamily family() {
        return ModelFamily.MULTI_TOUCH;
    }

    /**
     * Whether this model gives weight to the lead-creation milestone ({@link
     * io.github.attribution.journey.Anchor#LEAD_CREATION}), which needs people's lead-creation dates;
     * without them it falls back as its definition says. Default false.
     */
    default boolean usesLeadCreation() {
        return false;
    }

    /** A model named {@code name} that weighs every journey with {@code weigher}. */
    static AttributionModel of(String name, JourneyWeigher weigher) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(weigher, "weigher must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("model name must not be blank");
        }
        return new AttributionModel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public JourneyWeigher bind(Journeys journeys) {
                return weigher;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
