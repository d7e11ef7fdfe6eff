package io.github.attribution.datadriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MarkovModelTest {
    /** The Markov example of docs/models.md (section markov). */
    static PathSet specExample() {
        return PathSet.builder()
                .add(List.of("A", "B", "C"), 1, 0, new BigDecimal("10"))
                .add(List.of("A", "A", "B"), 1, 0, new BigDecimal("5"))
                .add(List.of("C"), 0, 1, BigDecimal.ZERO)
                .add(List.of("B", "C", "A", "C"), 1, 0, new BigDecimal("20"))
                .add(List.of("B", "A"), 0, 1, BigDecimal.ZERO)
                .build();
    }

    static String six(BigDecimal d) {
        return d.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void fit_specExample_conversionProbabilityAndRemovalEffects() {
        MarkovFit fit = MarkovModel.of().fit(PathStatistics.of(specExample()));
        assertEquals(0.6, fit.conversionProbability(), 1e-15);
        assertEquals(0.5, fit.removalEffect("A"), 1e-12);
        assertEquals(11.0 / 15, fit.removalEffect("B"), 1e-12); // 0.733333
        assertEquals(5.0 / 7, fit.removalEffect("C"), 1e-12); // 0.714286
        assertEquals(List.of("A", "B", "C"), List.copyOf(fit.removalEffects().keySet()));
    }

    @Test
    void creditPaths_specExample_conversionsAndValueToSixDecimals() {
        PathCredits credits = MarkovModel.of().creditPaths(specExample());
        assertEquals("0.770171", six(credits.conversions("A")));
        assertEquals("1.129584", six(credits.conversions("B")));
        assertEquals("1.100244", six(credits.conversions("C")));
        assertEquals("8.985330", six(credits.value("A")));
        assertEquals("13.178484", six(credits.value("B")));
        assertEquals("12.836186", six(credits.value("C")));
        assertEquals("3.000000", six(credits.totalConversions()));
        assertEquals("35.000000", six(credits.totalValue()));
    }

    @Test
    void fit_specExample_transitionProbabilitiesFromCounts() {
        MarkovFit fit = MarkovModel.of().fit(PathStatistics.of(specExample()));
        // out of (start): A twice (A>B>C, A>B), C once, B twice
        assertEquals(0.4, fit.transitionProbability(MarkovState.START, MarkovState.of("A")), 0);
        assertEquals(0.4, fit.transitionProbability(MarkovState.START, MarkovState.of("B")), 0);
        assertEquals(0.2, fit.transitionProbability(MarkovState.START, MarkovState.of("C")), 0);
        // out of (A): B twice, C once, null once (B>A)
        assertEquals(0.5, fit.transitionProbability(MarkovState.of("A"), MarkovState.of("B")), 0);
        assertEquals(0.25, fit.transitionProbability(MarkovState.of("A"), MarkovState.of("C")), 0);
        assertEquals(0.25, fit.transitionProbability(MarkovState.of("A"), MarkovState.NULL), 0);
        // out of (C): conversion twice, A once, null once
        assertEquals(0.5, fit.transitionProbability(MarkovState.of("C"), MarkovState.CONVERSION), 0);
        assertEquals(0.25, fit.transitionProbability(MarkovState.of("C"), MarkovState.of("A")), 0);
        assertEquals(0.25, fit.transitionProbability(MarkovState.of("C"), MarkovState.NULL), 0);
        assertEquals(0, fit.transitionProbability(MarkovState.of("C"), MarkovState.of("B")), 0);
        assertEquals(
                List.of(MarkovState.START, MarkovState.of("A"), MarkovState.of("B"), MarkovState.of("C")),
                fit.states());
        long fromStart = fit.transitions().stream()
                .filter(t -> t.from().equals(MarkovState.START))
                .mapToLong(MarkovFit.Transition::count)
                .sum();
        assertEquals(5, fromStart);
    }

    @Test
    void fit_orderTwo_walksTuplesOfTheLastTwoChannels() {
        // docs/models.md (section markov): A>B>C at order 2 walks (start) -> (A) -> (A,B) -> (B,C) -> (conversion)
        MarkovFit fit = MarkovModel.of(2)
                .fit(PathStatistics.builder()
                        .add(List.of("A", "B", "C"), 1, 0, BigDecimal.ZERO)
                        .build());
        assertEquals(
                List.of(
                        new MarkovFit.Transition(MarkovState.START, MarkovState.of("A"), 1, 1.0),
                        new MarkovFit.Transition(MarkovState.of("A"), MarkovState.of("A", "B"), 1, 1.0),
                        new MarkovFit.Transition(MarkovState.of("A", "B"), MarkovState.of("B", "C"), 1, 1.0),
                        new MarkovFit.Transition(MarkovState.of("B", "C"), MarkovState.CONVERSION, 1, 1.0)),
                fit.transitions());
        assertEquals(1.0, fit.conversionProbability(), 0);
        // every channel is on the only converting path
        assertEquals(1.0, fit.removalEffect("A"), 0);
        assertEquals(1.0, fit.removalEffect("C"), 0);
    }

    /** docs/models.md, section markov: "Higher orders". */
    @Test
    void fit_ordersOneToFour_conversionProbabilityIsTheObservedRate() {
        PathStatistics stats = PathStatistics.of(specExample());
        for (int order = 1; order <= 4; order++) {
            MarkovFit fit = MarkovModel.of(order).fit(stats);
            assertEquals(0.6, fit.conversionProbability(), 1e-12, "order " + order);
            fit.removalEffects().values().forEach(re -> assertEquals(true, re >= 0 && re <= 1, "RE " + re));
        }
    }

    /** docs/models.md, section markov: "Higher orders". */
    @Test
    void fit_orderFour_tuplesRememberFourChannels() {
        MarkovFit fit = MarkovModel.of(4)
                .fit(PathStatistics.builder()
                        .add(List.of("A", "B", "C", "D", "E", "A"), 2, 1, BigDecimal.ZERO)
                        .build());
        assertEquals(
                List.of(
                        MarkovState.START,
                        MarkovState.of("A"),
                        MarkovState.of("A", "B"),
                        MarkovState.of("A", "B", "C"),
                        MarkovState.of("A", "B", "C", "D"),
                        MarkovState.of("B", "C", "D", "E"),
                        MarkovState.of("C", "D", "E", "A")),
                fit.states());
        assertEquals(2.0 / 3, fit.transitionProbability(MarkovState.of("C", "D", "E", "A"), MarkovState.CONVERSION), 0);
    }

    /** docs/models.md, section markov: "Higher orders". */
    @Test
    void fit_higherOrder_separatesPathsThatOrderOneMixes() {
        // A>B converts, C>B never does. Order 1 mixes them in state (B), which converts half the
        // time: removing A or C each halves P (0.5 -> 0.25), so both get RE 0.5. Order 2 tells (A,B)
        // from (C,B): removing A leaves nothing that converts (RE 1), removing C changes nothing (RE 0).
        PathStatistics stats = PathStatistics.builder()
                .add(List.of("A", "B"), 10, 0, BigDecimal.ZERO)
                .add(List.of("C", "B"), 0, 10, BigDecimal.ZERO)
                .build();
        MarkovFit first = MarkovModel.of(1).fit(stats);
        MarkovFit second = MarkovModel.of(2).fit(stats);
        assertEquals(0.5, first.conversionProbability(), 1e-15);
        assertEquals(0.5, second.conversionProbability(), 1e-15);
        assertEquals(0.5, first.removalEffect("A"), 1e-15);
        assertEquals(0.5, first.removalEffect("C"), 1e-15);
        assertEquals(1.0, first.removalEffect("B"), 1e-15);
        assertEquals(1.0, second.removalEffect("A"), 1e-15);
        assertEquals(0.0, second.removalEffect("C"), 1e-15);
        assertEquals(1.0, second.removalEffect("B"), 1e-15);
    }

    @Test
    void fit_nothingConverts_removalEffectsAreZeroAndPathsFallBackToLinear() {
        PathSet paths = PathSet.builder()
                .add(List.of("A", "B", "B"), 0, 3, new BigDecimal("3"))
                .build();
        MarkovFit fit = MarkovModel.of().fit(PathStatistics.of(paths));
        assertEquals(0, fit.conversionProbability());
        assertEquals(0, fit.removalEffect("A"));
        PathCredits credits = fit.creditPaths(paths);
        assertEquals("1.000000", six(credits.value("A")));
        assertEquals("2.000000", six(credits.value("B")));
    }

    @Test
    void of_orderOutOfRange_throws() {
        assertThrows(IllegalArgumentException.class, () -> MarkovModel.of(0));
        assertThrows(IllegalArgumentException.class, () -> MarkovModel.of(5));
        assertEquals("markov:order=3", MarkovModel.of(3).name());
        assertEquals("markov", MarkovModel.of(1).name());
    }
}
