package io.github.attribution;

import static io.github.attribution.Fixtures.credits;
import static io.github.attribution.Fixtures.day;
import static io.github.attribution.Fixtures.touch;
import static io.github.attribution.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Opportunity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The worked examples of docs/models.md, numbers written out: journey E1 under every rule-based model
 * (sections "Single-touch models", "Linear", "Time decay", "Position-based family"), E2, E3 and E4.
 */
final class WorkedExamplesTest {
    private final Dataset e1 = Fixtures.e1();

    @Test
    void e1_linear_givesFiveLeftoverCentsToEarliestTouches() {
        assertEquals(
                List.of("t1=142.86", "t2=142.86", "t3=142.86", "t4=142.86", "t5=142.86", "t6=142.85", "t7=142.85"),
                credits(e1, "linear", "E1"));
    }

    @Test
    void e1_uShaped_spansFirstToLeadCreation() {
        assertEquals(List.of("t1=400.00", "t2=200.00", "t3=400.00"), credits(e1, "u-shaped", "E1"));
    }

    @Test
    void e1_wShaped_spansFirstToOpportunityCreation() {
        assertEquals(
                List.of("t1=300.00", "t2=50.00", "t3=300.00", "t4=50.00", "t5=300.00"), credits(e1, "w-shaped", "E1"));
    }

    @Test
    void e1_fullPath_givesOddCentToEarliestMiddleTouch() {
        assertEquals(
                List.of("t1=225.00", "t2=33.34", "t3=225.00", "t4=33.33", "t5=225.00", "t6=33.33", "t7=225.00"),
                credits(e1, "full-path", "E1"));
    }

    @Test
    void e1_positionBased() {
        assertEquals(
                List.of("t1=400.00", "t2=40.00", "t3=40.00", "t4=40.00", "t5=40.00", "t6=40.00", "t7=400.00"),
                credits(e1, "position-based", "E1"));
    }

    @Test
    void e1_jShaped() {
        assertEquals(
                List.of("t1=200.00", "t2=40.00", "t3=40.00", "t4=40.00", "t5=40.00", "t6=40.00", "t7=600.00"),
                credits(e1, "j-shaped", "E1"));
    }

    @Test
    void e1_inverseJ() {
        assertEquals(
                List.of("t1=600.00", "t2=40.00", "t3=40.00", "t4=40.00", "t5=40.00", "t6=40.00", "t7=200.00"),
                credits(e1, "inverse-j", "E1"));
    }

    @Test
    void e1_timeDecay_sevenDays() {
        assertEquals(
                List.of("t1=26.90", "t2=36.21", "t3=44.13", "t4=65.58", "t5=107.60", "t6=194.91", "t7=524.67"),
                credits(e1, "time-decay", "E1"));
        AttributionResult r = Attributor.builder().threads(1).build().attribute(e1, Models.byName("time-decay"));
        double[] expected = {0.026900, 0.036205, 0.044134, 0.065583, 0.107600, 0.194912, 0.524665};
        List<Credit> credits = r.credits("time-decay", "E1");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], credits.get(i).weight(), 5e-7, "weight of t" + (i + 1));
        }
    }

    @Test
    void e1_singleTouchModels() {
        assertEquals(List.of("t1=1000.00"), credits(e1, "first-touch", "E1"));
        assertEquals(List.of("t7=1000.00"), credits(e1, "last-touch", "E1"));
        assertEquals(List.of("t3=1000.00"), credits(e1, "lead-creation", "E1"));
        assertEquals(List.of("t5=1000.00"), credits(e1, "opportunity-creation", "E1"));
        assertEquals(List.of("t1=1000.00"), credits(e1, "original-source", "E1"));
        assertEquals(List.of("t7=1000.00"), credits(e1, "last-non-direct", "E1"));
        assertEquals(List.of("t6=1000.00"), credits(e1, "last-non-direct:direct=Event", "E1"));
    }

    @Test
    void e1_custom_matchesFullPathWhenGivenItsWeights() {
        assertEquals(
                credits(e1, "full-path", "E1"),
                credits(e1, "custom:first=0.225,lead=0.225,opportunity=0.225,last=0.225", "E1"));
    }

    @Test
    void e1_customFirstAndLast_remainderOverTheFiveMiddleTouches() {
        assertEquals(
                List.of("t1=500.00", "t2=40.00", "t3=40.00", "t4=40.00", "t5=40.00", "t6=40.00", "t7=300.00"),
                credits(e1, "custom:first=0.5,last=0.3", "E1"));
    }

    @Test
    void e1_customLeadAndOpportunity_firstTouchIsAMiddleTouch() {
        // span t1..t5; 0.2 over t1, t2, t4: 200.00 / 3 -> 66.67, 66.67, 66.66 (leftover cents to the earliest)
        assertEquals(
                List.of("t1=66.67", "t2=66.67", "t3=600.00", "t4=66.66", "t5=200.00"),
                credits(e1, "custom:lead=0.6,opportunity=0.2", "E1"));
    }

    @Test
    void e1_customWithoutWeights_isLinear() {
        assertEquals(credits(e1, "linear", "E1"), credits(e1, "custom", "E1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "first-touch",
                "last-touch",
                "last-non-direct",
                "lead-creation",
                "opportunity-creation",
                "original-source",
                "linear",
                "time-decay",
                "position-based",
                "u-shaped",
                "w-shaped",
                "full-path",
                "j-shaped",
                "inverse-j",
                "custom:first=0.1,last=0.2"
            })
    void e2_oneTouch_getsEverything(String model) {
        Dataset data = Dataset.of(
                List.of(touch("only", "A", 1, "Webinar")),
                List.of(Opportunity.won("E2", "A", usd("99.99"), day(2), day(3))));
        assertEquals(List.of("only=99.99"), credits(data, model, "E2"));
    }

    @Test
    void e3_twoTouches_positionBasedIsFiftyFifty() {
        Dataset data = Dataset.of(
                List.of(touch("a", "A", 1, "Webinar"), touch("b", "A", 2, "Email")),
                List.of(Opportunity.won("E3", "A", usd("100.01"), day(2), day(3))));
        assertEquals(List.of("a=50.01", "b=50.00"), credits(data, "position-based", "E3"));
    }

    @Test
    void e4_wShapedWithoutLeadData_isThreeSevenths() {
        Dataset data = Dataset.of(
                List.of(touch("a", "A", 0, "Webinar"), touch("b", "A", 4, "Email"), touch("c", "A", 10, "Event")),
                List.of(Opportunity.won("E4", "A", usd("700.00"), day(10), day(12))));
        assertEquals(List.of("a=300.00", "b=100.00", "c=300.00"), credits(data, "w-shaped", "E4"));
        AttributionResult r = Attributor.create().attribute(data, Models.byName("w-shaped"));
        List<Credit> c = r.credits("w-shaped", "E4");
        assertEquals(3.0 / 7, c.get(0).weight(), 1e-15);
        assertEquals(1.0 / 7, c.get(1).weight(), 1e-15);
        assertEquals(3.0 / 7, c.get(2).weight(), 1e-15);
    }
}
