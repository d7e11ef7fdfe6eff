package io.github.attribution.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money: a whole number of minor units of an ISO 4217 currency (cents for USD,
 * yen for JPY, fils for BHD).
 *
 * <p>{@link #parse(String)} reads back {@link #toString()} ({@code "USD 1234.50"}). Immutable and
 * thread-safe.
 *
 * @param minor the amount in minor units of {@code currency}
 * @param currency the currency; its ISO 4217 fraction digits fix the minor unit
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    /** Validates the currency. */
    public Money {
        Objects.requireNonNull(currency, "currency must not be null");
        fractionDigits(currency);
    }

    /** {@code minor} minor units of {@code currency}. */
    public static Money ofMinor(Currency currency, long minor) {
        return new Money(minor, currency);
    }

    /** {@code minor} minor units of the currency with ISO 4217 code {@code code}. */
    public static Money ofMinor(String code, long minor) {
        return new Money(minor, currency(code));
    }

    /**
     * The exact amount {@code amount} of {@code currency}.
     *
     * @throws IllegalArgumentException if {@code amount} has more significant decimals than the
     *     currency's minor unit ({@code 1.005} USD), or does not fit in a {@code long} of minor units
     */
    public static Money of(Currency currency, BigDecimal amount) {
        Objects.requireNonNull(amount, "amount must not be null");
        int digits = fractionDigits(currency);
        BigDecimal scaled;
        try {
            scaled = amount.setScale(digits, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more than " + digits
                    + " decimal digits, the minor unit of " + currency.getCurrencyCode());
        }
        try {
            return new Money(scaled.unscaledValue().longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " is too large");
        }
    }

    /**
     * Parses {@code "USD 12.34"}, the form {@link #toString()} writes.
     *
     * @throws IllegalArgumentException if the text is not a currency code, a space and a decimal
     */
    public static Money parse(String text) {
        Objects.requireNonNull(text, "text must not be null");
        int space = text.indexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("money must look like 'USD 12.34': " + text);
        }
        Currency currency = currency(text.substring(0, space));
        try {
            return of(currency, new BigDecimal(text.substring(space + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("money must look like 'USD 12.34': " + text);
        }
    }

    /**
     * The currency with ISO 4217 code {@code code}, case-insensitive.
     *
     * @throws IllegalArgumentException if the code is unknown or has no minor unit (such as XAU)
     */
    public static Currency currency(String code) {
        Objects.requireNonNull(code, "currency code must not be null");
        Currency currency;
        try {
            currency = Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ISO 4217 currency code: '" + code + "'");
        }
        fractionDigits(currency);
        return currency;
    }

    /** The number of digits after the decimal point of {@code currency}'s minor unit. */
    public static int fractionDigits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException(
                    "currency " + currency.getCurrencyCode() + " has no minor unit and cannot hold amounts");
        }
        return digits;
    }

    /** The amount as a decimal with exactly the currency's fraction digits. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minor, fractionDigits(currency));
    }

    /** This plus {@code other}, which must be in the same currency. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    /** This with {@code minor} minor units instead. */
    public Money withMinor(long minor) {
        return new Money(minor, currency);
    }

    /** Whether the amount is zero. */
    public boolean isZero() {
        return minor == 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
        }
    }

    /** Formats {@code minor} minor units of {@code currency} as a plain decimal ({@code 1234.50}). */
    public static String format(long minor, Currency currency) {
        return BigDecimal.valueOf(minor, fractionDigits(currency)).toPlainString();
    }

    /** {@code "USD 1234.50"}. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + format(minor, currency);
    }
}
