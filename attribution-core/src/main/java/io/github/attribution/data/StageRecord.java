package io.github.attribution.data;

import java.util.Locale;

/**
 * What kind of record a row of stage history is about: a person (a CRM lead or contact, whose status
 * history holds stages such as MQL and SQL) or an opportunity (whose stage history holds stages such
 * as proposal or negotiation).
 */
public enum StageRecord {
    /** A person of {@code people.csv}. */
    PERSON,
    /** An opportunity of {@code opportunities.csv}. */
    OPPORTUNITY;

    /** The lower-case name used in files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code person} (or {@code lead}, {@code contact}, as CRMs name people) or {@code
     * opportunity} (or {@code opp}, {@code deal}), case-insensitive.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static StageRecord parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "person":
                case "lead":
                case "contact":
                    return PERSON;
                case "opportunity":
                case "opp":
                case "deal":
                    return OPPORTUNITY;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(
                "record_type must be 'person' (or lead, contact) or 'opportunity' (or opp, deal): '" + text + "'");
    }
}
