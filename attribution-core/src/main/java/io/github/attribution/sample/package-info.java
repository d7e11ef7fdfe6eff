/**
 * Synthetic data: {@link io.github.attribution.sample.SampleGenerator} makes a realistic, seeded B2B
 * dataset for demos, tests and benchmarks, in memory or streamed row by row to a sink.
 *
 * <p>Depends only on {@code data}; nothing in the engine depends on it.
 */
package io.github.attribution.sample;
