/**
 * The attribution library: touchpoints to journeys, journeys to exact money credits, credits to
 * reports.
 *
 * <p>Exports the API packages only. {@code io.github.attribution.internal} holds the engine's own
 * helpers and is not exported: it may change at any release.
 */
module io.github.attribution {
    requires org.slf4j;

    exports io.github.attribution;
    exports io.github.attribution.data;
    exports io.github.attribution.journey;
    exports io.github.attribution.model;
    exports io.github.attribution.datadriven;
    exports io.github.attribution.money;
    exports io.github.attribution.report;
    exports io.github.attribution.io;
    exports io.github.attribution.sample;
}
