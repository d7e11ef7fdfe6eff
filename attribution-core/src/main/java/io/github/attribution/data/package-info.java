/**
 * The data model: value types ({@link io.github.attribution.data.Money}, {@link
 * io.github.attribution.data.Touchpoint}, {@link io.github.attribution.data.Opportunity}, {@link
 * io.github.attribution.data.Person}) and the column-wise {@link io.github.attribution.data.Dataset}
 * the engine iterates over.
 *
 * <p>Depends on nothing else in the library; every other package may depend on it.
 */
package io.github.attribution.data;
