package io.github.attribution.datadriven;

import static io.github.attribution.datadriven.MarkovModelTest.six;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ShapleyModelTest {
    /**
     * The example of docs/models.md (section shapley). Three channels, rates by exact channel set:
     *
     * <pre>
     * set    conv nulls  r
     * {A}     1    4    0.2
     * {B}     2    3    0.4
     * {C}     -    -    0    (never observed)
     * {A,B}   3    2    0.6  (path A>B)
     * {A,C}   3    7    0.3  (path A>C)
     * {B,C}   0    2    0    (path B>C)
     * {A,B,C} 9    1    0.9  (path C>A>B)
     * </pre>
     *
     * For N = {A,B,C} the weights are 1/3 for |S| = 0, 1/6 for |S| = 1, 1/3 for |S| = 2:
     *
     * <pre>
     * phi(A) = 1/3 (0.2 - 0) + 1/6 (0.6 - 0.4) + 1/6 (0.3 - 0)   + 1/3 (0.9 - 0)   = 0.45
     * phi(B) = 1/3 (0.4 - 0) + 1/6 (0.6 - 0.2) + 1/6 (0   - 0)   + 1/3 (0.9 - 0.3) = 0.40
     * phi(C) = 1/3 (0   - 0) + 1/6 (0.3 - 0.2) + 1/6 (0   - 0.4) + 1/3 (0.9 - 0.6) = 0.05
     * </pre>
     *
     * They add up to v(N) = 0.9; shares 0.5, 4/9, 1/18. For N = {A,B}: phi(A) = 1/2 (0.2) + 1/2 (0.6 -
     * 0.4) = 0.2, phi(B) = 1/2 (0.4) + 1/2 (0.6 - 0.2) = 0.4, shares 1/3, 2/3. For N = {A,C}: phi(A)
     * = 1/2 (0.2) + 1/2 (0.3) = 0.25, phi(C) = 1/2 (0) + 1/2 (0.3 - 0.2) = 0.05, shares 5/6, 1/6.
     */
    static PathSet threeChannels() {
        return PathSet.builder()
                .add(List.of("A"), 1, 4, new BigDecimal("10"))
                .add(List.of("B"), 2, 3, new BigDecimal("20"))
                .add(List.of("A", "B"), 3, 2, new BigDecimal("30"))
                .add(List.of("A", "C"), 3, 7, new BigDecimal("60"))
                .add(List.of("B", "C"), 0, 2, BigDecimal.ZERO)
                .add(List.of("C", "A", "B"), 9, 1, new BigDecimal("90"))
                .build();
    }

    @Test
    void shapleyValues_threeChannels_matchHandComputation() {
        ShapleyFit fit = ShapleyModel.of().fit(PathStatistics.of(threeChannels()));
        assertEquals(0.9, fit.conversionRate(List.of("B", "A", "C")), 1e-15);
        assertEquals(0, fit.conversionRate(List.of("C")));
        assertEquals(0, fit.conversionRate(List.of("B", "C")));
        assertEquals(0, fit.conversionRate(List.of()));
        Map<String, Double> phi = fit.shapleyValues(List.of("C", "B", "A"));
        assertEquals(List.of("A", "B", "C"), List.copyOf(phi.keySet()));
        assertEquals(0.45, phi.get("A"), 1e-15);
        assertEquals(0.40, phi.get("B"), 1e-15);
        assertEquals(0.05, phi.get("C"), 1e-15);
        Map<String, Double> shares = fit.shares(List.of("A", "B", "C"));
        assertEquals(0.5, shares.get("A"), 1e-15);
        assertEquals(4.0 / 9, shares.get("B"), 1e-15);
        assertEquals(1.0 / 18, shares.get("C"), 1e-15);
    }

    /** The path-data credits of the example in docs/models.md (section shapley). */
    @Test
    void creditPaths_threeChannels_splitsEachRowBySharesOfItsSet() {
        PathCredits credits = ShapleyModel.of().creditPaths(threeChannels());
        // A: 1 + 3 (1/3) + 3 (5/6) + 9 (1/2) = 9; B: 2 + 3 (2/3) + 9 (4/9) = 8; C: 3 (1/6) + 9 (1/18) = 1
        assertEquals("9.000000", six(credits.conversions("A")));
        assertEquals("8.000000", six(credits.conversions("B")));
        assertEquals("1.000000", six(credits.conversions("C")));
        // A: 10 + 30/3 + 60 (5/6) + 90/2 = 115; B: 20 + 20 + 40 = 80; C: 10 + 5 = 15
        assertEquals("115.000000", six(credits.value("A")));
        assertEquals("80.000000", six(credits.value("B")));
        assertEquals("15.000000", six(credits.value("C")));
    }

    @Test
    void shares_negativeShapleyValue_isClampedToZero() {
        // v(A) = 0.5, v(C) = 0 (never seen alone), v(A,C) = 0.1: C drags A down.
        // phi(A) = 1/2 (0.5) + 1/2 (0.1 - 0) = 0.3; phi(C) = 1/2 (0) + 1/2 (0.1 - 0.5) = -0.2
        ShapleyFit fit = ShapleyModel.of()
                .fit(PathStatistics.builder()
                        .add(List.of("A"), 1, 1, BigDecimal.ZERO)
                        .add(List.of("A", "C"), 1, 9, BigDecimal.ZERO)
                        .build());
        Map<String, Double> phi = fit.shapleyValues(List.of("A", "C"));
        assertEquals(0.3, phi.get("A"), 1e-15);
        assertEquals(-0.2, phi.get("C"), 1e-15);
        Map<String, Double> shares = fit.shares(List.of("A", "C"));
        assertEquals(1.0, shares.get("A"));
        assertEquals(0.0, shares.get("C"));
    }

    @Test
    void shares_noPositiveValue_splitsEvenly() {
        ShapleyFit fit = ShapleyModel.of()
                .fit(PathStatistics.builder()
                        .add(List.of("A", "B"), 0, 5, BigDecimal.ZERO)
                        .build());
        assertEquals(Map.of("A", 0.5, "B", 0.5), fit.shares(List.of("A", "B")));
        // a channel never fitted on is part of the set, with v = 0 wherever it appears
        assertEquals(Map.of("A", 0.5, "Z", 0.5), fit.shares(List.of("Z", "A")));
    }

    @Test
    void shapleyValues_exactAgreesWithDefinition_acrossBothSubsetStrategies() {
        // 8 channels; with few observed sets the scan strategy is used, with many the enumeration.
        List<String> all = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        for (int observed : new int[] {5, 255}) {
            PathStatistics.Builder b = PathStatistics.builder();
            java.util.SplittableRandom random = new java.util.SplittableRandom(observed);
            for (int k = 0; k < observed; k++) {
                int mask = 1 + random.nextInt(255);
                List<String> path = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    if ((mask >> i & 1) != 0) {
                        path.add(all.get(i));
                    }
                }
                b.add(path, random.nextInt(5), random.nextInt(5), BigDecimal.ZERO);
            }
            ShapleyFit fit = ShapleyModel.of().fit(b.build());
            Map<String, Double> phi = fit.shapleyValues(all);
            for (int c = 0; c < 8; c++) {
                double expected = 0;
                for (int s = 0; s < 256; s++) {
                    if ((s >> c & 1) != 0) {
                        continue;
                    }
                    int size = Integer.bitCount(s);
                    double weight = factorial(size) * factorial(8 - size - 1) / factorial(8);
                    expected += weight * (rate(fit, all, s | 1 << c) - rate(fit, all, s));
                }
                assertEquals(expected, phi.get(all.get(c)), 1e-14, "channel " + all.get(c) + ", " + observed);
            }
        }
    }

    @Test
    void shapleyValues_aboveTwentyChannels_exactWhateverTheSeed() {
        // 22 channels; observed sets {c00} (r 0.6), {c00,c01} (r 0.5) and all 22 (r 0.9). With n = 22
        // and w(s) = s! (n-s-1)! / n!, only observed sets T count:
        // phi(c) = sum_{T contains c} w(|T|-1) r(T) - sum_{T lacks c} w(|T|) r(T).
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            all.add(String.format("c%02d", i));
        }
        PathStatistics stats = PathStatistics.builder()
                .add(List.of("c00"), 3, 2, BigDecimal.ZERO)
                .add(List.of("c00", "c01"), 1, 1, BigDecimal.ZERO)
                .add(all, 9, 1, BigDecimal.ZERO)
                .build();
        ShapleyFit fit = ShapleyModel.of(20_000, 7).fit(stats);
        double w0 = 1.0 / 22;
        double w1 = 1.0 / (22 * 21);
        double w2 = 2.0 / (22 * 21 * 20);
        double w21 = 1.0 / 22;
        Map<String, Double> phi = fit.shapleyValues(all);
        assertEquals(w0 * 0.6 + w1 * 0.5 + w21 * 0.9, phi.get("c00"), 1e-15);
        assertEquals(w1 * 0.5 + w21 * 0.9 - w1 * 0.6, phi.get("c01"), 1e-15);
        assertEquals(w21 * 0.9 - w1 * 0.6 - w2 * 0.5, phi.get("c13"), 1e-15);
        double sum = phi.values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(0.9, sum, 1e-12); // efficiency: the values add up to v(N)
        assertEquals(phi, ShapleyModel.of(50, 8).fit(stats).shapleyValues(all), "samples and seed change nothing");
        Map<String, Double> shares = fit.shares(all);
        assertEquals(
                1.0, shares.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
        shares.values().forEach(x -> assertTrue(x >= 0));
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void shapleyValues_20000Channels_exactInOnePass() {
        // one journey whose 20,000 touches are 20,000 channels (r 0.9), and {c00000} alone (r 0.6):
        // phi(c00000) = w(0) 0.6 + w(n-1) 0.9 and phi(other) = w(n-1) 0.9 - w(1) 0.6, with w(0) =
        // w(n-1) = 1/n and w(1) = 1/(n (n-1)).
        int n = 20_000;
        List<String> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(String.format("c%05d", i));
        }
        ShapleyFit fit = ShapleyModel.of()
                .fit(PathStatistics.builder()
                        .add(List.of("c00000"), 3, 2, BigDecimal.ZERO)
                        .add(all, 9, 1, BigDecimal.ZERO)
                        .build());
        Map<String, Double> phi = fit.shapleyValues(all);
        assertEquals(0.6 / n + 0.9 / n, phi.get("c00000"), 1e-15);
        assertEquals(0.9 / n - 0.6 / ((double) n * (n - 1)), phi.get("c12345"), 1e-15);
        assertEquals(0.9, phi.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void of_badSamples_throws() {
        assertThrows(IllegalArgumentException.class, () -> ShapleyModel.of(0, 1));
        assertEquals("shapley", ShapleyModel.of().name());
        assertEquals("shapley:samples=10,seed=3", ShapleyModel.of(10, 3).name());
        assertEquals(
                "shapley:seed=3",
                ShapleyModel.of(ShapleyModel.DEFAULT_SAMPLES, 3).name());
    }

    private static double rate(ShapleyFit fit, List<String> all, int mask) {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if ((mask >> i & 1) != 0) {
                set.add(all.get(i));
            }
        }
        return fit.conversionRate(set);
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}
