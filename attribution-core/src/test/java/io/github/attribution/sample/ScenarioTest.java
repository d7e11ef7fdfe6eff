package io.github.attribution.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.Attributor;
import io.github.attribution.data.Dataset;
import io.github.attribution.io.DatasetWriter;
import io.github.attribution.journey.Journeys;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ScenarioTest {
    @TempDir
    Path dir;

    @Test
    void truth_simpleSplit_betaTimesPresenceOverTheirSum() {
        // Paid Search 0.4 x 0.5 = 0.20, Direct 0.6 x 0.3 = 0.18, Partner 0.2 x 0.2 = 0.04; sum 0.42
        List<Scenario.Truth> truth = Scenario.byName("simple-split").truth();
        assertEquals(
                List.of("Direct", "Display", "Email", "Paid Search", "Partner"),
                truth.stream().map(Scenario.Truth::channel).toList());
        assertEquals(new BigDecimal("0.428571428571"), truth.get(0).share()); // 0.18 / 0.42 = 3/7
        assertEquals(new BigDecimal("0.000000000000"), truth.get(1).share());
        assertEquals(new BigDecimal("0.476190476190"), truth.get(3).share()); // 0.20 / 0.42 = 10/21
        assertEquals(new BigDecimal("0.095238095238"), truth.get(4).share()); // 0.04 / 0.42 = 2/21
        assertEquals(new BigDecimal("11000.00"), truth.get(3).contribution()); // 0.2 x 55,000
    }

    @Test
    void truth_everyScenario_sharesAddUpToOne() {
        for (String name : Scenario.names()) {
            BigDecimal sum = Scenario.byName(name).truth().stream()
                    .map(Scenario.Truth::share)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, sum.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("1e-11")) <= 0 ? 0 : 1, name);
        }
        assertEquals(5, Scenario.names().size());
    }

    @Test
    void generate_simpleSplit_everyWonJourneyEndsOnAnEffectiveCloser() {
        Dataset data = Scenario.byName("simple-split").generate(500, 3);
        Journeys journeys = Attributor.create().journeys(data);
        Set<String> closers = Set.of("Paid Search", "Direct", "Partner");
        int won = 0;
        for (int o = 0; o < data.opportunityCount(); o++) {
            if (data.status(o) == io.github.attribution.data.OpportunityStatus.WON) {
                won++;
                int last = journeys.touch(o, journeys.size(o) - 1);
                assertTrue(closers.contains(data.channelName(data.touchChannel(last))));
            }
        }
        // about 500 x 0.42 wins
        assertTrue(won > 170 && won < 250, "won " + won);
    }

    @Test
    void generate_sameSeed_sameFiles() throws Exception {
        Scenario s = Scenario.byName("repetition");
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        DatasetWriter.write(s.generate(50, 9), a);
        DatasetWriter.write(s.generate(50, 9), b);
        for (String f : DatasetWriter.FILES) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
        }
    }

    @Test
    void byName_unknown_namesTheScenarios() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenario.byName("x"));
        assertEquals(
                "unknown scenario 'x'; scenarios: late-no-effect, opener, repetition, direct-last, simple-split",
                e.getMessage());
    }
}
