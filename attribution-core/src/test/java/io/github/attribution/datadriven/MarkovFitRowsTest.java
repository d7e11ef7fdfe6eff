package io.github.attribution.datadriven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/** The markov fit counted row by row on a path set equals the fit on the path set's statistics. */
final class MarkovFitRowsTest {
    @Test
    void fitOnRows_equalsFitOnStatistics() {
        qt().withExamples(300)
                .forAll(PathRows.rows(6, 6, 25), integers().between(1, 4))
                .checkAssert((rows, order) -> {
                    PathSet paths = PathRows.pathSet(rows);
                    MarkovFit onRows = MarkovFit.fit("markov", paths, order);
                    MarkovFit onStats = MarkovFit.fit("markov", PathStatistics.of(paths), order);
                    assertEquals(onStats.channels(), onRows.channels());
                    assertEquals(onStats.states(), onRows.states());
                    assertEquals(onStats.transitions(), onRows.transitions());
                    assertEquals(onStats.removalEffects(), onRows.removalEffects());
                    assertEquals(onStats.conversionProbability(), onRows.conversionProbability());
                    PathCredits a = onRows.creditPaths(paths);
                    PathCredits b = onStats.creditPaths(paths);
                    for (String channel : paths.channels()) {
                        assertEquals(a.conversions(channel), b.conversions(channel));
                        assertEquals(a.value(channel), b.value(channel));
                    }
                });
    }
}
