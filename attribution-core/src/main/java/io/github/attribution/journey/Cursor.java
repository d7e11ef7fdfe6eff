package io.github.attribution.journey;

import io.github.attribution.data.Dataset;
import io.github.attribution.internal.JourneyCursor;

/** The engine's {@link JourneyCursor} over one {@link Journeys}; reads the journeys' arrays directly. */
final class Cursor extends JourneyCursor {
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

    Cursor(Journeys journeys) {
        this.journeys = journeys;
        this.data = journeys.dataset();
        this.touches = journeys.touchArray();
        this.times = journeys.timeArray();
        this.channels = journeys.channelArray();
        this.current = touches;
    }

    @Override
    public Cursor moveTo(int opp) {
        this.opp = opp;
        this.size = journeys.size(opp);
        this.base = journeys.offset(opp);
        this.current = touches;
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
        return originalSourceOnly ? data.touchTime(touch) : times[base + position];
    }

    @Override
    public int channel(int position) {
        int touch = touch(position);
        return originalSourceOnly ? data.touchChannel(touch) : channels[base + position];
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
