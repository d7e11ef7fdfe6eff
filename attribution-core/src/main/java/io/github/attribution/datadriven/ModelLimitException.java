package io.github.attribution.datadriven;

/**
 * A data-driven model refuses a journey whose cost would grow out of bounds (see {@link
 * MarkovModel#MAX_JOURNEY_CHANNELS}). The message names the opportunity, how large its journey is,
 * and the limit.
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

    /** The opportunity whose journey is too large. */
    public String opportunityId() {
        return opportunityId;
    }
}
