package io.github.attribution.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.attribution.Attributor;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.sample.SampleGenerator;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class BootstrapTest {
    @Test
    void replicate_unitWeights_dataDrivenSumsMatchTheEngine() {
        Dataset data = SampleGenerator.generate(600, 3);
        Attributor attributor = Attributor.create();
        Journeys journeys = attributor.journeys(data);
        byte[] ones = new byte[data.accountCount()];
        Arrays.fill(ones, (byte) 1);
        for (String spec : List.of("markov", "shapley")) {
            AttributionModel model = Models.byName(spec);
            ComparisonTable t = Comparison.run(attributor, journeys, List.of(model))
                    .tables()
                    .get(0);
            Bootstrap.DataDriven dd = new Bootstrap.DataDriven(journeys, Comparison.Basis.REVENUE);
            long[][] sums =
                    dd.replicate(dd.refit(model), ones, journeys.cursor()).sums();
            for (int c = 0; c < t.channels().size(); c++) {
                String name = t.channels().get(c);
                int ch = name.equals(Report.UNATTRIBUTED) ? data.channelCount() : index(data, name);
                assertEquals(t.amount(c, 0).minor(), sums[0][ch], 2.0 * journeys.opportunityCount(), spec + " " + name);
            }
        }
    }

    private static int index(Dataset data, String name) {
        for (int c = 0; c < data.channelCount(); c++) {
            if (data.channelName(c).equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name);
    }
}
