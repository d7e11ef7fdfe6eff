package io.github.attribution.data;

import java.util.Currency;

/**
 * Receives a dataset row by row, as the input files hold it: what the sample generator streams into
 * and the dataset writer writes out, so that a large dataset never has to be held in memory. Instants
 * are nanoseconds since the epoch, absent ones {@link Dataset#NO_INSTANT}; the parameters mean what
 * they mean in {@link Dataset.Builder}'s {@code add} methods.
 */
public interface DatasetSink {
    /** A touchpoint; its {@code personId} is {@code null} for an anonymous touch. */
    void touchpoint(TouchpointRow touch);

    /** A person of an account, with when it became a lead ({@link Dataset#NO_INSTANT} if unknown). */
    void person(String id, String accountId, long leadCreatedAt);

    /** An opportunity; {@code closedAt} is {@link Dataset#NO_INSTANT} for open ones. */
    void opportunity(
            String id,
            String accountId,
            Currency currency,
            long amountMinor,
            long createdAt,
            long closedAt,
            OpportunityStatus status);

    /** A contact of an opportunity, one of its account's people. */
    void contact(String opportunityId, String personId);

    /** What was spent on a campaign in a period such as a quarter ({@code 2025-Q3}), in minor units. Default: ignored. */
    default void cost(String campaign, Currency currency, long costMinor, String period) {}

    /**
     * A row of stage history: a person ({@code lead}, {@code mql}, {@code sql}) or an opportunity
     * ({@code proposal}) entered a stage. Default: ignored.
     */
    default void stage(StageRecord kind, String recordId, String stage, long enteredAt) {}
}
