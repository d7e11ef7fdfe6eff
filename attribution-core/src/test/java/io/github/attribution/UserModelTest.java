package io.github.attribution;

import static io.github.attribution.Fixtures.day;
import static io.github.attribution.Fixtures.touch;
import static io.github.attribution.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Opportunity;
import io.github.attribution.model.AttributionModel;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A user's own model runs through the same engine and is checked the same way. */
final class UserModelTest {
    private final Dataset data = Dataset.of(
            List.of(touch("a", "A", 1, "Webinar"), touch("b", "A", 2, "Email"), touch("c", "A", 3, "Event")),
            List.of(Opportunity.won("OPP-1", "A", usd("10.00"), day(3), day(4))));

    private String failure(AttributionModel model) {
        return assertThrows(
                        IllegalArgumentException.class,
                        () -> Attributor.create().attribute(data, model))
                .getMessage();
    }

    @Test
    void lambda_isApportionedExactly() {
        AttributionModel firstTwo = AttributionModel.of("first-two", (journey, w) -> {
            for (int i = 0; i < Math.min(2, journey.size()); i++) {
                w.addShare(i, 1);
            }
        });
        AttributionResult r = Attributor.create().attribute(data, firstTwo);
        assertEquals(
                List.of("a=5.00", "b=5.00"),
                r.credits("first-two", "OPP-1").stream()
                        .map(c -> c.touchpointId() + "=" + c.credit().amount())
                        .collect(Collectors.toList()));
    }

    @Test
    void lambda_realWeightsAreNormalised() {
        AttributionModel model = AttributionModel.of("reals", (journey, w) -> {
            for (int i = 0; i < journey.size(); i++) {
                w.addWeight(i, i + 1);
            }
        });
        AttributionResult r = Attributor.create().attribute(data, model);
        assertEquals(
                List.of("1.67", "3.33", "5.00"),
                r.credits("reals", "OPP-1").stream()
                        .map(c -> c.credit().amount().toPlainString())
                        .collect(Collectors.toList()));
    }

    @Test
    void negativeWeight_isRejectedNamingModelTouchAndOpportunity() {
        String message = failure(AttributionModel.of("mine", (j, w) -> {
            w.addWeight(0, 1);
            w.addWeight(1, -0.5);
        }));
        assertEquals("model 'mine' gave a negative weight -0.5 to touch 'b' of opportunity 'OPP-1'", message);
    }

    @Test
    void nonFiniteWeight_isRejected() {
        String message = failure(AttributionModel.of("nan", (j, w) -> w.addWeight(2, Double.NaN)));
        assertEquals("model 'nan' gave a non-finite weight NaN to touch 'c' of opportunity 'OPP-1'", message);
    }

    @Test
    void negativeShare_isRejected() {
        String message = failure(AttributionModel.of("neg", (j, w) -> {
            w.addShare(0, 2);
            w.addShare(1, -1);
        }));
        assertEquals("model 'neg' gave a negative share -1 to touch 'b' of opportunity 'OPP-1'", message);
    }

    @Test
    void noWeight_isRejected() {
        assertEquals(
                "model 'lazy' gave no weight to any of the 3 touches of opportunity 'OPP-1'",
                failure(AttributionModel.of("lazy", (j, w) -> {})));
        assertEquals(
                "model 'zeros' gave zero weight to every touch of opportunity 'OPP-1'",
                failure(AttributionModel.of("zeros", (j, w) -> w.addWeight(0, 0))));
    }
}
