package io.github.attribution.journey;

import io.github.attribution.data.Dataset;
import io.github.attribution.internal.JourneyCursor;

/** The engine's {@link JourneyCursor} over one {@link Journeys}; reads the journeys' arrays directly. */
final class Cursor extends JourneyCursor {
    private final Journeys journeys;
    private final Dataset data;
    private final int[][] touches;
    private final int[][] channels;
    /**
     * The times of the current journey's part, fetched on the first {@link #time} of a journey (most
     * models never ask, and the journeys copy their times only when one does).
     */
    private long[] currentTimes;

    private final int[] single = new int[1];
    /** The touches of the current journey's part (or {@link #single}), from {@link #base}. */
    private int[] current;

    private int[] currentChannels;
    private int part;
    private int base;
    private int opp = -1;
    private int size;
    private boolean originalSourceOnly;

    Cursor(Journeys journeys) {
        this.journeys = journeys;
        this.data = journeys.dataset();
        this.touches = journeys.touchParts();
        this.channels = journeys.channelParts();
        this.current = single;
    }

    @Override
    public Cursor moveTo(int opp) {
        this.opp = opp;
        this.size = journeys.size(opp);
        this.part = opp >>> Integer.numberOfTrailingZeros(Journeys.PART);
        this.base = journeys.local(opp);
        this.current = touches[part];
        this.currentChannels = channels[part];
        this.currentTimes = null;
        this.originalSourceOnly = false;
        return this;
    }

    @Override
    public Cursor moveToOriginalSource(int opp) {
        this.opp = opp;
        int source = journeys.originalSource(opp);
        this.size = source < 0 ? 0 : 1;
        this.single[0] = source;
        this.base = 0;
        this.current = single;
        this.originalSourceOnly = true;
        return this;
    }

    @Override
    public int opportunity() {
        return opp;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public int touch(int position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " of a journey of " + size + " touches");
        }
        return current[base + position];
    }

    @Override
    public long time(int position) {
        int touch = touch(position);
        if (originalSourceOnly) {
            return data.touchTime(touch);
        }
        long[] t = currentTimes;
        if (t == null) {
            t = currentTimes();
        }
        return t[base + position];
    }

    /** Fetches {@link #currentTimes}, out of line so that {@link #time} stays small enough to inline. */
    private long[] currentTimes() {
        return currentTimes = journeys.timeParts()[part];
    }

    @Override
    public int channel(int position) {
        int touch = touch(position);
        return originalSourceOnly ? data.touchChannel(touch) : currentChannels[base + position];
    }

    @Override
    public int position(Anchor anchor) {
        if (originalSourceOnly) {
            return anchor == Anchor.FIRST || anchor == Anchor.LAST ? 0 : -1;
        }
        return size == 0 ? -1 : journeys.anchor(opp, anchor);
    }

    @Override
    public int stagePosition(int stage) {
        if (originalSourceOnly || size == 0) {
            return -1;
        }
        return journeys.stagePosition(opp, stage);
    }

    @Override
    public Dataset dataset() {
        return data;
    }

    @Override
    public String toString() {
        return opp < 0 ? "Journey[unpositioned]" : "Journey[" + data.opportunityId(opp) + ", " + size + " touches]";
    }
}
