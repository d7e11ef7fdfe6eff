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
 * One group of a {@link FunnelTable}: the attributed count of each funnel stage (fractional, with 6
 * decimals), the group's pipeline and won revenue and won deals from the opportunities' report, and
 * its cost when costs were given.
 *
 * @param keys the group's value of each dimension, in spec order
 * @param currency the currency of the money columns
 * @param stages the attributed number of events of each funnel stage, in funnel order
 * @param pipeline the credited amounts of all opportunities
 * @param revenue the credited amounts of won opportunities
 * @param won the fractional number of won deals credited (as in {@link ReportRow#won()})
 * @param cost the group's campaign cost, or {@code null} when costs were not given
 */
public record FunnelRow(
        List<String> keys,
        Currency currency,
        List<BigDecimal> stages,
        Money pipeline,
        Money revenue,
        BigDecimal won,
        Money cost) {

    /** Copies the lists. */
    public FunnelRow {
        keys = List.copyOf(keys);
        Objects.requireNonNull(currency, "currency must not be null");
        stages = List.copyOf(stages);
        Objects.requireNonNull(pipeline, "pipeline must not be null");
        Objects.requireNonNull(revenue, "revenue must not be null");
        Objects.requireNonNull(won, "won must not be null");
    }

    /**
     * Cost per event of stage {@code i} (cost per lead, per MQL, ...): {@code cost / count}, rounded
     * half-up to the currency's minor unit; empty without costs or events.
     */
    public Optional<BigDecimal> costPer(int i) {
        return perCount(stages.get(i));
    }

    /** Cost per won deal (CAC), as {@link ReportRow#costPerWon()}. */
    public Optional<BigDecimal> cac() {
        return perCount(won);
    }

    /** Return on investment, as {@link ReportRow#roi()}. */
    public Optional<BigDecimal> roi() {
        if (cost == null || cost.isZero()) {
            return Optional.empty();
        }
        BigDecimal gain = BigDecimal.valueOf(revenue.minor()).subtract(BigDecimal.valueOf(cost.minor()));
        return Optional.of(gain.divide(BigDecimal.valueOf(cost.minor()), ReportRow.RATIO_SCALE, RoundingMode.HALF_UP));
    }

    private Optional<BigDecimal> perCount(BigDecimal count) {
        if (cost == null || count.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(cost.amount().divide(count, Money.fractionDigits(currency), RoundingMode.HALF_UP));
    }

    /** The output values, in {@link FunnelTable#columns()} order; "" for undefined. */
    List<String> values(boolean withCosts) {
        List<String> v = new ArrayList<>(keys);
        v.add(currency.getCurrencyCode());
        stages.forEach(c -> v.add(c.toPlainString()));
        v.add(pipeline.amount().toPlainString());
        v.add(revenue.amount().toPlainString());
        if (withCosts) {
            v.add(cost == null ? "" : cost.amount().toPlainString());
            for (int i = 0; i < stages.size(); i++) {
                v.add(text(costPer(i)));
            }
            v.add(text(cac()));
            v.add(text(roi()));
        }
        return v;
    }

    private static String text(Optional<BigDecimal> value) {
        return value.map(BigDecimal::toPlainString).orElse("");
    }
}
