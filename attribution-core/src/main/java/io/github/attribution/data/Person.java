package io.github.attribution.data;

import java.time.Instant;

/**
 * A contact or lead of an account, with when it became a lead (for the lead-creation milestone).
 *
 * @param id unique id, as in {@link Touchpoint#personId()}
 * @param accountId the account it belongs to
 * @param leadCreatedAt when it became a lead; {@code null} when unknown
 */
public record Person(String id, String accountId, Instant leadCreatedAt) {
    /** Validates every field. */
    public Person {
        id = Records.requireText("person_id", id, "person");
        accountId = Records.requireText("account_id", accountId, "person", id);
        if (leadCreatedAt != null) {
            Records.epochNanos("lead_created_at", leadCreatedAt, "person " + id);
        }
    }
}
