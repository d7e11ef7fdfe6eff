package io.github.attribution.data;

import java.time.Instant;
import java.util.Currency;

/** Validation shared by the value types and the dataset builder, so both say the same thing. */
final class Records {
    /** Marks an absent instant in the column-wise arrays. */
    static final long NONE = Long.MIN_VALUE;

    private Records() {}

    static String requireText(String field, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException(field, value, field + " must not be empty (" + what + ")");
        }
        return value;
    }

    /**
     * {@link #requireText(String, String, String)} for a field of record {@code kind + " " + id}; the
     * message is built only when the check fails (readers call this for every row).
     */
    static String requireText(String field, String value, String kind, String id) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException(field, value, field + " must not be empty (" + kind + " " + id + ")");
        }
        return value;
    }

    /** Nanoseconds since the epoch; the representable range is 1677-09-21 to 2262-04-11. */
    static long epochNanos(String field, Instant instant, String what) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            throw new InvalidRecordException(
                    field, instant.toString(), field + " is outside 1677..2262: " + instant + " (" + what + ")");
        }
    }

    static Instant instant(long epochNanos) {
        return epochNanos == NONE ? null : Instant.ofEpochSecond(0, epochNanos);
    }

    static void checkOpportunity(
            String id, long amountMinor, Currency currency, long created, long closed, OpportunityStatus status) {
        if (amountMinor < 0) {
            String shown = Money.format(amountMinor, currency);
            throw new InvalidRecordException(
                    "amount", shown, "amount must not be negative: " + shown + " (opportunity " + id + ")");
        }
        if (status.isClosed()) {
            if (closed == NONE) {
                throw new InvalidRecordException(
                        "closed_at",
                        "",
                        "closed_at is required for a " + status.label() + " opportunity (opportunity " + id + ")");
            }
            if (closed < created) {
                throw new InvalidRecordException(
                        "closed_at",
                        instant(closed).toString(),
                        "closed_at " + instant(closed) + " is before created_at " + instant(created) + " (opportunity "
                                + id + ")");
            }
        }
    }
}
