package io.github.attribution.data;

import java.time.Instant;
import java.util.Objects;

/**
 * One marketing or sales interaction of a buying account.
 *
 * @param id unique id; touches at the same instant are ordered by id ({@link String#compareTo})
 * @param accountId the buying account
 * @param personId the contact or lead who engaged; {@code null} when unknown
 * @param occurredAt when it happened, at full precision
 * @param channel the channel, such as {@code Paid Search}
 * @param source finer dimension for reports; {@code ""} when unknown ({@code null} is read as {@code ""})
 * @param campaign finer dimension for reports; {@code ""} when unknown
 * @param offer finer dimension for reports; {@code ""} when unknown
 * @param touchType marketing or sales
 */
public record Touchpoint(
        String id,
        String accountId,
        String personId,
        Instant occurredAt,
        String channel,
        String source,
        String campaign,
        String offer,
        TouchType touchType) {

    /** Validates every field; blank optional dimensions become {@code ""}, a blank person {@code null}. */
    public Touchpoint {
        id = Records.requireText("touchpoint_id", id, "touchpoint");
        accountId = Records.requireText("account_id", accountId, "touchpoint", id);
        personId = personId == null || personId.isBlank() ? null : personId;
        Objects.requireNonNull(occurredAt, "occurredAt must not be null");
        Records.epochNanos("occurred_at", occurredAt, "touchpoint " + id);
        channel = Records.requireText("channel", channel, "touchpoint", id);
        source = source == null ? "" : source;
        campaign = campaign == null ? "" : campaign;
        offer = offer == null ? "" : offer;
        touchType = touchType == null ? TouchType.MARKETING : touchType;
    }

    /** A marketing touch with only the required fields. */
    public static Touchpoint of(String id, String accountId, Instant occurredAt, String channel) {
        return new Touchpoint(id, accountId, null, occurredAt, channel, "", "", "", TouchType.MARKETING);
    }

    /** This touch engaged by {@code personId}. */
    public Touchpoint withPerson(String personId) {
        return new Touchpoint(id, accountId, personId, occurredAt, channel, source, campaign, offer, touchType);
    }

    /** This touch in {@code campaign}. */
    public Touchpoint withCampaign(String campaign) {
        return new Touchpoint(id, accountId, personId, occurredAt, channel, source, campaign, offer, touchType);
    }

    /** This touch with {@code source} and {@code offer}. */
    public Touchpoint withSourceAndOffer(String source, String offer) {
        return new Touchpoint(id, accountId, personId, occurredAt, channel, source, campaign, offer, touchType);
    }

    /** This touch of type {@code touchType}. */
    public Touchpoint withTouchType(TouchType touchType) {
        return new Touchpoint(id, accountId, personId, occurredAt, channel, source, campaign, offer, touchType);
    }
}
