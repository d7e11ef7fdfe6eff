package io.github.attribution;

import io.github.attribution.data.Money;

/**
 * One touch's credit for one opportunity under one model. An opportunity with an empty journey has
 * one unattributed credit carrying its whole amount ({@link #isUnattributed()}).
 *
 * @param model the model's name
 * @param opportunityId the opportunity
 * @param touchpointId the credited touch; {@code null} when unattributed
 * @param channel the touch's channel; {@link #UNATTRIBUTED} when unattributed
 * @param campaign the touch's campaign; {@code ""} when none or unattributed
 * @param weight the touch's share of the opportunity, in {@code (0, 1]}
 * @param credit the exact credit
 */
public record Credit(
        String model,
        String opportunityId,
        String touchpointId,
        String channel,
        String campaign,
        double weight,
        Money credit) {

    /** The channel name of unattributed credit. */
    public static final String UNATTRIBUTED = "(unattributed)";

    /** Whether this is the whole amount of an opportunity without a journey. */
    public boolean isUnattributed() {
        return touchpointId == null;
    }
}
