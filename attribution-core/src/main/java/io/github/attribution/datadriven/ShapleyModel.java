package io.github.attribution.datadriven;

import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.model.JourneyWeigher;
import java.util.Objects;

/**
 * The {@code shapley} model (docs/models.md, "Data-driven models"): each journey's distinct channels are credited by
 * their Shapley values in the game whose value of a channel set is the conversion rate observed for
 * exactly that set. Bound to a run, it fits on the run's journeys (won opportunities convert, lost
 * ones do not, open ones are credited but not fitted on); on path data it fits on the rows. {@link
 * #fit} gives the fitted rates and values for inspection or reuse.
 *
 * <p>Exact up to {@value ShapleyFit#EXACT_LIMIT} distinct channels per journey; above that,
 * estimated from {@code samples} random channel orderings (default {@value #DEFAULT_SAMPLES}) drawn
 * with a fixed {@code seed} (default {@value #DEFAULT_SEED}).
 *
 * <p>Immutable and thread-safe.
 */
public final class ShapleyModel implements AttributionModel, PathModel {
    /** Orderings sampled for a journey of more than 20 distinct channels: 1000. */
    public static final int DEFAULT_SAMPLES = 1000;
    /** The default seed of that sampling: 1. */
    public static final long DEFAULT_SEED = 1;

    private final int samples;
    private final long seed;
    private final String name;

    private ShapleyModel(int samples, long seed) {
        this.samples = samples;
        this.seed = seed;
        StringBuilder n = new StringBuilder("shapley");
        String sep = ":";
        if (samples != DEFAULT_SAMPLES) {
            n.append(sep).append("samples=").append(samples);
            sep = ",";
        }
        if (seed != DEFAULT_SEED) {
            n.append(sep).append("seed=").append(seed);
        }
        this.name = n.toString();
    }

    /** The model with the default sample count and seed. */
    public static ShapleyModel of() {
        return new ShapleyModel(DEFAULT_SAMPLES, DEFAULT_SEED);
    }

    /**
     * The model sampling {@code samples} orderings with {@code seed} for journeys of more than 20
     * distinct channels.
     *
     * @throws IllegalArgumentException if {@code samples} is not positive
     */
    public static ShapleyModel of(int samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("shapley samples must be at least 1: " + samples);
        }
        return new ShapleyModel(samples, seed);
    }

    /** How many orderings are sampled above 20 distinct channels. */
    public int samples() {
        return samples;
    }

    /** The seed of that sampling. */
    public long seed() {
        return seed;
    }

    @Override
    public String name() {
        return name;
    }

    /** Fits on {@code stats}: the conversion rate of every observed distinct channel set. */
    public ShapleyFit fit(PathStatistics stats) {
        Objects.requireNonNull(stats, "stats must not be null");
        return ShapleyFit.fit(name, samples, seed, stats);
    }

    /** Fits on the won and lost journeys of {@code journeys}, then weighs journeys by the fit. */
    @Override
    public JourneyWeigher bind(Journeys journeys) {
        Objects.requireNonNull(journeys, "journeys must not be null");
        return fit(PathStatistics.of(journeys)).bind(journeys);
    }

    /** Fits on the rows of {@code paths}, then credits them by the fit. */
    @Override
    public PathCredits creditPaths(PathSet paths) {
        Objects.requireNonNull(paths, "paths must not be null");
        return fit(PathStatistics.of(paths)).creditPaths(paths);
    }

    @Override
    public String toString() {
        return name;
    }
}
