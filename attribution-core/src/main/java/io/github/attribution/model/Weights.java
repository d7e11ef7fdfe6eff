package io.github.attribution.model;

/**
 * Where a model writes the weights of one journey's touches, positions {@code 0..size-1}: either
 * <em>exact</em> integer shares ({@link #addShare}: a touch earns {@code share / sum of shares},
 * apportioned with integer arithmetic only) or <em>real</em> weights ({@link #addWeight}: normalised
 * doubles); a model uses one kind per journey. Adding to a position twice adds up (coinciding
 * anchors). The engine hands a model an empty one sized to the journey and reads it back when the
 * model returns.
 */
public interface Weights {
    /** The number of positions: the journey's size. */
    int size();

    /**
     * Adds an exact integer share to {@code position}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= position < size()}
     * @throws IllegalStateException if real weights were given for this journey
     * @throws ArithmeticException if the share overflows
     */
    void addShare(int position, long share);

    /**
     * Adds a real weight to {@code position}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= position < size()}
     * @throws IllegalStateException if exact shares were given for this journey
     */
    void addWeight(int position, double weight);
}
