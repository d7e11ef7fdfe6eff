package io.github.attribution.datadriven;

/**
 * A model that credits path-level data ({@link PathSet}) per channel, as the {@code paths} command
 * does: {@link MarkovModel}, {@link ShapleyModel}, their fits, and {@link PathModels}' first-touch,
 * last-touch and linear. Implementations are immutable and thread-safe.
 */
public interface PathModel {
    /** The model's name with its parameters ({@code markov:order=2}). */
    String name();

    /**
     * Splits the conversions and the value of every row of {@code paths} over channels.
     *
     * @throws NullPointerException if {@code paths} is null
     */
    PathCredits creditPaths(PathSet paths);
}
