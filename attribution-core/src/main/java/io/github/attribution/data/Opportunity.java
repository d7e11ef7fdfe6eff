package io.github.attribution.data;

import java.time.Instant;

/**
 * A deal: what an attribution model splits over touches.
 *
 * @param id unique id
 * @param accountId the buying account
 * @param amount the deal amount, not negative
 * @param createdAt when the opportunity was created
 * @param closedAt when it was won or lost; required for won and lost, ignored for open ones ({@code
 *     null} allowed)
 * @param status open, won or lost
 */
public record Opportunity(
        String id, String accountId, Money amount, Instant createdAt, Instant closedAt, OpportunityStatus status) {

    /**
     * Validates every field.
     *
     * @throws InvalidRecordException naming the field and quoting the value
     */
    public Opportunity {
        id = Records.requireText("opportunity_id", id, "opportunity");
        accountId = Records.requireText("account_id", accountId, "opportunity", id);
        java.util.Objects.requireNonNull(amount, "amount must not be null");
        java.util.Objects.requireNonNull(createdAt, "createdAt must not be null");
        java.util.Objects.requireNonNull(status, "status must not be null");
        long created = Records.epochNanos("created_at", createdAt, "opportunity " + id);
        long closed = closedAt == null ? Records.NONE : Records.epochNanos("closed_at", closedAt, "opportunity " + id);
        Records.checkOpportunity(id, amount.minor(), amount.currency(), created, closed, status);
    }

    /** A won opportunity. */
    public static Opportunity won(String id, String accountId, Money amount, Instant createdAt, Instant closedAt) {
        return new Opportunity(id, accountId, amount, createdAt, closedAt, OpportunityStatus.WON);
    }

    /** A lost opportunity. */
    public static Opportunity lost(String id, String accountId, Money amount, Instant createdAt, Instant closedAt) {
        return new Opportunity(id, accountId, amount, createdAt, closedAt, OpportunityStatus.LOST);
    }

    /** An open opportunity. */
    public static Opportunity open(String id, String accountId, Money amount, Instant createdAt) {
        return new Opportunity(id, accountId, amount, createdAt, null, OpportunityStatus.OPEN);
    }
}
