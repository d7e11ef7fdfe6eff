package io.github.attribution.report;

import io.github.attribution.data.CampaignCost;
import io.github.attribution.data.Money;
import io.github.attribution.data.Opportunity;
import io.github.attribution.data.TouchType;
import io.github.attribution.data.Touchpoint;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Helpers for hand-built report datasets. */
public final class ReportFixtures {
    private ReportFixtures() {}

    /** Midnight UTC of an ISO date. */
    public static Instant at(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }

    public static Money money(String text) {
        return Money.parse(text);
    }

    public static Touchpoint touch(
            String id, String account, String date, String channel, String campaign, TouchType type) {
        return new Touchpoint(id, account, null, at(date), channel, "", campaign, "", type);
    }

    public static Touchpoint marketing(String id, String account, String date, String channel, String campaign) {
        return touch(id, account, date, channel, campaign, TouchType.MARKETING);
    }

    public static Touchpoint sales(String id, String account, String date, String channel) {
        return touch(id, account, date, channel, "", TouchType.SALES);
    }

    public static Opportunity won(String id, String account, String amount, String created, String closed) {
        return Opportunity.won(id, account, money(amount), at(created), at(closed));
    }

    public static Opportunity lost(String id, String account, String amount, String created, String closed) {
        return Opportunity.lost(id, account, money(amount), at(created), at(closed));
    }

    public static Opportunity open(String id, String account, String amount, String created) {
        return Opportunity.open(id, account, money(amount), at(created));
    }

    public static CampaignCost cost(String campaign, String amount, String period) {
        return new CampaignCost(campaign, money(amount), period);
    }

    /** Each row as its output values joined by {@code |}. */
    public static List<String> lines(ReportTable table) {
        return table.rows().stream().map(r -> String.join("|", table.values(r))).collect(Collectors.toList());
    }

    public static List<String> totalLines(ReportTable table) {
        return table.totals().stream()
                .map(r -> String.join("|", table.values(r)))
                .collect(Collectors.toList());
    }
}
