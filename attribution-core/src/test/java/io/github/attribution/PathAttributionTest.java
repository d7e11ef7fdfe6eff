package io.github.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.datadriven.PathSet;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class PathAttributionTest {
    private static PathSet specExample() {
        return PathSet.builder()
                .add(List.of("A", "B", "C"), 1, 0, new BigDecimal("10"))
                .add(List.of("A", "A", "B"), 1, 0, new BigDecimal("5"))
                .add(List.of("C"), 0, 1, BigDecimal.ZERO)
                .add(List.of("B", "C", "A", "C"), 1, 0, new BigDecimal("20"))
                .add(List.of("B", "A"), 0, 1, BigDecimal.ZERO)
                .add(List.of("D"), 0, 0, BigDecimal.ZERO)
                .build();
    }

    private static List<String> lines(List<PathCredit> rows) {
        return rows.stream()
                .map(r -> r.model() + "," + r.channel() + "," + r.conversions().toPlainString() + ","
                        + r.value().toPlainString())
                .collect(Collectors.toList());
    }

    @Test
    void compute_specExample_everyChannelUnderEveryModelSortedBySixDecimals() {
        List<PathCredit> rows =
                PathAttribution.compute(specExample(), List.of("markov", "first-touch", "last-touch", "linear"));
        assertEquals(
                List.of(
                        "markov,A,0.770171,8.985330",
                        "markov,B,1.129584,13.178484",
                        "markov,C,1.100244,12.836186",
                        "markov,D,0.000000,0.000000",
                        // first: A>B>C, A>A>B -> A; B>C>A>C -> B
                        "first-touch,A,2.000000,15.000000",
                        "first-touch,B,1.000000,20.000000",
                        "first-touch,C,0.000000,0.000000",
                        "first-touch,D,0.000000,0.000000",
                        "last-touch,A,0.000000,0.000000",
                        "last-touch,B,1.000000,5.000000",
                        "last-touch,C,2.000000,30.000000",
                        "last-touch,D,0.000000,0.000000",
                        // linear per touch, repeats counted: A 1/3 + 2/3 + 1/4, B 1/3 + 1/3 + 1/4,
                        // C 1/3 + 1/2; value A 10/3 + 10/3 + 5, B 10/3 + 5/3 + 5, C 10/3 + 10
                        "linear,A,1.250000,11.666667",
                        "linear,B,0.916667,10.000000",
                        "linear,C,0.833333,13.333333",
                        "linear,D,0.000000,0.000000"),
                lines(rows));
    }

    @Test
    void compute_shapleyAndHigherOrderMarkov_conversionsAddUpToTheTotal() {
        for (String spec : List.of("shapley", "markov:order=2", "markov:order=4", " markov : order=3 ")) {
            List<PathCredit> rows = PathAttribution.compute(specExample(), List.of(spec));
            assertEquals(4, rows.size());
            assertEquals(spec, rows.get(0).model(), "the model column repeats the spec as given");
            BigDecimal conversions =
                    rows.stream().map(PathCredit::conversions).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal value = rows.stream().map(PathCredit::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertTrue(conversions.subtract(new BigDecimal(3)).abs().compareTo(new BigDecimal("0.000003")) <= 0, spec);
            assertTrue(value.subtract(new BigDecimal(35)).abs().compareTo(new BigDecimal("0.000003")) <= 0, spec);
            rows.forEach(
                    r -> assertTrue(r.conversions().signum() >= 0 && r.value().signum() >= 0));
        }
    }

    @Test
    void compute_modelNeedingTimes_isRejectedNamingPathModels() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> PathAttribution.compute(specExample(), List.of("w-shaped")));
        assertTrue(e.getMessage().contains("w-shaped") && e.getMessage().contains("markov, shapley"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> PathAttribution.compute(specExample(), List.of("markov:order=9")));
        assertThrows(IllegalArgumentException.class, () -> PathAttribution.compute(specExample(), List.of("nope")));
    }
}
