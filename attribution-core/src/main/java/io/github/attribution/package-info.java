/**
 * The entry point: {@link io.github.attribution.Attributor} runs any number of models over a
 * dataset's journeys and returns exact credits ({@link io.github.attribution.AttributionResult},
 * {@link io.github.attribution.CreditTable}); {@link io.github.attribution.Models} picks models by
 * name, with the same strings the command line takes.
 *
 * <p>The flow, one direction only: {@code data} (values, column-wise dataset) -> {@code journey}
 * (windows, cycles, anchors) -> {@code model} and {@code datadriven} (weights) -> {@code money}
 * (exact apportionment) -> this package (engine) -> {@code report}, {@code io}, {@code cli}.
 */
package io.github.attribution;
