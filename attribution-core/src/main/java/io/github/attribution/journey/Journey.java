package io.github.attribution.journey;

import io.github.attribution.data.Dataset;

/**
 * A read-only view of one opportunity's journey: its touches in journey order (positions {@code
 * 0..size-1}) and its milestones. Models read it; the engine moves one view from journey to journey,
 * so a model must not keep it beyond one call.
 *
 * <p>Not thread-safe: each of the engine's threads has its own.
 */
public interface Journey {
    /** The opportunity (a dataset index) this journey belongs to. */
    int opportunity();

    /** The number of touches. */
    int size();

    /** Whether the journey has no touches. */
    default boolean isEmpty() {
        return size() == 0;
    }

    /**
     * The dataset touch index at {@code position}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= position < size()}
     */
    int touch(int position);

    /**
     * When the touch at {@code position} happened, in nanoseconds since the epoch.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= position < size()}
     */
    long time(int position);

    /**
     * The channel (a dataset channel index) of the touch at {@code position}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= position < size()}
     */
    int channel(int position);

    /** The position of {@code anchor}, or -1 when the journey has no such milestone. */
    int position(Anchor anchor);

    /**
     * The position of the milestone of stage {@code stage} of the dataset's {@link
     * io.github.attribution.data.StageIndex} ({@link Journeys#stagePosition}), or -1 when absent.
     */
    int stagePosition(int stage);

    /** The dataset the journey's touches belong to. */
    Dataset dataset();
}
