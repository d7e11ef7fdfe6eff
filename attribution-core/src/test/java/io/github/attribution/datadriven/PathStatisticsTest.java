package io.github.attribution.datadriven;

import static io.github.attribution.datadriven.PathRows.pathSet;
import static io.github.attribution.datadriven.PathRows.reversed;
import static io.github.attribution.datadriven.PathRows.rows;
import static io.github.attribution.datadriven.PathRows.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PathStatisticsTest {
    @Test
    void of_pathSet_collapsesRepeatsAndAddsUpEqualPaths() {
        PathStatistics stats = PathStatistics.of(PathSet.builder()
                .add(List.of("A", "A", "B"), 1, 0, new BigDecimal("5"))
                .add(List.of("A", "B", "B"), 2, 3, new BigDecimal("1.50"))
                .add(List.of("B", "A", "B"), 0, 1)
                .build());
        assertEquals(
                List.of(
                        new PathStatistics.PathCount(List.of("A", "B"), 3, 3, new BigDecimal("6.50")),
                        new PathStatistics.PathCount(List.of("B", "A", "B"), 0, 1, BigDecimal.ZERO)),
                stats.paths());
        assertEquals(List.of("A", "B"), stats.channels());
        assertEquals(3, stats.conversions());
        assertEquals(4, stats.nulls());
        assertEquals(0, new BigDecimal("6.5").compareTo(stats.value()));
    }

    @Test
    void merge_partitions_equalsStatisticsOfTheWhole() {
        qt().withExamples(300).forAll(rows(5, 6, 20), rows(5, 6, 20)).checkAssert((a, b) -> {
            List<PathRows.Row> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            PathStatistics whole = stats(all);
            PathStatistics merged = stats(a).merge(stats(b));
            assertEquals(whole, merged);
            assertEquals(whole.hashCode(), merged.hashCode());
            assertEquals(whole, stats(b).merge(stats(a)));
            assertEquals(whole.paths(), merged.paths());
            assertEquals(whole, PathStatistics.of(pathSet(reversed(all))));
            assertEquals(whole, whole.merge(PathStatistics.empty()));
        });
    }

    @Test
    void merge_fitsOnMergedPartitions_equalFitsOnTheWhole() {
        qt().withExamples(150)
                .forAll(rows(5, 6, 20), rows(5, 6, 20), integers().between(1, 4))
                .checkAssert((a, b, order) -> {
                    List<PathRows.Row> all = new java.util.ArrayList<>(a);
                    all.addAll(b);
                    PathStatistics whole = stats(all);
                    PathStatistics merged = stats(b).merge(stats(a));
                    MarkovFit m1 = MarkovModel.of(order).fit(whole);
                    MarkovFit m2 = MarkovModel.of(order).fit(merged);
                    assertEquals(m1.removalEffects(), m2.removalEffects());
                    assertEquals(m1.transitions(), m2.transitions());
                    assertEquals(m1.conversionProbability(), m2.conversionProbability());
                    ShapleyFit s1 = ShapleyModel.of().fit(whole);
                    ShapleyFit s2 = ShapleyModel.of().fit(merged);
                    assertEquals(s1.shapleyValues(whole.channels()), s2.shapleyValues(whole.channels()));
                });
    }

    @Test
    void creditPaths_rowsInAnyOrder_giveIdenticalCredits() {
        List<PathModel> models = List.of(
                MarkovModel.of(),
                MarkovModel.of(3),
                ShapleyModel.of(),
                PathModels.firstTouch(),
                PathModels.lastTouch(),
                PathModels.linear());
        qt().withExamples(150).forAll(rows(6, 7, 25)).checkAssert(rows -> {
            PathSet forward = pathSet(rows);
            PathSet backward = pathSet(reversed(rows));
            for (PathModel model : models) {
                PathCredits x = model.creditPaths(forward);
                PathCredits y = model.creditPaths(backward);
                for (String c : forward.channels()) {
                    assertEquals(x.conversions(c), y.conversions(c), model.name() + " " + c);
                    assertEquals(x.value(c), y.value(c), model.name() + " " + c);
                    assertTrue(x.conversions(c).signum() >= 0 && x.value(c).signum() >= 0);
                }
                BigDecimal tolerance = new BigDecimal("1e-9");
                BigDecimal conv = BigDecimal.valueOf(forward.totalConversions());
                assertTrue(
                        conv.subtract(x.totalConversions()).abs().compareTo(tolerance) <= 0,
                        model.name() + ": " + x.totalConversions() + " vs " + conv);
                assertTrue(
                        forward.totalValue().subtract(x.totalValue()).abs().compareTo(tolerance) <= 0,
                        model.name() + ": " + x.totalValue() + " vs " + forward.totalValue());
            }
        });
    }

    @Test
    void equals_differentCountsOrValues_areNotEqual() {
        PathStatistics a =
                PathStatistics.builder().add(List.of("A"), 1, 0, BigDecimal.ONE).build();
        assertNotEquals(
                a,
                PathStatistics.builder().add(List.of("A"), 1, 1, BigDecimal.ONE).build());
        assertNotEquals(
                a,
                PathStatistics.builder().add(List.of("A"), 1, 0, BigDecimal.TEN).build());
        assertNotEquals(
                a,
                PathStatistics.builder().add(List.of("B"), 1, 0, BigDecimal.ONE).build());
        assertEquals(
                a,
                PathStatistics.builder()
                        .add(List.of("A", "A"), 1, 0, new BigDecimal("1.00"))
                        .build());
    }

    @Test
    void builders_badInput_throwNamingTheProblem() {
        assertThrows(IllegalArgumentException.class, () -> PathSet.builder().add(List.of(), 1, 0));
        assertThrows(IllegalArgumentException.class, () -> PathSet.builder().add(List.of("A", " "), 1, 0));
        assertThrows(IllegalArgumentException.class, () -> PathSet.builder().add(List.of("A"), -1, 0));
        assertThrows(IllegalArgumentException.class, () -> PathSet.builder().add(List.of("A"), 0, -1));
        assertThrows(
                IllegalArgumentException.class, () -> PathSet.builder().add(List.of("A"), 1, 0, new BigDecimal("-1")));
        assertThrows(NullPointerException.class, () -> PathSet.builder().add(List.of("A"), 1, 0, null));
        PathSet.Builder b = PathSet.builder();
        assertThrows(IllegalArgumentException.class, () -> b.add(List.of("A", ""), 1, 0));
        assertEquals(List.of("B"), b.add(List.of("B"), 1, 0).build().channels(), "a rejected row adds no channel");
        assertThrows(IllegalStateException.class, () -> b.add(List.of("B"), 1, 0));
    }
}
