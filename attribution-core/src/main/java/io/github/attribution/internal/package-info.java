/**
 * The engine's own helpers and mutable state, not part of the library's API and not exported by its
 * module: may change at any release. Holds the journey cursor the engine moves ({@link
 * io.github.attribution.internal.JourneyCursor}) and the weights buffer it resets and reads ({@link
 * io.github.attribution.internal.WeightBuffer}); models see them only as the read-only {@link
 * io.github.attribution.journey.Journey} and the write-only {@link io.github.attribution.model.Weights}.
 *
 * <p>Also the helpers several packages share: {@link io.github.attribution.internal.DatasetAccess}, the
 * readers' and writers' way into {@code data.Dataset} past its public API; the one JSON writer ({@link
 * io.github.attribution.internal.JsonWriter}), number formatter ({@link
 * io.github.attribution.internal.Numbers}) and value parser ({@link io.github.attribution.internal.Values})
 * of every reader and writer; escaping ({@link io.github.attribution.internal.Escaping}). Nothing in an
 * exported signature mentions this package.
 */
package io.github.attribution.internal;
