package io.github.attribution;

import io.github.attribution.model.ModelFamily;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Models#catalog()} says of one model: its name, family, a one-line description, its
 * parameters with defaults, and whether it also runs on path data ({@link Models#pathModel}).
 *
 * @param name the name {@link Models#byName} takes
 * @param family the family, the same as the model's own {@link
 *     io.github.attribution.model.AttributionModel#family()}
 * @param description one line
 * @param parameters the parameters, in the order documented
 * @param runsOnPaths whether {@link Models#pathModel} takes the name
 */
public record ModelInfo(
        String name, ModelFamily family, String description, List<Parameter> parameters, boolean runsOnPaths) {
    /** Copies the parameter list. */
    public ModelInfo {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(family, "family must not be null");
        Objects.requireNonNull(description, "description must not be null");
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
