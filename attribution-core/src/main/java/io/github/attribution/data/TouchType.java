package io.github.attribution.data;

import java.util.Locale;

/** Who made a touch happen: marketing (the default) or sales. */
public enum TouchType {
    MARKETING,
    SALES;

    /** The lower-case name used in files, {@code marketing} or {@code sales}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code marketing} or {@code sales}, case-insensitive; blank means marketing.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static TouchType parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("marketing")) {
            return MARKETING;
        }
        if (text.equalsIgnoreCase("sales")) {
            return SALES;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "marketing":
                return MARKETING;
            case "sales":
                return SALES;
            default:
                throw new IllegalArgumentException("touch_type must be 'marketing' or 'sales': '" + text + "'");
        }
    }
}
