/**
 * Reports over exact credits: grouping by dimensions with pipeline, revenue, fractional counts and
 * ROI ({@link io.github.attribution.report.Report}, {@link io.github.attribution.report.ReportTable}),
 * who sourced and who influenced won revenue ({@link io.github.attribution.report.MarketingImpact},
 * {@link io.github.attribution.report.Sourcing}), and models side by side ({@link
 * io.github.attribution.report.Comparison}, rendered as text, CSV or JSON; the command-line application
 * also renders it as one self-contained HTML page).
 *
 * <p>Reports consume {@link io.github.attribution.CreditTable} blocks as they stream out of {@link
 * io.github.attribution.Attributor#stream}, aggregating into primitive arrays keyed by dense group ids,
 * so a run of any size needs memory proportional to the number of groups, not of credits. Money is
 * summed in minor units ({@code long}) and never added across currencies: the currency is part of every
 * group key. Output order is stated by each type and never depends on hash order.
 *
 * <p>May depend on {@code data}, {@code journey}, {@code model}, {@code money} and the root package;
 * never on {@code io} or {@code cli}.
 */
package io.github.attribution.report;
