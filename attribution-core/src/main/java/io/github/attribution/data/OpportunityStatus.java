package io.github.attribution.data;

import java.util.Locale;

/** Where an opportunity stands: still open, closed won, or closed lost. */
public enum OpportunityStatus {
    OPEN,
    WON,
    LOST;

    /** The lower-case name used in files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the opportunity is closed (won or lost). */
    public boolean isClosed() {
        return this != OPEN;
    }

    /**
     * Parses {@code open}, {@code won} or {@code lost}, case-insensitive.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static OpportunityStatus parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "open":
                    return OPEN;
                case "won":
                    return WON;
                case "lost":
                    return LOST;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("status must be 'open', 'won' or 'lost': '" + text + "'");
    }
}
