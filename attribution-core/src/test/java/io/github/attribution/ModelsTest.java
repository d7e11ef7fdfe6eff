package io.github.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.model.AttributionModel;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ModelsTest {

    private static String error(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> Models.byName(spec))
                .getMessage();
    }

    @Test
    void byName_acceptsEveryCatalogEntryWithDefaults() {
        for (ModelInfo info : Models.catalog()) {
            AttributionModel model = Models.byName(info.name());
            assertTrue(model.name().startsWith(info.name()), model.name());
        }
    }

    @Test
    void byName_readsParameters() {
        assertEquals(
                "time-decay:half-life-days=14",
                Models.byName("time-decay:half-life-days=14").name());
        assertEquals("time-decay", Models.byName("time-decay:half-life-days=7").name());
        assertEquals(
                "custom:first=0.5,last=0.5",
                Models.byName("custom:first=0.5,last=0.5").name());
        assertEquals(
                "last-non-direct:direct=Direct|Unknown",
                Models.byName("last-non-direct:direct=Direct|Unknown").name());
    }

    @Test
    void byName_unknownModelListsTheKnownOnes() {
        String message = error("v-shaped");
        assertTrue(message.contains("unknown model 'v-shaped'"), message);
        assertTrue(message.contains("w-shaped"), message);
    }

    @Test
    void byName_rejectsUnknownRepeatedAndMalformedParameters() {
        assertTrue(error("linear:x=1").contains("model 'linear' has no parameter 'x'; it takes none"));
        assertTrue(error("time-decay:half-life=3").contains("has no parameter 'half-life'"));
        assertTrue(error("time-decay:half-life-days=3,half-life-days=4").contains("given twice"));
        assertTrue(error("time-decay:half-life-days").contains("key=value"));
        assertTrue(error("time-decay:half-life-days=0").contains("greater than 0: '0'"));
        assertTrue(error("time-decay:half-life-days=abc").contains("decimal number: 'abc'"));
    }

    @Test
    void custom_rejectsBadWeightsNamingThem() {
        assertTrue(error("custom:first=-0.1").contains("weight 'first' must not be negative: -0.1"));
        assertTrue(error("custom:lead=0.1234567").contains("weight 'lead' has more than 6 digits"));
        assertTrue(error("custom:first=0.333334,lead=0.333333,last=0.333334").contains("sum to at most 1"));
        assertTrue(error("custom:first=NaN").contains("'first' must be a decimal number: 'NaN'"));
        assertTrue(error("custom:mql=0.7,last=0.4").contains("sum to at most 1"));
        assertTrue(error("custom:mql=-0.2").contains("weight 'mql' must not be negative"));
    }

    @Test
    void custom_takesOtherKeysAsStageAnchorsCheckedAgainstTheData() {
        AttributionModel model = Models.byName("custom:first=0.4,middle=0.2");
        assertEquals("custom:first=0.4,middle=0.2", model.name());
        io.github.attribution.journey.Journeys journeys = Attributor.create()
                .journeys(io.github.attribution.data.Dataset.builder().build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.bind(journeys));
        assertEquals(
                "model 'custom:first=0.4,middle=0.2' anchors on stage 'middle', but no record entered it;"
                        + " the stages are: lead, opportunity, won",
                e.getMessage());
    }

    @Test
    void custom_acceptsWeightsSummingToExactlyOne() {
        assertEquals(
                "custom:first=0.333334,lead=0.333333,last=0.333333",
                Models.byName("custom:first=0.333334,lead=0.333333,last=0.333333")
                        .name());
    }

    @Test
    void ruleBasedNames_listsTheSpecsModels() {
        assertEquals(
                List.of(
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
                        "inverse-j"),
                Models.ruleBasedNames());
    }
}
