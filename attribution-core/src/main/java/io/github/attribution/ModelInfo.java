package io.github.attribution;

import java.util.List;

/**
 * What {@link Models#catalog()} says of one model: its name, family, a one-line description and its
 * parameters with defaults.
 *
 * @param name the name {@link Models#byName} takes
 * @param family {@code single-touch}, {@code multi-touch} or {@code data-driven}
 * @param description one line
 * @param parameters the parameters, in the order documented
 */
public record ModelInfo(String name, String family, String description, List<Parameter> parameters) {
    /** Copies the parameter list. */
    public ModelInfo {
        parameters = List.copyOf(parameters);
    }

    /**
     * One parameter of a model.
     *
     * @param name the key, as in {@code time-decay:half-life-days=14}
     * @param defaultValue the default, or {@code ""} when there is none
     * @param description one line
     */
    public record Parameter(String name, String defaultValue, String description) {}
}
