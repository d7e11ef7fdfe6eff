package io.github.attribution.internal;

import io.github.attribution.journey.Journey;
import io.github.attribution.journey.Journeys;
import java.util.Objects;
import java.util.function.Function;

/**
 * The engine's cursor over a run's journeys: the read-only {@link Journey} that models see, plus the
 * moves only the engine makes. Made by {@link #over}; the implementation lives in the {@code journey}
 * package, next to the arrays it reads, and registers itself when {@link Journeys} is initialised.
 *
 * <p>Not thread-safe: one cursor per thread.
 */
public abstract class JourneyCursor implements Journey {
    private static volatile Function<Journeys, JourneyCursor> factory;

    protected JourneyCursor() {}

    /** Moves this view to opportunity {@code opp}'s journey. */
    public abstract JourneyCursor moveTo(int opp);

    /**
     * Moves this view to the one-touch journey made of opportunity {@code opp}'s original source (empty
     * when it has none), as the {@code original-source} model sees it.
     */
    public abstract JourneyCursor moveToOriginalSource(int opp);

    /** A cursor over {@code journeys}, not yet on any journey. */
    public static JourneyCursor over(Journeys journeys) {
        Objects.requireNonNull(journeys, "journeys must not be null");
        // a Journeys instance exists, so its class is initialised and has registered the factory
        return factory.apply(journeys);
    }

    /**
     * Registers the cursor implementation; called once, by {@link Journeys}' static initialiser.
     *
     * @throws IllegalStateException if one is registered already
     */
    public static synchronized void register(Function<Journeys, JourneyCursor> cursors) {
        if (factory != null) {
            throw new IllegalStateException("a journey cursor is registered already");
        }
        factory = Objects.requireNonNull(cursors, "cursors must not be null");
    }
}
