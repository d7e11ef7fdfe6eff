/**
 * Helpers shared by the library's packages and not part of its API: may change at any release.
 *
 * <p>Depends on nothing else in the library, save {@link io.github.attribution.internal.DatasetAccess}, the
 * readers' and writers' way into {@code data.Dataset} past its public API.
 */
package io.github.attribution.internal;
