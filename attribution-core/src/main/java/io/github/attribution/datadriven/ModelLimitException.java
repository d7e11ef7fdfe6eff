package io.github.attribution.datadriven;

/**
 * A data-driven model refuses data it cannot fit within bounds: a journey whose cost would grow out
 * of bounds (see {@link MarkovModel#MAX_JOURNEY_CHANNELS}; the message names the opportunity, how
 * large its journey is, and the limit), or more distinct channels than a higher-order Markov chain
 * can number (the message names the order, the count and the limit; no opportunity).
 */
public final class ModelLimitException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String opportunityId;

    /**
     * @param opportunityId the opportunity whose journey is too large
     * @param message the whole message
     */
    public ModelLimitException(String opportunityId, String message) {
        super(message);
        this.opportunityId = opportunityId;
    }

    /**
     * A limit on the data as a whole, not on one journey.
     *
     * @param message the whole message
     */
    public ModelLimitException(String message) {
        this(null, message);
    }

    /** The opportunity whose journey is too large; null when the limit is on the data as a whole. */
    public String opportunityId() {
        return opportunityId;
    }
}
