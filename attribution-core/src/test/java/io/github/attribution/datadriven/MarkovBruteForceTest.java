package io.github.attribution.datadriven;

import static io.github.attribution.datadriven.PathRows.rows;
import static io.github.attribution.datadriven.PathRows.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Order-1 removal effects against an independent computation in exact rational arithmetic: transition
 * counts straight from the rows, then Gauss-Jordan elimination on BigInteger fractions.
 */
final class MarkovBruteForceTest {
    @Test
    void removalEffects_orderOne_equalExactRationalSolution() {
        qt().withExamples(200).forAll(rows(5, 6, 15)).checkAssert(rows -> {
            MarkovFit fit = MarkovModel.of().fit(stats(rows));
            Fraction p = conversionProbability(rows, null);
            assertEquals(p.doubleValue(), fit.conversionProbability(), 1e-12);
            for (String c : fit.channels()) {
                double expected = p.isZero()
                        ? 0
                        : Fraction.ONE
                                .minus(conversionProbability(rows, c).divide(p))
                                .doubleValue();
                assertEquals(expected, fit.removalEffect(c), 1e-12, "RE(" + c + ") of " + rows);
            }
        });
    }

    @Test
    void removalEffects_iterativeSolver_equalExactRationalSolution() {
        // dense limit 0: every chain, with or without removals, is solved by Gauss-Seidel
        qt().withExamples(100).forAll(rows(5, 6, 15), integers().between(1, 3)).checkAssert((rows, order) -> {
            MarkovFit fit = MarkovFit.fit("markov", stats(rows), order, 0);
            Fraction p = solve(rows, null, order);
            assertEquals(p.doubleValue(), fit.conversionProbability(), 1e-12);
            for (String c : fit.channels()) {
                double expected = p.isZero()
                        ? 0
                        : Fraction.ONE.minus(solve(rows, c, order).divide(p)).doubleValue();
                assertEquals(expected, fit.removalEffect(c), 1e-12, "RE(" + c + ") at order " + order);
            }
        });
    }

    @Test
    void removalEffects_largeChain_iterativeAgreesWithDirect() {
        // 12 channels at order 3: several hundred states
        SplittableRandom random = new SplittableRandom(11);
        PathStatistics.Builder b = PathStatistics.builder();
        for (int r = 0; r < 3000; r++) {
            List<String> path = new ArrayList<>();
            int length = 1 + random.nextInt(7);
            for (int i = 0; i < length; i++) {
                path.add("c" + random.nextInt(12));
            }
            b.add(path, random.nextInt(3), random.nextInt(6), java.math.BigDecimal.ZERO);
        }
        PathStatistics stats = b.build();
        MarkovFit iterative = MarkovFit.fit("markov:order=3", stats, 3, 0);
        MarkovFit direct = MarkovFit.fit("markov:order=3", stats, 3, Integer.MAX_VALUE);
        assertTrue(
                direct.states().size() > AbsorbingChain.DENSE_LIMIT,
                "states: " + direct.states().size());
        assertEquals(direct.conversionProbability(), iterative.conversionProbability(), 1e-13);
        assertEquals(
                (double) stats.conversions() / (stats.conversions() + stats.nulls()),
                direct.conversionProbability(),
                1e-13);
        for (String c : direct.channels()) {
            assertEquals(direct.removalEffect(c), iterative.removalEffect(c), 1e-12, c);
        }
    }

    private static Fraction conversionProbability(List<PathRows.Row> rows, String removed) {
        return solve(rows, removed, 1);
    }

    /** P from (start) for the chain of {@code order}, states containing {@code removed} sent to null. */
    private static Fraction solve(List<PathRows.Row> rows, String removed, int order) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (PathRows.Row row : rows) {
            long w = row.conversions() + row.nulls();
            if (w == 0) {
                continue;
            }
            List<String> collapsed = new ArrayList<>();
            for (String c : row.path()) {
                if (collapsed.isEmpty() || !collapsed.get(collapsed.size() - 1).equals(c)) {
                    collapsed.add(c);
                }
            }
            String state = "(start)";
            for (int i = 0; i < collapsed.size(); i++) {
                String next = String.join(",", collapsed.subList(Math.max(0, i + 1 - order), i + 1));
                add(counts, state, next, w);
                state = next;
            }
            add(counts, state, "(conversion)", row.conversions());
            add(counts, state, "(null)", row.nulls());
        }
        if (counts.isEmpty()) {
            return Fraction.ZERO;
        }
        List<String> states = new ArrayList<>(counts.keySet());
        int n = states.size();
        Fraction[][] a = new Fraction[n][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= n; j++) {
                a[i][j] = Fraction.ZERO;
            }
            a[i][i] = Fraction.ONE;
            String s = states.get(i);
            if (removed != null && List.of(s.split(",")).contains(removed)) {
                continue; // x = 0
            }
            long total =
                    counts.get(s).values().stream().mapToLong(Long::longValue).sum();
            for (Map.Entry<String, Long> e : counts.get(s).entrySet()) {
                Fraction q = Fraction.of(e.getValue(), total);
                if (e.getKey().equals("(conversion)")) {
                    a[i][n] = a[i][n].plus(q);
                } else if (!e.getKey().equals("(null)")) {
                    int j = states.indexOf(e.getKey());
                    a[i][j] = a[i][j].minus(q);
                }
            }
        }
        for (int k = 0; k < n; k++) {
            int pivot = k;
            while (a[pivot][k].isZero()) {
                pivot++;
            }
            Fraction[] t = a[k];
            a[k] = a[pivot];
            a[pivot] = t;
            for (int i = 0; i < n; i++) {
                if (i != k && !a[i][k].isZero()) {
                    Fraction f = a[i][k].divide(a[k][k]);
                    for (int j = k; j <= n; j++) {
                        a[i][j] = a[i][j].minus(f.times(a[k][j]));
                    }
                }
            }
        }
        int start = states.indexOf("(start)");
        return a[start][n].divide(a[start][start]);
    }

    private static void add(Map<String, Map<String, Long>> counts, String from, String to, long w) {
        if (w > 0) {
            counts.computeIfAbsent(from, k -> new TreeMap<>()).merge(to, w, Long::sum);
        }
    }

    /** An exact fraction in lowest terms, positive denominator. */
    record Fraction(BigInteger num, BigInteger den) {
        static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
        static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

        static Fraction of(long num, long den) {
            return reduce(BigInteger.valueOf(num), BigInteger.valueOf(den));
        }

        static Fraction reduce(BigInteger num, BigInteger den) {
            if (den.signum() < 0) {
                num = num.negate();
                den = den.negate();
            }
            BigInteger g = num.gcd(den);
            return g.signum() == 0 ? ZERO : new Fraction(num.divide(g), den.divide(g));
        }

        boolean isZero() {
            return num.signum() == 0;
        }

        Fraction plus(Fraction o) {
            return reduce(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
        }

        Fraction minus(Fraction o) {
            return reduce(num.multiply(o.den).subtract(o.num.multiply(den)), den.multiply(o.den));
        }

        Fraction times(Fraction o) {
            return reduce(num.multiply(o.num), den.multiply(o.den));
        }

        Fraction divide(Fraction o) {
            return reduce(num.multiply(o.den), den.multiply(o.num));
        }

        double doubleValue() {
            return new java.math.BigDecimal(num)
                    .divide(new java.math.BigDecimal(den), java.math.MathContext.DECIMAL128)
                    .doubleValue();
        }
    }
}
