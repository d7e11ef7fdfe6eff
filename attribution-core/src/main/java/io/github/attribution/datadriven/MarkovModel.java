package io.github.attribution.datadriven;

import io.github.attribution.data.Dataset;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.model.JourneyWeigher;
import io.github.attribution.model.ModelFamily;
import java.util.Objects;

/**
 * The {@code markov} model (docs/models.md, "Data-driven models"): a Markov chain of order 1 to 4 over collapsed
 * channel paths, crediting channels by their removal effect. Bound to a run, it fits on the run's
 * journeys (won opportunities convert, lost ones do not, open ones are credited but not fitted on);
 * on path data it fits on the rows. {@link #fit} gives the fitted chain for inspection or reuse.
 *
 * <p>{@link #auto()} ({@code markov:order=auto}) chooses the order from the data each time it fits,
 * by cross-validation ({@link MarkovOrderSelection}), then fits that order.
 *
 * <p>Immutable and thread-safe.
 */
public final class MarkovModel implements AttributionModel, PathModel {
    /** The default order: 1. */
    public static final int DEFAULT_ORDER = 1;
    /** The largest order supported: 4. */
    public static final int MAX_ORDER = 4;

    /**
     * The most distinct channels one journey may have: 20,000. Each channel's removal effect is a
     * solve over every state of the chain, so a fit costs about channels × states; a journey whose
     * touches are all different channels makes both as large as the journey, and the cost quadratic
     * in its length (20,000 channels take seconds, a million would take days). Such a journey is
     * refused with a {@link ModelLimitException} naming its opportunity, before any work.
     */
    public static final int MAX_JOURNEY_CHANNELS = 20_000;

    /** The name of the model whose order is chosen from the data. */
    public static final String AUTO_NAME = "markov:order=auto";

    private static final MarkovModel AUTO = new MarkovModel(0);

    /** The order; 0 for {@link #auto()}. */
    private final int order;

    private final String name;

    private MarkovModel(int order) {
        this.order = order;
        this.name = order == 0 ? AUTO_NAME : order == DEFAULT_ORDER ? "markov" : "markov:order=" + order;
    }

    /**
     * The model that chooses its order, 1 to 4, from the data it fits on ({@code markov:order=auto}):
     * see {@link MarkovOrderSelection}.
     */
    public static MarkovModel auto() {
        return AUTO;
    }

    /** The first-order model. */
    public static MarkovModel of() {
        return new MarkovModel(DEFAULT_ORDER);
    }

    /**
     * The model of {@code order}.
     *
     * @throws IllegalArgumentException unless {@code 1 <= order <= 4}
     */
    public static MarkovModel of(int order) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("markov order must be from 1 to " + MAX_ORDER + ": " + order);
        }
        return new MarkovModel(order);
    }

    /** The order; 0 when it is chosen from the data ({@link #isAuto()}). */
    public int order() {
        return order;
    }

    /** Whether the order is chosen from the data each time the model fits. */
    public boolean isAuto() {
        return order == 0;
    }

    /** The order this model fits on {@code journeys}: its own, or the one cross-validation chooses. */
    public int orderFor(Journeys journeys) {
        return order != 0 ? order : MarkovOrderSelection.of(journeys).order();
    }

    /** The order this model fits on {@code paths}: its own, or the one cross-validation chooses. */
    public int orderFor(PathSet paths) {
        return order != 0 ? order : MarkovOrderSelection.of(paths).order();
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Fits the chain on {@code stats}. When {@link #isAuto()}, the order is chosen on the statistics'
     * distinct paths, each its own row ({@link MarkovOrderSelection#of(PathStatistics)}).
     *
     * @throws ModelLimitException if there are too many channels for the order (more than 2^21 - 2
     *     at order 3, 2^16 - 2 at order 4)
     */
    public MarkovFit fit(PathStatistics stats) {
        Objects.requireNonNull(stats, "stats must not be null");
        return MarkovFit.fit(
                name, stats, order != 0 ? order : MarkovOrderSelection.of(stats).order());
    }

    /**
     * Fits this {@link #auto()} model at the order {@code selection} chose (say from statistics counted
     * fold by fold on a cluster: {@link MarkovOrderSelection#ofFolds}); the fit is named {@code
     * markov:order=auto}, as when the model chooses its order itself.
     *
     * @throws IllegalStateException if this model has a fixed order
     */
    public MarkovFit fit(PathStatistics stats, MarkovOrderSelection selection) {
        Objects.requireNonNull(stats, "stats must not be null");
        Objects.requireNonNull(selection, "selection must not be null");
        if (order != 0) {
            throw new IllegalStateException(name + " has a fixed order; only " + AUTO_NAME + " takes a selection");
        }
        return MarkovFit.fit(name, stats, selection.order());
    }

    /**
     * Fits on the won and lost journeys of {@code journeys} (choosing the order first, folds by
     * account, when {@link #isAuto()}), then weighs journeys by the fit.
     */
    @Override
    public JourneyWeigher bind(Journeys journeys) {
        Objects.requireNonNull(journeys, "journeys must not be null");
        requireBoundedJourneys(journeys, name);
        return MarkovFit.fit(name, PathStatistics.of(journeys), orderFor(journeys))
                .bind(journeys);
    }

    /**
     * Checks that no journey has more than {@link #MAX_JOURNEY_CHANNELS} distinct channels, in one
     * pass over the touches of the journeys long enough to.
     *
     * @throws ModelLimitException naming the first such opportunity
     */
    static void requireBoundedJourneys(Journeys journeys, String model) {
        Dataset data = journeys.dataset();
        int[] seenIn = new int[data.channelCount()];
        java.util.Arrays.fill(seenIn, -1);
        for (int o = 0; o < journeys.opportunityCount(); o++) {
            int size = journeys.size(o);
            if (size <= MAX_JOURNEY_CHANNELS) {
                continue;
            }
            int distinct = 0;
            for (int p = 0; p < size; p++) {
                int c = data.touchChannel(journeys.touch(o, p));
                if (seenIn[c] != o) {
                    seenIn[c] = o;
                    distinct++;
                }
            }
            if (distinct > MAX_JOURNEY_CHANNELS) {
                String id = data.opportunityId(o);
                throw new ModelLimitException(
                        id,
                        "opportunity '" + id + "': its journey has " + distinct + " distinct channels; " + model
                                + " takes at most " + MAX_JOURNEY_CHANNELS
                                + " per journey (its cost grows with channels times states); use shapley or a"
                                + " rule-based model, or a --lookback-days window");
            }
        }
    }

    /**
     * Fits on the rows of {@code paths} (the same fit as on {@code PathStatistics.of(paths)}), then
     * credits them by the fit.
     */
    @Override
    public PathCredits creditPaths(PathSet paths) {
        Objects.requireNonNull(paths, "paths must not be null");
        return MarkovFit.fit(name, paths, orderFor(paths)).creditPaths(paths);
    }

    @Override
    public ModelFamily family() {
        return ModelFamily.DATA_DRIVEN;
    }

    @Override
    public String toString() {
        return name;
    }
}
