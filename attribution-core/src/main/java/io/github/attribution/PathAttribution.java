package io.github.attribution;

import io.github.attribution.datadriven.PathCredits;
import io.github.attribution.datadriven.PathModel;
import io.github.attribution.datadriven.PathModels;
import io.github.attribution.datadriven.PathSet;
import io.github.attribution.internal.Parallel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Path-level attribution, the library side of the {@code paths} command: channel credits
 * (conversions and value) per model for path data.
 *
 * <pre>{@code
 * PathSet paths = PathSet.builder()
 *         .add(List.of("A", "B", "C"), 1, 0, new BigDecimal("10"))
 *         .add(List.of("C"), 0, 1, BigDecimal.ZERO)
 *         .build();
 * List<PathCredit> rows = PathAttribution.compute(paths, List.of("markov", "shapley", "linear"));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class PathAttribution {
    /** Digits after the point of {@link PathCredit} values: 6. */
    public static final int SCALE = 6;

    private PathAttribution() {}

    /**
     * Credits {@code paths} under each model of {@code modelSpecs} ({@code first-touch}, {@code
     * last-touch}, {@code linear}, {@code markov[:order=N]}, {@code shapley[:samples=N,seed=N]}).
     *
     * @return per model in the order given, one row per channel of {@code paths} sorted by name (zeros
     *     included); conversions and value rounded half-up to {@link #SCALE} digits after the point;
     *     the model column repeats the spec as given
     * @throws IllegalArgumentException if a spec is invalid or names a model that does not run on path
     *     data (see {@link Models#pathModel})
     */
    public static List<PathCredit> compute(PathSet paths, List<String> modelSpecs) {
        Objects.requireNonNull(paths, "paths must not be null");
        Objects.requireNonNull(modelSpecs, "modelSpecs must not be null");
        List<PathModel> models = new ArrayList<>(modelSpecs.size());
        for (String spec : modelSpecs) {
            models.add(Models.pathModel(spec));
        }
        // models are independent: run them side by side, each into its own slot, the data-driven ones
        // (which take longest) first so that the rule-based ones fill in beside them
        int[] order = new int[models.size()];
        int next = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int m = 0; m < models.size(); m++) {
                if (isRuleBased(models.get(m)) == (pass == 1)) {
                    order[next++] = m;
                }
            }
        }
        PathCredits[] results = new PathCredits[models.size()];
        Parallel.run(Parallel.defaultThreads(), models.size(), i -> {
            int m = order[i];
            results[m] = models.get(m).creditPaths(paths);
        });
        List<PathCredit> rows = new ArrayList<>(models.size() * paths.channels().size());
        for (int m = 0; m < models.size(); m++) {
            PathCredits credits = results[m];
            for (String channel : paths.channels()) {
                rows.add(new PathCredit(
                        modelSpecs.get(m),
                        channel,
                        round(credits.conversions(channel)),
                        round(credits.value(channel))));
            }
        }
        return List.copyOf(rows);
    }

    private static boolean isRuleBased(PathModel model) {
        return model == PathModels.firstTouch() || model == PathModels.lastTouch() || model == PathModels.linear();
    }

    private static BigDecimal round(BigDecimal d) {
        return d.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
