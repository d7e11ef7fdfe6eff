package io.github.attribution.report;

import io.github.attribution.data.Money;
import io.github.attribution.internal.Numbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * How much of one currency's won revenue marketing sourced, influenced and earned under the model.
 * Per won opportunity (see {@link Sourcing}):
 *
 * <ul>
 *   <li><b>sourced</b>: its original source is a marketing touch;
 *   <li><b>first-touch sourced</b>: the first touch of its journey is a marketing touch (differs from
 *       sourced when lead recycling or a lookback moved the journey's start);
 *   <li><b>influenced</b>: any touch of its journey, or its original source, is a marketing touch (the
 *       original source is included so that sourced revenue is always influenced);
 *   <li><b>contributed</b>: the credit the model gives to marketing touches, summed exactly.
 * </ul>
 *
 * Deals are whole counts; revenue is exact. Immutable.
 *
 * @param currency the currency
 * @param wonRevenue the total amount of won opportunities
 * @param wonDeals the number of won opportunities
 * @param sourcedRevenue amount of won opportunities whose original source is marketing
 * @param sourcedDeals their number
 * @param firstTouchSourcedRevenue amount of won opportunities whose first journey touch is marketing
 * @param firstTouchSourcedDeals their number
 * @param influencedRevenue amount of won opportunities with any marketing touch
 * @param influencedDeals their number
 * @param contributedRevenue credit of won opportunities given to marketing touches by the model
 */
public record MarketingImpact(
        Currency currency,
        Money wonRevenue,
        long wonDeals,
        Money sourcedRevenue,
        long sourcedDeals,
        Money firstTouchSourcedRevenue,
        long firstTouchSourcedDeals,
        Money influencedRevenue,
        long influencedDeals,
        Money contributedRevenue) {

    /** Decimal places of the shares. */
    public static final int SHARE_SCALE = 4;

    /** Validates the currency of the amounts. */
    public MarketingImpact {
        Objects.requireNonNull(currency, "currency must not be null");
        for (Money m :
                new Money[] {wonRevenue, sourcedRevenue, firstTouchSourcedRevenue, influencedRevenue, contributedRevenue
                }) {
            Objects.requireNonNull(m, "amounts must not be null");
            if (!m.currency().equals(currency)) {
                throw new IllegalArgumentException(m + " is not in " + currency);
            }
        }
    }

    /** {@code sourcedRevenue / wonRevenue}, half-up to {@value #SHARE_SCALE} decimals; empty without revenue. */
    public Optional<BigDecimal> sourcedShare() {
        return share(sourcedRevenue);
    }

    /** {@code firstTouchSourcedRevenue / wonRevenue}; empty without revenue. */
    public Optional<BigDecimal> firstTouchSourcedShare() {
        return share(firstTouchSourcedRevenue);
    }

    /** {@code influencedRevenue / wonRevenue}; empty without revenue. */
    public Optional<BigDecimal> influencedShare() {
        return share(influencedRevenue);
    }

    /** {@code contributedRevenue / wonRevenue}; empty without revenue. */
    public Optional<BigDecimal> contributionShare() {
        return share(contributedRevenue);
    }

    private Optional<BigDecimal> share(Money part) {
        if (wonRevenue.isZero()) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(part.minor())
                .divide(BigDecimal.valueOf(wonRevenue.minor()), SHARE_SCALE, RoundingMode.HALF_UP));
    }

    /** One line for people, naming {@code model}. */
    String describe(String model) {
        return currency.getCurrencyCode() + ": won revenue "
                + Numbers.grouped(wonRevenue.amount().toPlainString()) + " from "
                + wonDeals + " deals; marketing sourced " + percent(sourcedShare()) + " (original source), "
                + percent(firstTouchSourcedShare()) + " (first touch); influenced " + percent(influencedShare())
                + "; multi-touch contribution " + percent(contributionShare()) + " under " + model;
    }

    static String percent(Optional<BigDecimal> share) {
        return share.map(s -> Numbers.percent(s, 1) + "%").orElse("n/a");
    }
}
