package io.github.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.data.Dataset;
import io.github.attribution.internal.JourneyCursor;
import io.github.attribution.internal.WeightBuffer;
import io.github.attribution.journey.JourneySettings;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.model.JourneyWeigher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every model meets, built-in or a user's: on every non-empty journey its weights are
 * non-negative, finite, sum to a positive total, and are the same on every call and for any input
 * order of the rows.
 */
final class ModelContractTest {

    static Stream<AttributionModel> models() {
        List<AttributionModel> models = new ArrayList<>();
        RandomDatasets.modelSpecs().forEach(spec -> models.add(Models.byName(spec)));
        models.add(AttributionModel.of("user-last-two", (journey, w) -> {
            for (int p = Math.max(0, journey.size() - 2); p < journey.size(); p++) {
                w.addWeight(p, 0.5);
            }
        }));
        return models.stream();
    }

    @ParameterizedTest
    @MethodSource("models")
    void weights_areNonNegativeFiniteAndSumToOne(AttributionModel model) {
        for (long seed = 0; seed < 200; seed++) {
            Journeys journeys = Journeys.build(
                    RandomDatasets.rows(seed).build(), JourneySettings.DEFAULT.withCycleGapDays(seed % 20));
            List<double[]> weights = weigh(model, journeys);
            for (double[] w : weights) {
                double sum = 0;
                for (double x : w) {
                    assertTrue(x >= 0 && Double.isFinite(x), model.name() + " weight " + x);
                    sum += x;
                }
                assertEquals(1.0, sum, 1e-12, model.name());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void weights_areDeterministicAndIndependentOfInputOrder(AttributionModel model) {
        for (long seed = 0; seed < 100; seed++) {
            RandomDatasets.Rows rows = RandomDatasets.rows(seed);
            Journeys a = Journeys.build(rows.build(), JourneySettings.DEFAULT);
            Journeys b = Journeys.build(rows.shuffled(seed).build(), JourneySettings.DEFAULT);
            assertEquals(byId(model, a), byId(model, a), model.name() + " twice");
            assertEquals(byId(model, a), byId(model, b), model.name() + " shuffled");
        }
    }

    /** Each opportunity's normalised weights, in opportunity order. */
    private static List<double[]> weigh(AttributionModel model, Journeys journeys) {
        JourneyWeigher weigher = model.bind(journeys);
        JourneyCursor journey = JourneyCursor.over(journeys);
        WeightBuffer w = new WeightBuffer();
        List<double[]> out = new ArrayList<>();
        for (int o = 0; o < journeys.opportunityCount(); o++) {
            if (model.creditsOriginalSource()) {
                journey.moveToOriginalSource(o);
            } else {
                journey.moveTo(o);
            }
            if (journey.isEmpty()) {
                continue;
            }
            w.reset(journey.size());
            weigher.weigh(journey, w);
            double[] x = new double[journey.size()];
            double total = 0;
            for (int p = 0; p < x.length; p++) {
                x[p] = w.isExact() ? w.share(p) : w.weight(p);
                total += x[p];
            }
            for (int p = 0; p < x.length; p++) {
                x[p] /= total;
            }
            out.add(x);
        }
        return out;
    }

    /** "opportunity:touch=weight" for every weighted touch, sorted, so row order does not matter. */
    private static List<String> byId(AttributionModel model, Journeys journeys) {
        Dataset data = journeys.dataset();
        List<double[]> weights = weigh(model, journeys);
        List<String> out = new ArrayList<>();
        JourneyCursor journey = JourneyCursor.over(journeys);
        int k = 0;
        for (int o = 0; o < journeys.opportunityCount(); o++) {
            if (model.creditsOriginalSource()) {
                journey.moveToOriginalSource(o);
            } else {
                journey.moveTo(o);
            }
            if (journey.isEmpty()) {
                continue;
            }
            double[] w = weights.get(k++);
            for (int p = 0; p < w.length; p++) {
                out.add(data.opportunityId(o) + ":" + data.touchId(journey.touch(p)) + "=" + w[p]);
            }
        }
        out.sort(null);
        return out;
    }
}
