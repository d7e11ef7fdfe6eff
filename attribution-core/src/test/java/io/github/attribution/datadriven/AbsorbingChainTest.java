package io.github.attribution.datadriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The iterative solver (Gauss-Seidel in a successors-first order) against the direct one (Gaussian
 * elimination) on the same chains, with and without cycles, and on a long chain whose state numbering
 * runs against its transitions (the case that once needed a sweep per step).
 */
final class AbsorbingChainTest {

    private static PathStatistics randomPaths(long seed, int channels, int paths, int maxLength) {
        Random r = new Random(seed);
        PathStatistics.Builder b = PathStatistics.builder();
        for (int p = 0; p < paths; p++) {
            List<String> path = new ArrayList<>();
            int length = 1 + r.nextInt(maxLength);
            for (int i = 0; i < length; i++) {
                path.add("c" + r.nextInt(channels));
            }
            b.add(path, r.nextInt(4), r.nextInt(4), BigDecimal.ZERO);
        }
        return b.build();
    }

    private static void assertSameFit(MarkovFit direct, MarkovFit iterative, String what) {
        assertEquals(direct.conversionProbability(), iterative.conversionProbability(), 1e-12, what);
        for (String c : direct.channels()) {
            assertEquals(direct.removalEffect(c), iterative.removalEffect(c), 1e-11, what + " RE(" + c + ")");
        }
    }

    @Test
    void iterative_randomChainsWithCycles_sameAsDirect() {
        qt().withExamples(60)
                .forAll(integers().between(0, 1_000_000), integers().between(1, 4))
                .checkAssert((seed, order) -> {
                    PathStatistics stats = randomPaths(seed, 6, 40, 7);
                    // a dense limit of 10,000 states always solves directly; 0 always iterates
                    assertSameFit(
                            MarkovFit.fit("markov", stats, order, 10_000),
                            MarkovFit.fit("markov", stats, order, 0),
                            "seed " + seed + " order " + order);
                });
    }

    @Test
    void iterative_acyclicChainsNumberedAgainstTheirPaths_sameAsDirect() {
        qt().withExamples(40).forAll(integers().between(0, 1_000_000)).checkAssert(seed -> {
            // paths over distinct channels in a shuffled order: no cycles, numbering unrelated to the walk
            Random r = new Random(seed);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                names.add("c" + i);
            }
            PathStatistics.Builder b = PathStatistics.builder();
            for (int p = 0; p < 8; p++) {
                Collections.shuffle(names, r);
                b.add(
                        new ArrayList<>(names.subList(0, 2 + r.nextInt(20))),
                        r.nextInt(3),
                        r.nextInt(3),
                        BigDecimal.ZERO);
            }
            PathStatistics stats = b.build();
            assertSameFit(
                    MarkovFit.fit("markov", stats, 1, 10_000), MarkovFit.fit("markov", stats, 1, 0), "seed " + seed);
        });
    }

    @Test
    void iterative_oneLongPathInShuffledNameOrder_everyChannelIsNeeded() {
        List<String> path = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            path.add("c" + i);
        }
        Collections.shuffle(path, new Random(5));
        MarkovFit fit = MarkovModel.of()
                .fit(PathStatistics.builder().add(path, 1, 0, BigDecimal.ZERO).build());
        // one path that always converts: removing any channel breaks it, so every removal effect is 1
        assertEquals(1.0, fit.conversionProbability(), 0);
        fit.removalEffects().forEach((c, re) -> assertEquals(1.0, re, 0, c));
    }

    @Test
    void fit_orderFourPastItsChannelNumbering_modelLimitExceptionNamingOrderAndCount() {
        PathStatistics.Builder b = PathStatistics.builder();
        for (int c = 0; c < 65_535; c++) {
            b.add(List.of("c" + c), 1, 1, BigDecimal.ZERO);
        }
        PathStatistics stats = b.build();
        ModelLimitException e =
                assertThrows(ModelLimitException.class, () -> MarkovModel.of(4).fit(stats));
        assertEquals(
                "markov:order=4 numbers at most 65534 distinct channels and the data has 65535; use a lower order",
                e.getMessage());
        assertNull(e.opportunityId());
    }
}
