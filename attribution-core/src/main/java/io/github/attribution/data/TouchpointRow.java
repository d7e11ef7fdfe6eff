package io.github.attribution.data;

/**
 * One touchpoint as a row of {@code touchpoints.csv} holds it: what the sample generator emits, a
 * {@link DatasetSink} receives, {@link Dataset.Builder#addTouchpoint(TouchpointRow)} adds and the
 * dataset writer writes. Unlike {@link Touchpoint} it holds the time as nanoseconds since the epoch
 * and is not checked when built: {@link Dataset.Builder#addTouchpoint(TouchpointRow)} checks it.
 *
 * @param id the touchpoint id
 * @param accountId the buying account
 * @param personId the person who engaged; {@code null} or blank when unknown
 * @param occurredAt when it happened, nanoseconds since the epoch
 * @param channel the channel
 * @param source {@code null} or {@code ""} when unknown
 * @param campaign {@code null} or {@code ""} when unknown
 * @param offer {@code null} or {@code ""} when unknown
 * @param type {@code null} means marketing
 */
public record TouchpointRow(
        String id,
        String accountId,
        String personId,
        long occurredAt,
        String channel,
        String source,
        String campaign,
        String offer,
        TouchType type) {}
