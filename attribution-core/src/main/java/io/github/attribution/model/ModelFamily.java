package io.github.attribution.model;

import java.util.Locale;

/** What kind of model an {@link AttributionModel} is, as {@link AttributionModel#family()} says. */
public enum ModelFamily {
    /** Credits one touch of each journey. */
    SINGLE_TOUCH,
    /** May credit several touches of a journey, by a fixed rule. */
    MULTI_TOUCH,
    /** Learns from a run's won and lost journeys (or path rows) before crediting one. */
    DATA_DRIVEN;

    /** The family as the command line prints it: {@code single-touch}, {@code multi-touch}, {@code data-driven}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
