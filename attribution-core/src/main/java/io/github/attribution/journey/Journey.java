package io.github.attribution.journey;

import io.github.attribution.data.Dataset;

/**
 * A view of one opportunity's journey: its touches in journey order (positions {@code 0..size-1})
 * and its milestones. Models read it; it is a cursor that the engine moves from journey to journey,
 * so a model must not keep it beyond one call.
 *
 * <p>Not thread-safe: each thread uses its own ({@link Journeys#cursor()}).
 */
public final class Journey {
    private final Journeys journeys;
    private final Dataset data;
    private final int[] touches;
    private final long[] times;
    private final int[] channels;
    private final int[] single = new int[1];
    private int[] current;
    private int base;
    private int opp = -1;
    private int size;
    private boolean originalSourceOnly;

    Journey(Journeys journeys) {
        this.journeys = journeys;
        this.data = journeys.dataset();
        this.touches = journeys.touchArray();
        this.times = journeys.timeArray();
        this.channels = journeys.channelArray();
        this.current = touches;
    }

    /** Moves this view to opportunity {@code opp}'s journey. */
    public Journey moveTo(int opp) {
        this.opp = opp;
        this.size = journeys.size(opp);
        this.base = journeys.offset(opp);
        this.current = touches;
        this.originalSourceOnly = false;
        return this;
    }

    /**
     * Moves this view to the one-touch journey made of opportunity {@code opp}'s original source
     * (empty when it has none), as the {@code original-source} model sees it.
     */
    public Journey moveToOriginalSource(int opp) {
        this.opp = opp;
        int source = journeys.originalSource(opp);
        this.size = source < 0 ? 0 : 1;
        this.single[0] = source;
        this.base = 0;
        this.current = single;
        this.originalSourceOnly = true;
        return this;
    }

    /** The opportunity (a dataset index) this journey belongs to. */
    public int opportunity() {
        return opp;
    }

    /** The number of touches. */
    public int size() {
        return size;
    }

    /** Whether the journey has no touches. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The dataset touch index at {@code position}. */
    public int touch(int position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " of a journey of " + size + " touches");
        }
        return current[base + position];
    }

    /** When the touch at {@code position} happened, in nanoseconds since the epoch. */
    public long time(int position) {
        int touch = touch(position);
        return originalSourceOnly ? data.touchTime(touch) : times[base + position];
    }

    /** The channel (a dataset channel index) of the touch at {@code position}. */
    public int channel(int position) {
        int touch = touch(position);
        return originalSourceOnly ? data.touchChannel(touch) : channels[base + position];
    }

    /** The position of {@code anchor}, or -1 when the journey has no such milestone. */
    public int position(Anchor anchor) {
        if (originalSourceOnly) {
            return anchor == Anchor.FIRST || anchor == Anchor.LAST ? 0 : -1;
        }
        return size == 0 ? -1 : journeys.anchor(opp, anchor);
    }

    /**
     * The position of the milestone of stage {@code stage} of the dataset's {@link
     * io.github.attribution.data.StageIndex} ({@link Journeys#stagePosition}), or -1 when absent.
     */
    public int stagePosition(int stage) {
        if (originalSourceOnly || size == 0) {
            return -1;
        }
        return journeys.stagePosition(opp, stage);
    }

    /** The dataset the journey's touches belong to. */
    public Dataset dataset() {
        return data;
    }

    /** The journeys this view moves over. */
    public Journeys journeys() {
        return journeys;
    }

    @Override
    public String toString() {
        return opp < 0 ? "Journey[unpositioned]" : "Journey[" + data.opportunityId(opp) + ", " + size + " touches]";
    }
}
