package io.github.attribution.data;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What was spent on a campaign, optionally in one period, for ROI reports.
 *
 * @param campaign the campaign, as in {@link Touchpoint#campaign()}
 * @param cost the amount spent, not negative
 * @param period {@code 2026-03} (a month) or {@code 2026-Q1} (a quarter); {@code null} for the whole
 *     range
 */
public record CampaignCost(String campaign, Money cost, String period) {
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2]|Q[1-4])");

    /** Validates every field. */
    public CampaignCost {
        campaign = Records.requireText("campaign", campaign, "cost");
        Objects.requireNonNull(cost, "cost must not be null");
        if (cost.minor() < 0) {
            throw new InvalidRecordException(
                    "cost",
                    cost.amount().toPlainString(),
                    "cost must not be negative: " + cost + " (campaign " + campaign + ")");
        }
        if (period != null && period.isBlank()) {
            period = null;
        }
        if (period != null && !PERIOD.matcher(period).matches()) {
            throw new InvalidRecordException(
                    "period",
                    period,
                    "period must be a month like 2026-03 or a quarter like 2026-Q1: '" + period + "' (campaign "
                            + campaign + ")");
        }
    }
}
