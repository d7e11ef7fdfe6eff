/**
 * The engine's own helpers and mutable state, not part of the library's API and not exported by its
 * module: may change at any release. Holds the journey cursor the engine moves ({@link
 * io.github.attribution.internal.JourneyCursor}) and the weights buffer it resets and reads ({@link
 * io.github.attribution.internal.WeightBuffer}); models see them only as the read-only {@link
 * io.github.attribution.journey.Journey} and the write-only {@link io.github.attribution.model.Weights}.
 *
 * <p>Depends only on the {@code data}, {@code journey} and {@code model} types it implements, and
 * {@link io.github.attribution.internal.DatasetAccess} is the readers' and writers' way into
 * {@code data.Dataset} past its public API; nothing in an exported signature mentions this package.
 */
package io.github.attribution.internal;
