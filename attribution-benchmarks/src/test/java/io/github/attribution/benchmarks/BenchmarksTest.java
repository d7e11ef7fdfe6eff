package io.github.attribution.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.attribution.datadriven.PathCredits;
import io.github.attribution.datadriven.PathSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark computes the right answer on small input, checked against a brute-force
 * computation written here from the definitions (docs/models.md, "Data-driven models").
 */
final class BenchmarksTest {
    @Test
    void markovFitAndApply_smallInput_matchesValueIteration() {
        for (int order : new int[] {1, 3}) {
            MarkovBenchmark bench = new MarkovBenchmark();
            bench.paths = 3000;
            bench.channels = 6;
            bench.order = order;
            bench.setUp();
            PathCredits credits = bench.fitAndApply();
            PathSet data = bench.data;
            double p = markovP(data, order, null);
            assertEquals((double) data.totalConversions() / (data.totalConversions() + data.totalNulls()), p, 1e-9);
            Map<String, Double> re = new TreeMap<>();
            double sum = 0;
            for (String c : data.channels()) {
                re.put(c, 1 - markovP(data, order, c) / p);
                sum += re.get(c);
            }
            for (String c : data.channels()) {
                double share = re.get(c) / sum;
                assertEquals(
                        share * data.totalConversions(), credits.conversions(c).doubleValue(), 1e-8, c);
                assertEquals(
                        share * data.totalValue().doubleValue(),
                        credits.value(c).doubleValue(),
                        1e-5,
                        c);
            }
        }
    }

    @Test
    void shapleyFitAndApply_smallInput_matchesShapleyDefinition() {
        ShapleyBenchmark bench = new ShapleyBenchmark();
        bench.paths = 3000;
        bench.channels = 12;
        bench.setUp();
        PathCredits credits = bench.fitAndApply();
        PathSet data = bench.data;
        Map<Integer, Double> rate = rates(data);
        double[] conversions = new double[data.channels().size()];
        double[] value = new double[data.channels().size()];
        Map<Integer, double[]> cache = new HashMap<>();
        for (int r = 0; r < data.size(); r++) {
            int set = mask(data, data.path(r));
            double[] shares = cache.computeIfAbsent(set, s -> shares(s, shapley(s, rate)));
            for (int c = 0; c < conversions.length; c++) {
                conversions[c] += shares[c] * data.conversions(r);
                value[c] += shares[c] * data.value(r).doubleValue();
            }
        }
        for (int c = 0; c < conversions.length; c++) {
            String name = data.channels().get(c);
            assertEquals(conversions[c], credits.conversions(name).doubleValue(), 1e-8, name);
            assertEquals(value[c], credits.value(name).doubleValue(), 1e-5, name);
        }
    }

    @Test
    void shapleyAllChannels_smallInput_matchesShapleyDefinition() {
        for (int channels : new int[] {12, 16}) {
            ShapleyBenchmark bench = new ShapleyBenchmark();
            bench.paths = 3000;
            bench.channels = channels;
            bench.setUp();
            Map<String, Double> phi = bench.allChannels();
            PathSet data = bench.data;
            assertEquals(channels, data.channels().size());
            Map<Integer, Double> rate = rates(data);
            double[] expected = shapley((1 << channels) - 1, rate);
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                assertEquals(expected[c], phi.get(data.channels().get(c)), 1e-12);
                sum += expected[c];
            }
            // efficiency: the values add up to v(N), the rate of paths touching every channel
            assertEquals(rate.getOrDefault((1 << channels) - 1, 0.0), sum, 1e-12);
        }
    }

    // ---- Markov by value iteration over string-keyed states

    private static double markovP(PathSet data, int order, String removed) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (int r = 0; r < data.size(); r++) {
            long w = data.conversions(r) + data.nulls(r);
            List<String> collapsed = new ArrayList<>();
            for (String c : data.path(r)) {
                if (collapsed.isEmpty() || !collapsed.get(collapsed.size() - 1).equals(c)) {
                    collapsed.add(c);
                }
            }
            String state = "(start)";
            for (int i = 0; i < collapsed.size(); i++) {
                String next = String.join(">", collapsed.subList(Math.max(0, i + 1 - order), i + 1));
                counts.computeIfAbsent(state, k -> new HashMap<>()).merge(next, w, Long::sum);
                state = next;
            }
            counts.computeIfAbsent(state, k -> new HashMap<>()).merge("(conversion)", data.conversions(r), Long::sum);
            counts.computeIfAbsent(state, k -> new HashMap<>()).merge("(null)", data.nulls(r), Long::sum);
        }
        Map<String, Double> x = new HashMap<>();
        for (int sweep = 0; sweep < 100_000; sweep++) {
            double moved = 0;
            for (Map.Entry<String, Map<String, Long>> s : counts.entrySet()) {
                if (removed != null && List.of(s.getKey().split(">")).contains(removed)) {
                    continue;
                }
                long total = s.getValue().values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
                double v = 0;
                for (Map.Entry<String, Long> t : s.getValue().entrySet()) {
                    double q = (double) t.getValue() / total;
                    v += t.getKey().equals("(conversion)") ? q : q * x.getOrDefault(t.getKey(), 0.0);
                }
                moved = Math.max(moved, Math.abs(v - x.getOrDefault(s.getKey(), 0.0)));
                x.put(s.getKey(), v);
            }
            if (moved < 1e-15) {
                break;
            }
        }
        return x.get("(start)");
    }

    // ---- Shapley from the definition, sets as bit masks over the channel list

    private static int mask(PathSet data, List<String> path) {
        int m = 0;
        for (String c : new LinkedHashSet<>(path)) {
            m |= 1 << data.channels().indexOf(c);
        }
        return m;
    }

    private static Map<Integer, Double> rates(PathSet data) {
        Map<Integer, long[]> counts = new HashMap<>();
        for (int r = 0; r < data.size(); r++) {
            long[] c = counts.computeIfAbsent(mask(data, data.path(r)), k -> new long[2]);
            c[0] += data.conversions(r);
            c[1] += data.nulls(r);
        }
        Map<Integer, Double> rate = new HashMap<>();
        counts.forEach((m, c) -> rate.put(m, c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1])));
        return rate;
    }

    /** phi(c) = sum over S in N without c of |S|! (n-|S|-1)! / n! (v(S + c) - v(S)), per channel index. */
    private static double[] shapley(int set, Map<Integer, Double> rate) {
        int n = Integer.bitCount(set);
        double[] phi = new double[32];
        for (int c = 0; c < 32; c++) {
            if ((set >> c & 1) == 0) {
                continue;
            }
            int rest = set & ~(1 << c);
            for (int s = rest; ; s = (s - 1) & rest) {
                int size = Integer.bitCount(s);
                double w = factorial(size) * factorial(n - size - 1) / factorial(n);
                phi[c] += w * (rate.getOrDefault(s | 1 << c, 0.0) - (s == 0 ? 0 : rate.getOrDefault(s, 0.0)));
                if (s == 0) {
                    break;
                }
            }
        }
        return phi;
    }

    /** Clamped at 0 and normalised; an even split over the set when nothing is positive. */
    private static double[] shares(int set, double[] phi) {
        double sum = 0;
        double[] out = new double[phi.length];
        for (int c = 0; c < phi.length; c++) {
            out[c] = Math.max(0, phi[c]);
            sum += out[c];
        }
        for (int c = 0; c < phi.length; c++) {
            out[c] = sum > 0 ? out[c] / sum : (set >> c & 1) / (double) Integer.bitCount(set);
        }
        return out;
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}
