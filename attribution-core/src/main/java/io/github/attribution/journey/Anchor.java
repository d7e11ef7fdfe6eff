package io.github.attribution.journey;

/** A funnel milestone: a position in a journey that weighted models anchor credit on. */
public enum Anchor {
    /** The first touch of the journey. */
    FIRST,
    /** The last touch at or before the lead-creation instant; absent when unknown or none precedes it. */
    LEAD_CREATION,
    /** The last touch at or before the opportunity's creation; absent when none precedes it. */
    OPPORTUNITY_CREATION,
    /** The last touch of the journey (the closed-won touch, or the pending one for an open deal). */
    LAST
}
