package io.github.attribution.model;

import io.github.attribution.journey.Journey;

/**
 * Weighs the touches of one journey: the work of a model once it is bound to a dataset. Must be
 * pure and thread-safe: the engine calls one weigher from many threads at once.
 */
@FunctionalInterface
public interface JourneyWeigher {
    /**
     * Fills {@code weights} (already sized to {@code journey.size()}, all zero) for {@code journey},
     * which has at least one touch. Positions left at zero earn nothing.
     */
    void weigh(Journey journey, Weights weights);
}
