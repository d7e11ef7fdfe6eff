/**
 * JMH benchmarks of the engine: journey building, every model family, apportionment and whole runs.
 * Run them with {@code java -jar attribution-benchmarks/target/benchmarks.jar} (see the module README).
 */
package io.github.attribution.benchmarks;
