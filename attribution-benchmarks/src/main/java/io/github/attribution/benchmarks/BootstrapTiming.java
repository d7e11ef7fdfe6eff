package io.github.attribution.benchmarks;

import io.github.attribution.Attributor;
import io.github.attribution.ModelInfo;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.model.ModelFamily;
import io.github.attribution.report.Bootstrap;
import io.github.attribution.report.Comparison;
import io.github.attribution.sample.SampleGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A timed harness for the cost of bootstrap intervals: on {@code N} generated opportunities (seed 42),
 * the comparison of every default model (the rule-based ones without parameters, markov and shapley)
 * without intervals, then with {@code --intervals 95 --replicates R}; each run {@code rounds} times
 * after one warm-up, the best time of each kept, and their ratio printed.
 *
 * <pre>{@code
 * java -cp attribution-benchmarks/target/benchmarks.jar \
 *     io.github.attribution.benchmarks.BootstrapTiming 100000 200 3
 * }</pre>
 */
public final class BootstrapTiming {
    private BootstrapTiming() {}

    public static void main(String[] args) {
        int opportunities = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int replicates = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Dataset data = SampleGenerator.generate(opportunities, 42);
        Attributor attributor = Attributor.create();
        Journeys journeys = attributor.journeys(data);
        List<AttributionModel> models = new ArrayList<>();
        Models.ruleBasedNames().forEach(n -> models.add(Models.byName(n)));
        for (ModelInfo m : Models.catalog()) {
            if (m.family() == ModelFamily.DATA_DRIVEN) {
                models.add(Models.byName(m.name()));
            }
        }
        Bootstrap.Settings settings = new Bootstrap.Settings(95, replicates, 1);
        double plain = Double.MAX_VALUE;
        double withIntervals = Double.MAX_VALUE;
        for (int round = 0; round <= rounds; round++) {
            long t0 = System.nanoTime();
            Comparison.run(attributor, journeys, models, Comparison.Basis.REVENUE, (t, m) -> {}, null);
            long t1 = System.nanoTime();
            Comparison.run(attributor, journeys, models, Comparison.Basis.REVENUE, (t, m) -> {}, settings);
            long t2 = System.nanoTime();
            if (round > 0) {
                plain = Math.min(plain, (t1 - t0) / 1e9);
                withIntervals = Math.min(withIntervals, (t2 - t1) / 1e9);
            }
            System.out.printf(
                    Locale.ROOT,
                    "round %d: %d models, %d opportunities: compare %.2f s, with %d replicates %.2f s%n",
                    round,
                    models.size(),
                    opportunities,
                    (t1 - t0) / 1e9,
                    replicates,
                    (t2 - t1) / 1e9);
        }
        System.out.printf(
                Locale.ROOT,
                "best of %d: compare %.2f s, with intervals %.2f s, ratio %.2f (%d threads)%n",
                rounds,
                plain,
                withIntervals,
                withIntervals / plain,
                attributor.threads());
    }
}
