/**
 * Attribution models: the {@link io.github.attribution.model.AttributionModel} plug-in point, the
 * {@link io.github.attribution.model.Weights} a model fills for one journey, and the rule-based
 * models of docs/models.md ("Single-touch models", "Linear", "Time decay", "Position-based family") ({@link io.github.attribution.model.RuleBasedModels}).
 *
 * <p>May depend on {@code data}, {@code journey} and {@code internal}; never on {@code io}, {@code report} or {@code
 * cli}.
 */
package io.github.attribution.model;
