/**
 * Exact money: {@link io.github.attribution.money.Apportioner} turns a journey's weights into credits
 * in minor units that add up to the opportunity's amount exactly. It is the only place in the
 * library that rounds an amount into parts that must add up: every credit, and every fractional count
 * of a report, goes through it.
 *
 * <p>Elsewhere money is only divided for display: a report row's cost per opportunity and cost per won
 * deal ({@link io.github.attribution.report.ReportRow}) are a cost divided by a count and rounded half-up
 * to the currency's minor unit, and its ROAS and ROI are ratios rounded half-up to 4 decimals. Those
 * figures are derived from exact totals, never summed and never fed back into credits.
 *
 * <p>Depends on nothing else in the library.
 */
package io.github.attribution.money;
