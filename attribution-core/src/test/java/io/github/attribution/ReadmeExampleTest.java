package io.github.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.Opportunity;
import io.github.attribution.data.Touchpoint;
import io.github.attribution.model.AttributionModel;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's quick start, verbatim, so that it keeps working. */
final class ReadmeExampleTest {

    @Test
    void quickStart_runsAsWritten() {
        Dataset data = Dataset.builder()
                .addTouchpoint(Touchpoint.of("t1", "ACME", Instant.parse("2026-01-05T10:00:00Z"), "Paid Search"))
                .addTouchpoint(Touchpoint.of("t2", "ACME", Instant.parse("2026-02-01T15:30:00Z"), "Webinar"))
                .addOpportunity(Opportunity.won(
                        "OPP-1",
                        "ACME",
                        Money.parse("USD 50000.00"),
                        Instant.parse("2026-02-03T00:00:00Z"),
                        Instant.parse("2026-03-30T00:00:00Z")))
                .build();
        AttributionResult result = Attributor.builder()
                .cycleGapDays(30)
                .build()
                .attribute(data, Models.byName("w-shaped"), Models.byName("time-decay:half-life-days=14"));
        // w-shaped: FIRST t1 and OPPORTUNITY_CREATION t2, no lead data -> 50/50
        assertEquals(
                List.of("USD 25000.00", "USD 25000.00"),
                result.credits("w-shaped", "OPP-1").stream()
                        .map(c -> c.credit().toString())
                        .collect(Collectors.toList()));
        // time-decay: 27.229 days apart, 2^(-27.229/14) = 0.259725; 50000 x 0.259725 / 1.259725 = 10308.81
        assertEquals(
                List.of("USD 10308.81", "USD 39691.19"),
                result.credits("time-decay:half-life-days=14", "OPP-1").stream()
                        .map(c -> c.credit().toString())
                        .collect(Collectors.toList()));
    }

    @Test
    void userModel_firstTwo() {
        AttributionModel firstTwo = AttributionModel.of("first-two", (journey, weights) -> {
            for (int i = 0; i < Math.min(2, journey.size()); i++) {
                weights.addShare(i, 1);
            }
        });
        AttributionResult r = Attributor.create().attribute(Fixtures.e1(), firstTwo);
        assertEquals(2, r.credits("first-two", "E1").size());
    }
}
