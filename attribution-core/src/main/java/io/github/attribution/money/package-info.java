/**
 * Exact money: {@link io.github.attribution.money.Apportioner} turns a journey's weights into credits
 * in minor units that add up to the opportunity's amount exactly. It is the only place in the
 * library that rounds money.
 *
 * <p>Depends on nothing else in the library.
 */
package io.github.attribution.money;
