package io.github.attribution.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.attribution.Attributor;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.Opportunity;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.Touchpoint;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.sample.Scenario;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class EvaluationTest {
    private static final Instant T = Instant.parse("2026-01-10T00:00:00Z");

    /**
     * Two won deals: USD 100 after A then B, USD 300 after B alone; the truth is A 30%, B 70%.
     * first-touch: A 100, B 300 (25% / 75%): errors -5 and +5 pp, mean 5. linear: A 50, B 350 (12.5% /
     * 87.5%): mean 17.5. last-touch: A 0, B 400: mean 30. Every model ranks B above A (Spearman 1).
     */
    @Test
    void of_handWorkedExample_leaderboardNumbers() {
        Dataset data = Dataset.of(
                List.of(
                        Touchpoint.of("t1", "acc1", T.minusSeconds(200), "A"),
                        Touchpoint.of("t2", "acc1", T.minusSeconds(100), "B"),
                        Touchpoint.of("t3", "acc2", T.minusSeconds(100), "B")),
                List.of(
                        new Opportunity("o1", "acc1", Money.ofMinor("USD", 10_000), T, T, OpportunityStatus.WON),
                        new Opportunity("o2", "acc2", Money.ofMinor("USD", 30_000), T, T, OpportunityStatus.WON)));
        Attributor attributor = Attributor.create();
        List<AttributionModel> models =
                List.of(Models.byName("last-touch"), Models.byName("linear"), Models.byName("first-touch"));
        Comparison c = Comparison.run(attributor, attributor.journeys(data), models);
        Evaluation e = Evaluation.of(c, Map.of("A", new BigDecimal("0.3"), "B", new BigDecimal("0.7")));
        assertEquals(
                "rank,model,mae_pp,worst_channel,worst_error_pp,spearman\n"
                        + "1,first-touch,5.000,A,-5.000,1.000\n"
                        + "2,linear,17.500,A,-17.500,1.000\n"
                        + "3,last-touch,30.000,A,-30.000,1.000\n",
                e.toCsv());
    }

    @Test
    void of_simpleSplitScenario_lastTouchRanksFirst() {
        Dataset data = Scenario.byName("simple-split").generate(3000, 5);
        Attributor attributor = Attributor.create();
        List<AttributionModel> models = Models.catalog().stream()
                .filter(m -> !m.name().equals("custom"))
                .map(m -> Models.byName(m.name()))
                .toList();
        Comparison c = Comparison.run(attributor, attributor.journeys(data), models);
        Map<String, BigDecimal> truth = new TreeMap<>();
        Scenario.byName("simple-split").truth().forEach(t -> truth.put(t.channel(), t.share()));
        Evaluation e = Evaluation.of(c, truth);
        assertEquals("last-touch", e.rows().get(0).model());
        assertEquals(1, e.rows().get(0).rank());
    }
}
