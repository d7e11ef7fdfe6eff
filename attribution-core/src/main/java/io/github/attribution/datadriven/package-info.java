/**
 * Data-driven models: they learn from many paths before crediting one.
 *
 * <p>{@link io.github.attribution.datadriven.PathStatistics} is what fitting collects: per collapsed
 * channel path, its conversions, nulls and value. It is a mergeable value ({@code
 * fit(A).merge(fit(B))} equals {@code fit(A + B)}), gathered from a run's journeys or from path rows
 * ({@link io.github.attribution.datadriven.PathSet}). {@link
 * io.github.attribution.datadriven.MarkovModel} and {@link
 * io.github.attribution.datadriven.ShapleyModel} fit on it ({@link
 * io.github.attribution.datadriven.MarkovFit}, {@link io.github.attribution.datadriven.ShapleyFit},
 * whose accessors expose what was learned) and then credit journeys like any other model, or credit
 * path rows per channel ({@link io.github.attribution.datadriven.PathModel}). Definitions: docs/models.md,
 * section 4.
 *
 * <p>May depend on {@code data}, {@code journey}, {@code model} and {@code internal}; never on {@code
 * io}, {@code report} or {@code cli}.
 */
package io.github.attribution.datadriven;
