package io.github.attribution.datadriven;

import io.github.attribution.data.Dataset;
import io.github.attribution.journey.Journey;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.model.JourneyWeigher;
import io.github.attribution.model.Weights;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Markov chain fitted on {@link PathStatistics} (docs/models.md, "Data-driven models"): its states and transition
 * probabilities, the probability {@code P} of reaching conversion from start, and each channel's
 * removal effect {@code RE(c) = 1 - P_without_c / P}. It is itself a model: it credits journeys (over
 * their distinct channels in proportion to RE, then evenly over each channel's touches; linear when
 * every channel present has RE 0) and path rows ({@code total * RE(c) / sum of RE}) without fitting
 * again, so a fit made on merged partitions can be applied to each.
 *
 * <p>States are numbered canonically (by tuple length, then channel names), so the fit does not
 * depend on the order of the data. Immutable and thread-safe. Serializable, so a fit made once (say on
 * a cluster's driver, from merged statistics) can be shipped to where the journeys are.
 */
public final class MarkovFit implements AttributionModel, PathModel, Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MarkovFit.class);
    private static final int CONVERSION = -1;
    private static final int NULL = -2;

    private final String name;
    private final int order;
    private final List<String> channels;
    private final Map<String, Integer> channelIndex;
    private final int[][] states;
    private final int[] rowStart;
    private final int[] target;
    private final long[] count;
    private final double[] probability;
    private final double conversionProbability;
    private final double[] removalEffect;

    private MarkovFit(
            String name,
            int order,
            List<String> channels,
            int[][] states,
            int[] rowStart,
            int[] target,
            long[] count,
            double[] probability,
            int denseLimit) {
        this.name = name;
        this.order = order;
        this.channels = channels;
        this.channelIndex = Channels.index(channels);
        this.states = states;
        this.rowStart = rowStart;
        this.target = target;
        this.count = count;
        this.probability = probability;
        AbsorbingChain chain = chain(denseLimit);
        removalEffect = new double[channels.size()];
        double[] full = chain.solve(null, null);
        conversionProbability = full[0];
        if (conversionProbability > 0) {
            // per channel, the states holding it (an index, rather than a pass over every state per channel)
            int channelCount = channels.size();
            int[] holding = new int[channelCount + 1];
            for (int s = 1; s < states.length; s++) {
                forEachDistinct(states[s], c -> holding[c + 1]++);
            }
            for (int c = 0; c < channelCount; c++) {
                holding[c + 1] += holding[c];
            }
            int[] members = new int[holding[channelCount]];
            int[] next = Arrays.copyOf(holding, channelCount);
            for (int s = 1; s < states.length; s++) {
                int state = s;
                forEachDistinct(states[s], c -> members[next[c]++] = state);
            }
            boolean[] removed = new boolean[states.length];
            for (int c = 0; c < channelCount; c++) {
                if (holding[c] == holding[c + 1]) {
                    continue;
                }
                for (int i = holding[c]; i < holding[c + 1]; i++) {
                    removed[members[i]] = true;
                }
                double without = chain.solve(removed, full)[0];
                removalEffect[c] = Math.max(0, Math.min(1, 1 - without / conversionProbability));
                for (int i = holding[c]; i < holding[c + 1]; i++) {
                    removed[members[i]] = false;
                }
            }
        }
    }

    /** Fits a chain of {@code order} on {@code stats}; {@code name} is the model's name. */
    static MarkovFit fit(String name, PathStatistics stats, int order) {
        return fit(name, stats, order, AbsorbingChain.DENSE_LIMIT);
    }

    /** As {@link #fit(String, PathStatistics, int)}, solving directly up to {@code denseLimit} states. */
    static MarkovFit fit(String name, PathStatistics stats, int order, int denseLimit) {
        long began = System.nanoTime();
        Builder b = new Builder(stats.channels(), order);
        IntSequenceTable paths = stats.table();
        for (int i = 0; i < paths.size(); i++) {
            b.add(paths.pool(), paths.start(i), paths.end(i), stats.conversions(i), stats.nulls(i));
        }
        MarkovFit fit = b.build(name, denseLimit);
        log(name, stats.pathCount() + " paths", fit, began);
        return fit;
    }

    /**
     * Fits a chain of {@code order} on the rows of {@code paths}, their paths collapsed: the same fit
     * as on {@code PathStatistics.of(paths)}, counted row by row without gathering the distinct paths
     * first.
     */
    static MarkovFit fit(String name, PathSet paths, int order) {
        long began = System.nanoTime();
        Builder b = new Builder(paths.channels(), order);
        int[] path = new int[16];
        for (int r = 0; r < paths.size(); r++) {
            path = paths.copyPath(r, path);
            b.add(path, 0, paths.length(r), paths.conversions(r), paths.nulls(r));
        }
        MarkovFit fit = b.build(name, AbsorbingChain.DENSE_LIMIT);
        log(name, paths.size() + " rows", fit, began);
        return fit;
    }

    private static void log(String name, String data, MarkovFit fit, long began) {
        LOG.debug(
                "{}: fitted {}, {} states, {} transitions, P = {} in {} ms",
                name,
                data,
                fit.states.length,
                fit.count.length,
                fit.conversionProbability,
                (System.nanoTime() - began) / 1_000_000);
    }

    /** The model's name with its parameters ({@code markov}, {@code markov:order=2}). */
    @Override
    public String name() {
        return name;
    }

    /** How many past channels a state remembers, 1 to 4. */
    public int order() {
        return order;
    }

    /** The channels fitted on, sorted by name. */
    public List<String> channels() {
        return channels;
    }

    /** {@code P}: the probability of reaching {@code (conversion)} from {@code (start)}. */
    public double conversionProbability() {
        return conversionProbability;
    }

    /** The removal effect of {@code channel}, from 0 to 1; 0 for a channel not fitted on. */
    public double removalEffect(String channel) {
        Integer c = channelIndex.get(Objects.requireNonNull(channel, "channel must not be null"));
        return c == null ? 0 : removalEffect[c];
    }

    /** Every fitted channel's removal effect, channels sorted by name. */
    public Map<String, Double> removalEffects() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < channels.size(); c++) {
            out.put(channels.get(c), removalEffect[c]);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Every transient state: {@code (start)}, then channel states by tuple length and channel names. */
    public List<MarkovState> states() {
        List<MarkovState> out = new ArrayList<>(states.length);
        for (int s = 0; s < states.length; s++) {
            out.add(state(s));
        }
        return Collections.unmodifiableList(out);
    }

    /** Every observed transition with its count and probability, by source state then target. */
    public List<Transition> transitions() {
        List<Transition> out = new ArrayList<>(count.length);
        for (int s = 0; s < states.length; s++) {
            for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
                out.add(new Transition(state(s), targetState(e), count[e], probability[e]));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The probability of moving from {@code from} to {@code to} in one step; 0 when never observed. */
    public double transitionProbability(MarkovState from, MarkovState to) {
        Objects.requireNonNull(from, "from must not be null");
        Objects.requireNonNull(to, "to must not be null");
        for (Transition t : transitions()) {
            if (t.from().equals(from) && t.to().equals(to)) {
                return t.probability();
            }
        }
        return 0;
    }

    /**
     * One observed transition.
     *
     * @param from the source state
     * @param to the target state
     * @param count how many paths made this step
     * @param probability {@code count} over all steps out of {@code from}
     */
    public record Transition(MarkovState from, MarkovState to, long count, double probability) {}

    @Override
    public JourneyWeigher bind(Journeys journeys) {
        Dataset data = journeys.dataset();
        double[] re = new double[data.channelCount()];
        for (int c = 0; c < re.length; c++) {
            re[c] = removalEffect(data.channelName(c));
        }
        return new Weigher(re);
    }

    @Override
    public PathCredits creditPaths(PathSet paths) {
        Objects.requireNonNull(paths, "paths must not be null");
        List<String> names = paths.channels();
        double[] re = new double[names.size()];
        double sum = 0;
        for (int c = 0; c < re.length; c++) {
            re[c] = removalEffect(names.get(c));
            sum += re[c];
        }
        CreditSums sums = new CreditSums(paths);
        if (sum > 0) {
            long conversions = paths.totalConversions();
            BigDecimal value = paths.totalValue();
            for (int c = 0; c < re.length; c++) {
                sums.addShare(c, re[c] / sum, conversions, value);
            }
        } else {
            PathModels.linear(paths, null, sums);
        }
        return sums.build(name);
    }

    @Override
    public String toString() {
        return name + removalEffects() + ", P=" + conversionProbability;
    }

    private MarkovState state(int s) {
        if (s == 0) {
            return MarkovState.START;
        }
        List<String> tuple = new ArrayList<>(states[s].length);
        for (int c : states[s]) {
            tuple.add(channels.get(c));
        }
        return new MarkovState(MarkovState.Kind.CHANNELS, tuple);
    }

    private MarkovState targetState(int e) {
        int t = target[e];
        return t == CONVERSION ? MarkovState.CONVERSION : t == NULL ? MarkovState.NULL : state(t);
    }

    private AbsorbingChain chain(int denseLimit) {
        int n = states.length;
        int[] chainStart = new int[n + 1];
        double[] conversion = new double[n];
        int entries = 0;
        for (int s = 0; s < n; s++) {
            for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
                if (target[e] >= 0) {
                    entries++;
                }
            }
        }
        int[] column = new int[entries];
        double[] p = new double[entries];
        int k = 0;
        for (int s = 0; s < n; s++) {
            chainStart[s] = k;
            for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
                if (target[e] >= 0) {
                    column[k] = target[e];
                    p[k++] = probability[e];
                } else if (target[e] == CONVERSION) {
                    conversion[s] = probability[e];
                }
            }
        }
        chainStart[n] = k;
        return new AbsorbingChain(chainStart, column, p, conversion, denseLimit);
    }

    /** Calls {@code action} once for each distinct channel of {@code tuple} (a tuple is short: at most 4). */
    private static void forEachDistinct(int[] tuple, java.util.function.IntConsumer action) {
        for (int i = 0; i < tuple.length; i++) {
            int c = tuple[i];
            boolean seen = false;
            for (int j = 0; j < i && !seen; j++) {
                seen = tuple[j] == c;
            }
            if (!seen && c >= 0) {
                action.accept(c);
            }
        }
    }

    /** Weighs a journey by the removal effects of its channels (dataset channel indices). */
    private static final class Weigher implements JourneyWeigher {
        private final double[] re;
        private final ThreadLocal<int[]> counts;

        Weigher(double[] re) {
            this.re = re;
            this.counts = ThreadLocal.withInitial(() -> new int[re.length]);
        }

        @Override
        public void weigh(Journey journey, Weights weights) {
            int n = journey.size();
            boolean any = false;
            for (int p = 0; p < n && !any; p++) {
                any = re[journey.channel(p)] > 0;
            }
            if (!any) {
                for (int p = 0; p < n; p++) {
                    weights.addShare(p, 1);
                }
                return;
            }
            int[] count = counts.get();
            for (int p = 0; p < n; p++) {
                count[journey.channel(p)]++;
            }
            for (int p = 0; p < n; p++) {
                int c = journey.channel(p);
                weights.addWeight(p, re[c] / count[c]);
            }
            for (int p = 0; p < n; p++) {
                count[journey.channel(p)] = 0;
            }
        }
    }

    /**
     * Counts transitions over paths (the distinct paths of statistics, or path rows: counts add up the
     * same). A state is keyed by its tuple packed into a {@code long} (channel id + 1 in {@code 64 /
     * order} bits, at most 21 for order 3), a transition by {@code state * (channels + 2) + outcome},
     * where the outcome is the next channel, or conversion or null; a transition remembers its target,
     * so each step of a path is one lookup, in an array for the first {@value #DIRECT} keys.
     */
    private static final class Builder {
        /** Transition keys below this are looked up in {@link #direct}, the others in a hash map. */
        private static final int DIRECT = 1 << 14;

        private final List<String> names;
        private final int order;
        private final int channels;
        private final int bits;
        private final long mask;
        private final LongIntMap stateOf = new LongIntMap(1024);
        private final LongIntMap transitionOf = new LongIntMap(4096);
        private final int[] direct = new int[DIRECT];
        private long[] code = new long[256];
        private int stateCount;
        private int[] from = new int[1024];
        private int[] outcome = new int[1024];
        private int[] to = new int[1024];
        private long[] counts = new long[1024];
        private int transitionCount;

        Builder(List<String> channels, int order) {
            this.names = channels;
            this.order = order;
            this.channels = channels.size();
            this.bits = order <= 2 ? 32 : order == 3 ? 21 : 16;
            this.mask = order * bits >= 64 ? -1L : (1L << (order * bits)) - 1;
            long limit = (1L << bits) - 1;
            if (this.channels >= limit) {
                throw new ModelLimitException("markov:order=" + order + " numbers at most " + (limit - 1)
                        + " distinct channels and the data has " + this.channels + "; use a lower order");
            }
            stateCount = 1; // (start), code 0
            Arrays.fill(direct, -1);
        }

        /**
         * Counts the path {@code pool[from .. end)}, consecutive repeats collapsed, observed {@code
         * conversions} and {@code nulls} times.
         */
        void add(int[] pool, int from, int end, long conversions, long nulls) {
            long weight = Math.addExact(conversions, nulls);
            if (weight == 0) {
                return;
            }
            int s = 0;
            int previous = -1;
            for (int k = from; k < end; k++) {
                int channel = pool[k];
                if (channel == previous) {
                    continue;
                }
                previous = channel;
                int t = transition(s, channel);
                counts[t] = Math.addExact(counts[t], weight);
                s = to[t];
            }
            if (conversions > 0) {
                int t = transition(s, channels);
                counts[t] = Math.addExact(counts[t], conversions);
            }
            if (nulls > 0) {
                int t = transition(s, channels + 1);
                counts[t] = Math.addExact(counts[t], nulls);
            }
        }

        MarkovFit build(String name, int denseLimit) {
            return canonical(name, denseLimit);
        }

        private int transition(int s, int out) {
            long key = (long) s * (channels + 2) + out;
            int t = key < DIRECT ? direct[(int) key] : transitionOf.get(key);
            if (t >= 0) {
                return t;
            }
            t = transitionCount++;
            if (t == from.length) {
                from = Arrays.copyOf(from, t * 2);
                outcome = Arrays.copyOf(outcome, t * 2);
                to = Arrays.copyOf(to, t * 2);
                counts = Arrays.copyOf(counts, t * 2);
            }
            from[t] = s;
            outcome[t] = out;
            to[t] = out == channels
                    ? CONVERSION
                    : out == channels + 1 ? NULL : state(((code[s] << bits) | (out + 1)) & mask);
            if (key < DIRECT) {
                direct[(int) key] = t;
            } else {
                transitionOf.put(key, t);
            }
            return t;
        }

        private int state(long key) {
            int s = stateOf.get(key);
            if (s < 0) {
                s = stateCount++;
                if (s == code.length) {
                    code = Arrays.copyOf(code, s * 2);
                }
                code[s] = key;
                stateOf.put(key, s);
            }
            return s;
        }

        private int[] tuple(long key) {
            int[] out = new int[order];
            int n = 0;
            for (int g = order - 1; g >= 0; g--) {
                long id = (key >>> (g * bits)) & ((1L << bits) - 1);
                if (id != 0) {
                    out[n++] = (int) id - 1;
                }
            }
            return Arrays.copyOf(out, n);
        }

        /** Renumbers states canonically and lays transitions out by source, then target. */
        private MarkovFit canonical(String name, int denseLimit) {
            int n = stateCount;
            int[][] tuples = new int[n][];
            tuples[0] = new int[0];
            Integer[] order = new Integer[n - 1];
            for (int s = 1; s < n; s++) {
                tuples[s] = tuple(code[s]);
                order[s - 1] = s;
            }
            Arrays.sort(order, (a, b) -> {
                int c = Integer.compare(tuples[a].length, tuples[b].length);
                return c != 0 ? c : Arrays.compare(tuples[a], tuples[b]);
            });
            int[] rank = new int[n];
            int[][] states = new int[n][];
            states[0] = tuples[0];
            for (int r = 0; r < order.length; r++) {
                rank[order[r]] = r + 1;
                states[r + 1] = tuples[order[r]];
            }
            int m = transitionCount;
            int[] src = new int[m];
            int[] dst = new int[m];
            Integer[] edges = new Integer[m];
            for (int t = 0; t < m; t++) {
                src[t] = rank[from[t]];
                dst[t] = to[t] >= 0 ? rank[to[t]] : to[t] == CONVERSION ? n : n + 1;
                edges[t] = t;
            }
            Arrays.sort(
                    edges,
                    (a, b) -> src[a] != src[b] ? Integer.compare(src[a], src[b]) : Integer.compare(dst[a], dst[b]));
            int[] rowStart = new int[n + 1];
            int[] target = new int[m];
            long[] count = new long[m];
            double[] probability = new double[m];
            long[] out = new long[n];
            for (int t = 0; t < m; t++) {
                rowStart[src[t] + 1]++;
                out[src[t]] += counts[t];
            }
            for (int s = 0; s < n; s++) {
                rowStart[s + 1] += rowStart[s];
            }
            for (int k = 0; k < m; k++) {
                int t = edges[k];
                target[k] = dst[t] == n ? CONVERSION : dst[t] == n + 1 ? NULL : dst[t];
                count[k] = counts[t];
                probability[k] = (double) counts[t] / out[src[t]];
            }
            return new MarkovFit(name, this.order, names, states, rowStart, target, count, probability, denseLimit);
        }
    }
}
