package io.github.attribution.report;

import io.github.attribution.data.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One group of a {@link ReportTable}: its dimension values and currency, and its metrics.
 *
 * <p>Money is exact. Counts are fractional: an opportunity counts 1 in total, split over its credited
 * touches by the model's weights and rounded to millionths by the same largest-remainder rule as money
 * (docs/models.md, "From weights to money"), so the counts of every opportunity add up to exactly 1 and a report's counts
 * add up to exactly the number of opportunities. The ratio methods are derived display values.
 *
 * @param keys the group's value of each dimension of the spec, in order: a name, a period such as
 *     {@code 2026-Q1}, or a placeholder ({@link Report#UNATTRIBUTED}, {@link Report#NONE}, {@link
 *     Report#UNMAPPED}, {@link Report#UNALLOCATED}, {@link Report#TOTAL})
 * @param currency the currency of every amount of the row
 * @param pipeline credit from all opportunities (open, won, lost), grouped by creation period
 * @param revenue credit from won opportunities, grouped by close period
 * @param opportunities fractional count of opportunities (all statuses), by creation period
 * @param won fractional count of won opportunities, by close period
 * @param touches number of credited touches (rows with a positive weight) of all opportunities, by
 *     creation period; unattributed credit has none
 * @param cost campaign cost placed in this group; {@code null} when the report was run without costs
 */
public record ReportRow(
        List<String> keys,
        Currency currency,
        Money pipeline,
        Money revenue,
        BigDecimal opportunities,
        BigDecimal won,
        long touches,
        Money cost) {

    /** Decimal places of {@link #roas()} and {@link #roi()}. */
    public static final int RATIO_SCALE = 4;

    /** Validates that every amount is in {@code currency}. */
    public ReportRow {
        keys = List.copyOf(keys);
        Objects.requireNonNull(currency, "currency must not be null");
        requireCurrency("pipeline", pipeline, currency);
        requireCurrency("revenue", revenue, currency);
        Objects.requireNonNull(opportunities, "opportunities must not be null");
        Objects.requireNonNull(won, "won must not be null");
        if (cost != null) {
            requireCurrency("cost", cost, currency);
        }
    }

    private static void requireCurrency(String what, Money money, Currency currency) {
        Objects.requireNonNull(money, what + " must not be null");
        if (!money.currency().equals(currency)) {
            throw new IllegalArgumentException(what + " " + money + " is not in the row's currency " + currency);
        }
    }

    /**
     * Cost per opportunity: {@code cost / opportunities} in the currency's major unit, rounded half-up
     * to its minor unit; empty without costs or opportunities.
     */
    public Optional<BigDecimal> costPerOpportunity() {
        return perCount(opportunities);
    }

    /**
     * Cost per won deal (customer acquisition cost): {@code cost / won}, rounded half-up to the minor
     * unit; empty without costs or won deals.
     */
    public Optional<BigDecimal> costPerWon() {
        return perCount(won);
    }

    /**
     * Return on ad spend, {@code revenue / cost}, rounded half-up to {@value #RATIO_SCALE} decimals;
     * empty without costs or when the cost is zero.
     */
    public Optional<BigDecimal> roas() {
        if (cost == null || cost.isZero()) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(revenue.minor())
                .divide(BigDecimal.valueOf(cost.minor()), RATIO_SCALE, RoundingMode.HALF_UP));
    }

    /**
     * Return on investment, {@code (revenue - cost) / cost} as a fraction ({@code -1.0000} is -100%),
     * rounded half-up to {@value #RATIO_SCALE} decimals; empty without costs or when the cost is zero.
     */
    public Optional<BigDecimal> roi() {
        if (cost == null || cost.isZero()) {
            return Optional.empty();
        }
        BigDecimal gain = BigDecimal.valueOf(revenue.minor()).subtract(BigDecimal.valueOf(cost.minor()));
        return Optional.of(gain.divide(BigDecimal.valueOf(cost.minor()), RATIO_SCALE, RoundingMode.HALF_UP));
    }

    private Optional<BigDecimal> perCount(BigDecimal count) {
        if (cost == null || count.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(cost.amount().divide(count, Money.fractionDigits(currency), RoundingMode.HALF_UP));
    }

    /** The output values of this row, in {@link ReportTable#columns()} order; "" for undefined. */
    List<String> values(boolean withCosts) {
        List<String> v = new ArrayList<>(keys);
        v.add(currency.getCurrencyCode());
        v.add(pipeline.amount().toPlainString());
        v.add(revenue.amount().toPlainString());
        v.add(opportunities.toPlainString());
        v.add(won.toPlainString());
        v.add(Long.toString(touches));
        if (withCosts) {
            v.add(cost == null ? "" : cost.amount().toPlainString());
            v.add(text(costPerOpportunity()));
            v.add(text(costPerWon()));
            v.add(text(roas()));
            v.add(text(roi()));
        }
        return v;
    }

    private static String text(Optional<BigDecimal> value) {
        return value.map(BigDecimal::toPlainString).orElse("");
    }
}
