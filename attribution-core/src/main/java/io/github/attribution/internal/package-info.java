/**
 * Helpers shared by the library's packages and not part of its API: may change at any release.
 *
 * <p>Depends on nothing else in the library.
 */
package io.github.attribution.internal;
