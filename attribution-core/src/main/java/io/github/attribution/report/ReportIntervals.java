package io.github.attribution.report;

import io.github.attribution.Attributor;
import io.github.attribution.data.Dataset;
import io.github.attribution.internal.Parallel;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import java.util.Arrays;

/**
 * The bootstrap intervals of a report's cells ({@link ReportAccumulator#intervals}): the same Poisson
 * weights over accounts as {@link Comparison} ({@link Bootstrap#weights}), applied to the five cells
 * that are sums over opportunities: pipeline, revenue, opportunities, won and touches.
 *
 * <p>Rule-based models: while the report is accumulated, every addition to a group is also summed per
 * account and group (exact, in the cell's unit); replicate {@code b} of a group's cell is {@code Σ_a
 * w(b, a) × sum(a, group)}. Data-driven models are refitted per replicate on the reweighted path
 * statistics ({@link Bootstrap.DataDriven}) and the refit is run through the engine, each credit counted
 * {@code w(b, account)} times. Either way a replicate is a whole number of the cell's unit, and the
 * bounds are the exact percentile interval of those numbers ({@link Bootstrap#percentile(long[],
 * double)}), so they depend on nothing but the seed.
 */
final class ReportIntervals {
    /** Cells per group: pipeline, revenue, opportunities, won, touches. */
    static final int CELLS = 5;

    private final Journeys journeys;
    private final Dataset data;
    private final Attributor attributor;
    private final AttributionModel model;
    private final Bootstrap.Settings settings;
    private final boolean refit;

    // rule-based: sums per (account, group)
    private final TupleIndex pairs = new TupleIndex(2);
    private final int[] pair = new int[2];
    private long[] sums = new long[64 * CELLS];

    ReportIntervals(Journeys journeys, Attributor attributor, AttributionModel model, Bootstrap.Settings settings) {
        this.journeys = journeys;
        this.data = journeys.dataset();
        this.attributor = attributor;
        this.model = model;
        this.settings = settings;
        this.refit = Bootstrap.isDataDriven(model);
    }

    Bootstrap.Settings settings() {
        return settings;
    }

    /** What the report's accumulator tells of its additions: null for a refitted model. */
    ReportAccumulator.Tally collector() {
        if (refit) {
            return null;
        }
        return (o, g, pipeline, revenue, opportunities, won, touches) -> {
            pair[0] = data.opportunityAccount(o);
            pair[1] = g;
            int id = pairs.intern(pair);
            int base = id * CELLS;
            if (base + CELLS > sums.length) {
                sums = Arrays.copyOf(sums, Math.max(base + CELLS, sums.length * 2));
            }
            sums[base] = Math.addExact(sums[base], pipeline);
            sums[base + 1] = Math.addExact(sums[base + 1], revenue);
            sums[base + 2] += opportunities;
            sums[base + 3] += won;
            sums[base + 4] += touches;
        };
    }

    /**
     * The bounds of every group {@code 0..groups-1} of {@code index}, then of every currency's total
     * ({@code groups + currency}): per target, {@code low, high} of each cell in turn.
     */
    long[][] bounds(TupleIndex index, ReportSpec spec, int groups, int currencies) {
        int threads = attributor.threads();
        byte[][] weights = Bootstrap.weights(data, settings, threads);
        int targets = groups + currencies;
        long[][] out = new long[targets][];
        if (refit) {
            long[][] replicates = refitted(index, spec, groups, currencies, weights);
            Parallel.run(threads, targets, t -> out[t] = percentiles(replicates, t));
            return out;
        }
        // the pairs of each target, by a counting sort: every pair counts for its group and its currency
        int n = pairs.size();
        int[] start = new int[targets + 1];
        for (int p = 0; p < n; p++) {
            int g = pairs.get(p, 1);
            start[g + 1]++;
            start[groups + index.get(g, 0) + 1]++;
        }
        for (int t = 0; t < targets; t++) {
            start[t + 1] += start[t];
        }
        int[] fill = Arrays.copyOf(start, targets);
        int[] members = new int[start[targets]];
        for (int p = 0; p < n; p++) {
            int g = pairs.get(p, 1);
            members[fill[g]++] = p;
            members[fill[groups + index.get(g, 0)]++] = p;
        }
        int replicates = weights.length;
        Parallel.run(threads, targets, t -> {
            long[][] rep = new long[CELLS][replicates];
            for (int i = start[t]; i < start[t + 1]; i++) {
                int p = members[i];
                int account = pairs.get(p, 0);
                int base = p * CELLS;
                for (int b = 0; b < replicates; b++) {
                    int w = weights[b][account];
                    if (w != 0) {
                        for (int c = 0; c < CELLS; c++) {
                            rep[c][b] = Math.addExact(rep[c][b], Math.multiplyExact(sums[base + c], w));
                        }
                    }
                }
            }
            out[t] = bounds(rep);
        });
        return out;
    }

    /**
     * Per replicate, the cells of every target ({@code [replicate][target * CELLS + cell]}) of the model
     * refitted on that replicate's weights, its credits counted by the weights.
     */
    private long[][] refitted(TupleIndex index, ReportSpec spec, int groups, int currencies, byte[][] weights) {
        Bootstrap.DataDriven dd = new Bootstrap.DataDriven(journeys, Comparison.Basis.PIPELINE);
        java.util.function.Function<io.github.attribution.datadriven.PathStatistics, AttributionModel> fitter =
                dd.refit(model);
        long[][] out = new long[weights.length][(groups + currencies) * CELLS];
        for (int b = 0; b < weights.length; b++) {
            byte[] w = weights[b];
            long[] rep = out[b];
            AttributionModel fit = fitter.apply(dd.statistics(w));
            ReportAccumulator replicate = new ReportAccumulator(
                    journeys, fit.name(), spec, index, (o, g, pipeline, revenue, opportunities, won, touches) -> {
                        int weight = w[data.opportunityAccount(o)];
                        if (weight == 0 || g >= groups) {
                            return; // a group the full data does not have has no row to bound
                        }
                        add(rep, g * CELLS, weight, pipeline, revenue, opportunities, won, touches);
                        add(
                                rep,
                                (groups + index.get(g, 0)) * CELLS,
                                weight,
                                pipeline,
                                revenue,
                                opportunities,
                                won,
                                touches);
                    });
            attributor.stream(journeys, fit, replicate);
        }
        return out;
    }

    private static void add(
            long[] rep, int base, int w, long pipeline, long revenue, long opportunities, long won, long touches) {
        rep[base] = Math.addExact(rep[base], Math.multiplyExact(pipeline, w));
        rep[base + 1] = Math.addExact(rep[base + 1], Math.multiplyExact(revenue, w));
        rep[base + 2] += opportunities * w;
        rep[base + 3] += won * w;
        rep[base + 4] += touches * w;
    }

    private long[] percentiles(long[][] replicates, int target) {
        long[][] rep = new long[CELLS][replicates.length];
        for (int b = 0; b < replicates.length; b++) {
            for (int c = 0; c < CELLS; c++) {
                rep[c][b] = replicates[b][target * CELLS + c];
            }
        }
        return bounds(rep);
    }

    private long[] bounds(long[][] rep) {
        long[] out = new long[2 * CELLS];
        for (int c = 0; c < CELLS; c++) {
            long[] i = Bootstrap.percentile(rep[c], settings.level());
            out[2 * c] = i[0];
            out[2 * c + 1] = i[1];
        }
        return out;
    }
}
