package io.github.attribution.datadriven;

import io.github.attribution.data.Dataset;
import io.github.attribution.journey.Journey;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.model.JourneyWeigher;
import io.github.attribution.model.Weights;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shapley values fitted on {@link PathStatistics} (docs/models.md, "Data-driven models"): the conversion rate {@code
 * r(S)} of every observed distinct channel set, and for any set N of channels the Shapley value of
 * each channel in the game {@code v(S) = r(S)}, {@code S ⊆ N}. It is itself a model: it credits
 * journeys (each distinct channel by its share, then evenly over its touches) and path rows (each
 * row's conversions and value split by its set's shares) without fitting again.
 *
 * <p>Shares are the Shapley values with negatives clamped to 0, normalised; all zero falls back to
 * an even split. Exact for every set, however many channels it has (a journey whose touches are
 * 20,000 different channels takes one pass over the observed sets); {@code samples} and {@code seed}
 * are accepted for compatibility with the permutation-sampling estimate that sets of more than
 * {@value #EXACT_LIMIT} channels used to get, and no longer change the result.
 *
 * <p>Design note: only observed sets have {@code v != 0}, so the sum over subsets is rewritten as a
 * sum over observed sets {@code T ⊆ N}: {@code phi(c) = sum_{T ∋ c} w(|T|-1) v(T) - sum_{T ∌ c}
 * w(|T|) v(T)} with {@code w(s) = s! (n-s-1)! / n!}. The observed subsets of N are found either by
 * enumerating the {@code 2^n} subsets of N or by scanning the observed sets, whichever is fewer.
 * Results are cached by channel set, since journeys share sets.
 *
 * <p>Immutable (the cache aside) and thread-safe. Serializable (without its cache), so a fit made once
 * (say on a cluster's driver, from merged statistics) can be shipped to where the journeys are.
 */
public final class ShapleyFit implements AttributionModel, PathModel, Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ShapleyFit.class);

    /**
     * 20: up to this many channels the weights are computed from binomials, above from their
     * logarithms (both exact to double precision; the first keeps earlier results bit for bit).
     */
    public static final int EXACT_LIMIT = 20;
    /** Shapley values below this are taken as 0 (floating-point noise around an exact 0). */
    private static final double NOISE = 1e-14;

    private final String name;
    private final int samples;
    private final long seed;
    private final List<String> channels;
    private final Map<String, Integer> channelIndex;
    /** Observed sets with a positive rate, sorted ids, numbered in canonical order. */
    private final IntSequenceTable sets;

    private final double[] rate;
    private transient ConcurrentHashMap<Key, double[]> cache = new ConcurrentHashMap<>();

    private ShapleyFit(
            String name, int samples, long seed, List<String> channels, IntSequenceTable sets, double[] rate) {
        this.name = name;
        this.samples = samples;
        this.seed = seed;
        this.channels = channels;
        this.channelIndex = Channels.index(channels);
        this.sets = sets;
        this.rate = rate;
    }

    /** Fits on {@code stats}: the conversion rate of each distinct channel set. */
    static ShapleyFit fit(String name, int samples, long seed, PathStatistics stats) {
        IntSequenceTable paths = stats.table();
        PathStatistics.ChannelSets channelSets = stats.channelSets(); // computed once for the paths
        IntSequenceTable observed = channelSets.table();
        long[] conversions = new long[Math.max(1, observed.size())];
        long[] nulls = new long[conversions.length];
        for (int i = 0; i < paths.size(); i++) {
            long c = stats.conversions(i);
            long z = stats.nulls(i);
            if (c == 0 && z == 0) {
                continue;
            }
            int k = channelSets.of()[i];
            conversions[k] = Math.addExact(conversions[k], c);
            nulls[k] = Math.addExact(nulls[k], z);
        }
        List<Integer> positive = new ArrayList<>();
        for (int k = 0; k < observed.size(); k++) {
            if (conversions[k] > 0) {
                positive.add(k);
            }
        }
        int[] opool = observed.pool();
        positive.sort((a, b) -> {
            int c = Integer.compare(observed.length(a), observed.length(b));
            return c != 0
                    ? c
                    : Arrays.compare(
                            opool, observed.start(a), observed.end(a), opool, observed.start(b), observed.end(b));
        });
        IntSequenceTable sets = new IntSequenceTable(positive.size());
        double[] rate = new double[positive.size()];
        for (int k : positive) {
            int j = sets.add(opool, observed.start(k), observed.length(k));
            rate[j] = (double) conversions[k] / ((double) conversions[k] + nulls[k]);
        }
        LOG.debug(
                "{}: fitted {} paths, {} channel sets, {} converting",
                name,
                paths.size(),
                observed.size(),
                sets.size());
        return new ShapleyFit(name, samples, seed, stats.channels(), sets, rate);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        cache = new ConcurrentHashMap<>();
    }

    @Override
    public String name() {
        return name;
    }

    /** The channels fitted on, sorted by name. */
    public List<String> channels() {
        return channels;
    }

    /**
     * How many orderings were sampled for a set of more than {@value #EXACT_LIMIT} channels; kept for
     * compatibility, unused since every set is computed exactly.
     */
    public int samples() {
        return samples;
    }

    /** The seed of that sampling; kept for compatibility, unused. */
    public long seed() {
        return seed;
    }

    /**
     * {@code r(S)}: conversions / (conversions + nulls) over the fitted paths whose distinct channel
     * set is exactly {@code channels} (duplicates ignored); 0 for a set never observed and for the
     * empty set.
     */
    public double conversionRate(Collection<String> channels) {
        int[] ids = ids(channels);
        if (ids.length == 0) {
            return 0;
        }
        int k = sets.find(ids, 0, ids.length);
        return k < 0 ? 0 : rate[k];
    }

    /**
     * The Shapley value of each of {@code channels} (duplicates ignored) in the game {@code v = r}
     * over its subsets, before clamping: negative when a channel lowers conversion rates. Exact for any
     * number of channels. Keys sorted by name; not cached.
     */
    public Map<String, Double> shapleyValues(Collection<String> channels) {
        List<String> names = sortedDistinct(channels);
        int[] ids = ids(names);
        double[] phi = values(ids);
        return byName(names, ids, phi);
    }

    /**
     * The share of each of {@code channels} (duplicates ignored): Shapley values clamped at 0 and
     * normalised to sum to 1, or an even split when none is positive. Keys sorted by name.
     */
    public Map<String, Double> shares(Collection<String> channels) {
        List<String> names = sortedDistinct(channels);
        int[] ids = ids(names);
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        return byName(names, ids, sorted.length == 0 ? new double[0] : shares(sorted));
    }

    @Override
    public JourneyWeigher bind(Journeys journeys) {
        Dataset data = journeys.dataset();
        String[] names = new String[data.channelCount()];
        for (int c = 0; c < names.length; c++) {
            names[c] = data.channelName(c);
        }
        return new Weigher(idsFor(names));
    }

    @Override
    public PathCredits creditPaths(PathSet paths) {
        Objects.requireNonNull(paths, "paths must not be null");
        int[] id = idsFor(paths.channels().toArray(new String[0]));
        IntSequenceTable groups = new IntSequenceTable(1024);
        long[] conversions = new long[1024];
        DecimalSums value = new DecimalSums(1024);
        int[] set = new int[16];
        for (int r = 0; r < paths.size(); r++) {
            int len = paths.length(r);
            set = paths.copyPath(r, set);
            int n = distinct(set, len);
            int g = groups.add(set, 0, n);
            if (g == conversions.length) {
                conversions = Arrays.copyOf(conversions, g * 2);
                value.ensureSize(g * 2);
            }
            conversions[g] = Math.addExact(conversions[g], paths.conversions(r));
            value.add(g, paths, r);
        }
        CreditSums sums = new CreditSums(paths);
        int[] gpool = groups.pool();
        for (int g = 0; g < groups.size(); g++) {
            BigDecimal v = value.sum(g);
            if (conversions[g] == 0 && v.signum() == 0) {
                continue;
            }
            int n = groups.length(g);
            int from = groups.start(g);
            int[] key = new int[n];
            for (int i = 0; i < n; i++) {
                key[i] = id[gpool[from + i]];
            }
            Arrays.sort(key);
            double[] shares = shares(key);
            for (int i = 0; i < n; i++) {
                int channel = gpool[from + i];
                sums.addShare(channel, shares[Arrays.binarySearch(key, id[channel])], conversions[g], v);
            }
        }
        return sums.build(name);
    }

    @Override
    public String toString() {
        return name + "[" + channels.size() + " channels, " + sets.size() + " converting sets]";
    }

    // ---- ids: fitted channels are 0..C-1 (name order); other channels C, C+1, ... in name order

    /** Ids of {@code names} (sorted or not): fitted channels by rank, the others after them by name. */
    private int[] idsFor(String[] names) {
        TreeSet<String> unseen = new TreeSet<>();
        for (String n : names) {
            if (!channelIndex.containsKey(n)) {
                unseen.add(n);
            }
        }
        Map<String, Integer> extra = new HashMap<>();
        int next = channels.size();
        for (String n : unseen) {
            extra.put(n, next++);
        }
        int[] id = new int[names.length];
        for (int c = 0; c < names.length; c++) {
            Integer known = channelIndex.get(names[c]);
            id[c] = known != null ? known : extra.get(names[c]);
        }
        return id;
    }

    private int[] ids(Collection<String> names) {
        return idsFor(sortedDistinct(names).toArray(new String[0]));
    }

    private static List<String> sortedDistinct(Collection<String> channels) {
        Objects.requireNonNull(channels, "channels must not be null");
        TreeSet<String> set = new TreeSet<>();
        for (String c : channels) {
            set.add(Objects.requireNonNull(c, "channel must not be null"));
        }
        return new ArrayList<>(set);
    }

    private static Map<String, Double> byName(List<String> names, int[] ids, double[] perSortedId) {
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), perSortedId[Arrays.binarySearch(sorted, ids[i])]);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Sorts {@code a[0..len)} and removes duplicates; returns the new length. */
    static int distinct(int[] a, int len) {
        Arrays.sort(a, 0, len);
        int n = 0;
        for (int i = 0; i < len; i++) {
            if (n == 0 || a[n - 1] != a[i]) {
                a[n++] = a[i];
            }
        }
        return n;
    }

    // ---- the values

    /** The shares of the channels {@code key} (sorted distinct ids), cached. */
    double[] shares(int[] key) {
        Key k = new Key(key);
        double[] cached = cache.get(k);
        if (cached != null) {
            return cached;
        }
        double[] phi = values(key);
        double sum = 0;
        for (int i = 0; i < phi.length; i++) {
            phi[i] = phi[i] > NOISE ? phi[i] : 0;
            sum += phi[i];
        }
        for (int i = 0; i < phi.length; i++) {
            phi[i] = sum > 0 ? phi[i] / sum : 1.0 / phi.length;
        }
        double[] raced = cache.putIfAbsent(k, phi);
        return raced != null ? raced : phi;
    }

    /** The Shapley values of the channels {@code ids} (any order), aligned with the sorted ids. */
    private double[] values(int[] ids) {
        int[] e = ids.clone();
        Arrays.sort(e);
        int n = e.length;
        if (n == 0) {
            return new double[0];
        }
        return exact(e);
    }

    /**
     * {@code w(s) = s! (n-s-1)! / n!} for {@code s = 0 .. n-1}. Up to {@value #EXACT_LIMIT} channels
     * from the binomials themselves (as always, so results there never change); above, where {@code
     * C(n-1, s)} overflows a double, from their logarithms: {@code w(n-1) = 1/n} stays exact where it
     * matters, and the middle weights, far below any observed rate's resolution, underflow to 0.
     */
    private static double[] weights(int n) {
        double[] w = new double[n];
        if (n <= EXACT_LIMIT) {
            double binomial = 1; // C(n-1, s)
            for (int s = 0; s < n; s++) {
                w[s] = 1 / (n * binomial);
                binomial = binomial * (n - 1 - s) / (s + 1);
            }
            return w;
        }
        double logN = Math.log(n);
        double logBinomial = 0; // log C(n-1, s)
        for (int s = 0; s < n; s++) {
            w[s] = Math.exp(-logN - logBinomial);
            if (s + 1 < n) {
                logBinomial += Math.log(n - 1 - s) - Math.log(s + 1);
            }
        }
        return w;
    }

    /**
     * The exact Shapley values by the sum over observed sets (class note): the observed subsets of the
     * channels are found by enumerating the {@code 2^n} subsets when that is fewer than the observed
     * sets, else by one pass over the observed sets of at most {@code n} channels. The cost is
     * therefore at most the observed sets' total size per distinct channel set, whatever {@code n}: a
     * journey with 20,000 distinct channels costs one pass, not {@code 2^20000} subsets.
     */
    private double[] exact(int[] e) {
        int n = e.length;
        double[] w = weights(n);
        double[] phi = new double[n];
        double minus = 0;
        int[] local = new int[n];
        if (n < 31 && (1L << n) <= sets.size()) {
            int[] buf = new int[n];
            for (int mask = 1; mask < (1 << n); mask++) {
                int len = 0;
                for (int m = mask; m != 0; m &= m - 1) {
                    int i = Integer.numberOfTrailingZeros(m);
                    local[len] = i;
                    buf[len++] = e[i];
                }
                int k = sets.find(buf, 0, len);
                if (k >= 0) {
                    minus += accumulate(phi, local, len, n, w, rate[k]);
                }
            }
        } else {
            int[] pool = sets.pool();
            for (int k = 0; k < sets.size(); k++) {
                int len = sets.length(k);
                if (len > n) {
                    break; // canonical order: by size first
                }
                int from = sets.start(k);
                int i = 0;
                int j = 0;
                while (j < len && i < n) {
                    if (e[i] == pool[from + j]) {
                        local[j++] = i++;
                    } else if (e[i] < pool[from + j]) {
                        i++;
                    } else {
                        break;
                    }
                }
                if (j == len) {
                    minus += accumulate(phi, local, len, n, w, rate[k]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            phi[i] -= minus;
        }
        return phi;
    }

    /**
     * Adds observed set T (its members' positions in {@code local[0..len)}) to the sums: each member
     * gains {@code w(|T|-1) v + w(|T|) v}; returns {@code w(|T|) v}, which every channel loses.
     */
    private static double accumulate(double[] phi, int[] local, int len, int n, double[] w, double v) {
        double lose = len < n ? w[len] * v : 0;
        double gain = w[len - 1] * v + lose;
        for (int j = 0; j < len; j++) {
            phi[local[j]] += gain;
        }
        return lose;
    }

    /** A channel set as a cache key: sorted distinct ids. */
    private static final class Key {
        private final int[] ids;
        private final int hash;

        Key(int[] ids) {
            this.ids = ids;
            this.hash = IntSequenceTable.hash(ids, 0, ids.length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && Arrays.equals(ids, ((Key) o).ids);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Weighs a journey by the shares of its distinct channels (dataset channel index to id). */
    private final class Weigher implements JourneyWeigher {
        private final int[] id;

        Weigher(int[] id) {
            this.id = id;
        }

        @Override
        public void weigh(Journey journey, Weights weights) {
            int size = journey.size();
            int[] set = new int[size];
            for (int p = 0; p < size; p++) {
                set[p] = id[journey.channel(p)];
            }
            int n = distinct(set, size);
            if (n == 1) {
                for (int p = 0; p < size; p++) {
                    weights.addShare(p, 1);
                }
                return;
            }
            int[] key = Arrays.copyOf(set, n);
            double[] shares = shares(key);
            int[] count = new int[n];
            int[] local = new int[size];
            for (int p = 0; p < size; p++) {
                local[p] = Arrays.binarySearch(key, id[journey.channel(p)]);
                count[local[p]]++;
            }
            for (int p = 0; p < size; p++) {
                weights.addWeight(p, shares[local[p]] / count[local[p]]);
            }
        }
    }
}
