package io.github.attribution.report;

import io.github.attribution.CreditTable;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.datadriven.MarkovFit;
import io.github.attribution.datadriven.MarkovModel;
import io.github.attribution.datadriven.MarkovOrderSelection;
import io.github.attribution.datadriven.PathStatistics;
import io.github.attribution.datadriven.ShapleyModel;
import io.github.attribution.internal.Hashing;
import io.github.attribution.internal.JourneyCursor;
import io.github.attribution.internal.Parallel;
import io.github.attribution.internal.WeightBuffer;
import io.github.attribution.journey.Journey;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.model.JourneyWeigher;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A Poisson bootstrap over accounts (models.md "Intervals"): in replicate {@code b}, every account
 * gets a weight {@code w(b, account)} drawn from Poisson(1) by a counter-based generator keyed by
 * the seed, {@code b} and a fixed hash of the account id ({@link Hashing#poisson1}), so the weights
 * depend on nothing else: not on input order, thread count or which figure asks. A figure's replicate
 * is the figure computed with every opportunity of the account counted {@code w} times; its interval
 * is the percentile interval of the replicates.
 *
 * <p>Rule-based models credit a journey the same whatever the other journeys, so their credits are
 * computed once, summed per account and channel, and each replicate is a weighted sum of those exact
 * sums. Data-driven models ({@code markov}, {@code shapley}) are refitted in every replicate on
 * path statistics whose counts are the weights (Poisson weights are whole numbers), and each set of
 * journeys with the same channels is credited by the refitted model's weights ({@link DataDriven}). A
 * {@code markov:order=auto} model keeps the order chosen on the whole data in every replicate.
 */
public final class Bootstrap {
    private Bootstrap() {}

    /**
     * What to compute.
     *
     * @param level the interval's coverage in percent, greater than 0 and less than 100 (such as 95)
     * @param replicates the number of bootstrap replicates, 1 to 100000
     * @param seed the seed of the account weights
     */
    public record Settings(double level, int replicates, long seed) {
        /** Checks the values. */
        public Settings {
            if (!(level > 0 && level < 100)) {
                throw new IllegalArgumentException("interval level must be a percentage above 0 and below 100: "
                        + ComparisonTable.decimal(level, 6));
            }
            if (replicates < 1 || replicates > 100_000) {
                throw new IllegalArgumentException("replicates must be from 1 to 100000: " + replicates);
            }
        }

        /** {@code 95% intervals from 200 bootstrap replicates over accounts (seed 1)}. */
        public String describe() {
            return levelText() + "% intervals from " + replicates + " bootstrap replicates over accounts (seed " + seed
                    + ")";
        }

        /** The level without trailing zeros: {@code 95}, {@code 97.5}. */
        public String levelText() {
            return BigDecimal.valueOf(level).stripTrailingZeros().toPlainString();
        }
    }

    /**
     * The Poisson(1) weight of the account whose id hashes to {@code accountHash} ({@link
     * Hashing#hash}) in replicate {@code replicate} under {@code seed}.
     */
    public static int weight(long seed, int replicate, long accountHash) {
        return Hashing.poisson1(Hashing.mix(seed) + 0x9e3779b97f4a7c15L * (replicate + 1L), accountHash);
    }

    /**
     * The percentile interval of {@code values} at {@code level} percent: the {@code (1 - level/100) /
     * 2} and {@code 1 - (1 - level/100) / 2} quantiles, interpolated between order statistics (the
     * quantile at {@code p} is at position {@code p (n - 1)} of the sorted values). NaN values are
     * left out; both bounds are NaN when none is left.
     */
    public static double[] percentile(double[] values, double level) {
        double[] sorted =
                Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double tail = (1 - level / 100) / 2;
        return new double[] {quantile(sorted, tail), quantile(sorted, 1 - tail)};
    }

    /**
     * The percentile interval of whole numbers (minor units, millionths of a count) computed exactly:
     * the same quantiles as {@link #percentile(double[], double)}, with the positions and the
     * interpolation in decimal arithmetic, each bound rounded half-up to a whole number. So money
     * bounds are exact minor units, with no {@code double} on the way.
     *
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public static long[] percentile(long[] values, double level) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no replicates");
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        BigDecimal tail = BigDecimal.valueOf(100)
                .subtract(BigDecimal.valueOf(level))
                .divide(BigDecimal.valueOf(200)); // exact: 200 = 2^3 * 5^2
        return new long[] {quantile(sorted, tail), quantile(sorted, BigDecimal.ONE.subtract(tail))};
    }

    private static long quantile(long[] sorted, BigDecimal p) {
        BigDecimal h = p.multiply(BigDecimal.valueOf(sorted.length - 1L));
        int lo = h.setScale(0, RoundingMode.FLOOR).intValueExact();
        int hi = Math.min(lo + 1, sorted.length - 1);
        BigDecimal fraction = h.subtract(BigDecimal.valueOf(lo));
        return BigDecimal.valueOf(sorted[lo])
                .add(fraction.multiply(BigDecimal.valueOf(sorted[hi]).subtract(BigDecimal.valueOf(sorted[lo]))))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private static double quantile(double[] sorted, double p) {
        double h = p * (sorted.length - 1);
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Every account's weight in every replicate: {@code [replicate][account]}. */
    static byte[][] weights(Dataset data, Settings settings, int threads) {
        long[] hash = new long[data.accountCount()];
        for (int a = 0; a < hash.length; a++) {
            hash[a] = Hashing.hash(data.accountName(a));
        }
        byte[][] w = new byte[settings.replicates()][hash.length];
        Parallel.run(threads, settings.replicates(), b -> {
            for (int a = 0; a < hash.length; a++) {
                w[b][a] = (byte) weight(settings.seed(), b, hash[a]);
            }
        });
        return w;
    }

    /** Whether {@code model} is refitted in each replicate (markov and shapley). */
    static boolean isDataDriven(AttributionModel model) {
        return model instanceof MarkovModel || model instanceof ShapleyModel;
    }

    /**
     * Collects one rule-based model's credits per account, currency and channel (exact), then gives
     * each replicate's per-currency, per-channel sums: {@code [replicate][currency][channel]}, the last
     * channel slot unattributed.
     */
    static final class RuleBased {
        private final Dataset data;
        private final int slots;
        private final int currencies;
        private final long[] perAccount;

        RuleBased(Dataset data) {
            this.data = data;
            this.slots = data.channelCount() + 1;
            this.currencies = data.currencies().size();
            this.perAccount = new long[data.accountCount() * currencies * slots];
        }

        void add(CreditTable table, Comparison.Basis basis) {
            int unattributed = data.channelCount();
            for (int o = table.firstOpportunity(); o < table.endOpportunity(); o++) {
                if (basis == Comparison.Basis.REVENUE && data.status(o) != OpportunityStatus.WON) {
                    continue;
                }
                int base = (data.opportunityAccount(o) * currencies + data.currencyIndex(o)) * slots;
                for (int r = table.rowStart(o); r < table.rowEnd(o); r++) {
                    int t = table.touch(r);
                    int ch = t < 0 ? unattributed : data.touchChannel(t);
                    perAccount[base + ch] = Math.addExact(perAccount[base + ch], table.credit(r));
                }
            }
        }

        long[][][] replicates(byte[][] weights, int threads) {
            // the non-zero sums only, account by account: most accounts have credit in few channels
            int accounts = data.accountCount();
            int width = currencies * slots;
            int[] start = new int[accounts + 1];
            for (int a = 0; a < accounts; a++) {
                int n = 0;
                for (int k = 0; k < width; k++) {
                    n += perAccount[a * width + k] != 0 ? 1 : 0;
                }
                start[a + 1] = start[a] + n;
            }
            int[] key = new int[start[accounts]];
            long[] value = new long[start[accounts]];
            for (int a = 0, e = 0; a < accounts; a++) {
                for (int k = 0; k < width; k++) {
                    long v = perAccount[a * width + k];
                    if (v != 0) {
                        key[e] = k;
                        value[e++] = v;
                    }
                }
            }
            long[][][] out = new long[weights.length][][];
            Parallel.run(threads, weights.length, b -> {
                byte[] w = weights[b];
                long[] sums = new long[width];
                for (int a = 0; a < accounts; a++) {
                    int weight = w[a];
                    if (weight != 0) {
                        for (int e = start[a]; e < start[a + 1]; e++) {
                            sums[key[e]] = Math.addExact(sums[key[e]], Math.multiplyExact(value[e], weight));
                        }
                    }
                }
                long[][] bySlot = new long[currencies][];
                for (int cur = 0; cur < currencies; cur++) {
                    bySlot[cur] = Arrays.copyOfRange(sums, cur * slots, (cur + 1) * slots);
                }
                out[b] = bySlot;
            });
            return out;
        }
    }

    /**
     * What data-driven replicates need, gathered once: the journeys grouped by their set of channels
     * (sets in a canonical order, by channel names) and, within a set, by touch counts; the accounts,
     * amounts and groups of the opportunities in the basis; and the distinct collapsed paths of won and
     * lost journeys with their accounts.
     *
     * <p>Both data-driven models give a channel of a journey a credit that depends only on the
     * journey's set of channels (its removal effect, or its Shapley value in that set), split evenly
     * over the channel's touches; so a replicate weighs one journey per set. The one exception is a
     * markov journey none of whose channels has a removal effect, which is split evenly over its
     * touches: the groups of such a set are weighed one by one.
     */
    static final class DataDriven {
        private final Journeys journeys;
        private final Dataset data;
        private final int currencies;
        /** Per group (canonical order), one of its opportunities. */
        private final int[] representative;
        /** Per set (canonical order): one of its opportunities, its channels, its groups. */
        private final int[] setRepresentative;

        private final int[][] setChannels;
        private final int[][] setGroups;

        // the opportunities in the basis with a weight to carry: account, currency, amount, group (-1: no touch)
        private final int[] basisAccount;
        private final int[] basisCurrency;
        private final long[] basisAmount;
        private final int[] basisGroup;

        // the opportunities fitted on: account, distinct path, won
        private final int[] fitAccount;
        private final int[] fitPath;
        private final boolean[] fitWon;

        /** The statistics of all the data: replicates reweigh its paths. */
        private final PathStatistics base;

        DataDriven(Journeys journeys, Comparison.Basis basis) {
            this.journeys = journeys;
            this.data = journeys.dataset();
            this.currencies = data.currencies().size();
            int opps = journeys.opportunityCount();
            base = PathStatistics.of(journeys);
            Map<List<String>, Integer> pathIds = new HashMap<>();
            List<PathStatistics.PathCount> all = base.paths();
            for (int i = 0; i < all.size(); i++) {
                pathIds.put(all.get(i).path(), i);
            }
            Map<String, Integer> groupIds = new HashMap<>();
            List<String> groupKeys = new ArrayList<>();
            List<String> groupSets = new ArrayList<>();
            List<Integer> firstOpp = new ArrayList<>();
            int[] count = new int[data.channelCount()];
            StringBuilder key = new StringBuilder();
            int[] groupOf = new int[opps];
            List<int[]> fitted = new ArrayList<>();
            List<Integer> inBasis = new ArrayList<>();
            for (int o = 0; o < opps; o++) {
                int len = journeys.size(o);
                OpportunityStatus status = data.status(o);
                if (len > 0 && status != OpportunityStatus.OPEN) {
                    List<String> path = new ArrayList<>();
                    for (int p = 0; p < len; p++) {
                        String name = data.channelName(data.touchChannel(journeys.touch(o, p)));
                        if (path.isEmpty() || !path.get(path.size() - 1).equals(name)) {
                            path.add(name);
                        }
                    }
                    fitted.add(new int[] {o, pathIds.get(path)});
                }
                groupOf[o] = -1;
                if (basis == Comparison.Basis.REVENUE && status != OpportunityStatus.WON) {
                    continue;
                }
                if (data.amount(o) != 0) {
                    inBasis.add(o);
                }
                if (len == 0) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                for (int p = 0; p < len; p++) {
                    int ch = data.touchChannel(journeys.touch(o, p));
                    if (count[ch]++ == 0) {
                        names.add(data.channelName(ch));
                    }
                }
                names.sort(null);
                key.setLength(0);
                for (String n : names) {
                    key.append(n).append('\u001f');
                }
                String set = key.toString();
                key.append('\u001e');
                for (int p = 0; p < len; p++) {
                    int ch = data.touchChannel(journeys.touch(o, p));
                    count[ch] = 0;
                }
                // counts in channel-name order, so the key does not depend on the order of the touches
                for (String n : names) {
                    int c = 0;
                    for (int p = 0; p < len; p++) {
                        if (data.channelName(data.touchChannel(journeys.touch(o, p)))
                                .equals(n)) {
                            c++;
                        }
                    }
                    key.append(c).append('\u001f');
                }
                String k = key.toString();
                Integer g = groupIds.get(k);
                if (g == null) {
                    g = groupKeys.size();
                    groupIds.put(k, g);
                    groupKeys.add(k);
                    groupSets.add(set);
                    firstOpp.add(o);
                }
                groupOf[o] = g;
            }
            // canonical orders: groups by key, sets by key
            int groups = groupKeys.size();
            Integer[] order = new Integer[groups];
            for (int g = 0; g < groups; g++) {
                order[g] = g;
            }
            Arrays.sort(order, (a, b) -> groupKeys.get(a).compareTo(groupKeys.get(b)));
            int[] rank = new int[groups];
            representative = new int[groups];
            for (int r = 0; r < groups; r++) {
                rank[order[r]] = r;
                representative[r] = firstOpp.get(order[r]);
            }
            List<String> setKeys = new ArrayList<>(new java.util.TreeSet<>(groupSets));
            Map<String, Integer> setIds = new HashMap<>();
            for (int i = 0; i < setKeys.size(); i++) {
                setIds.put(setKeys.get(i), i);
            }
            List<List<Integer>> members = new ArrayList<>();
            setKeys.forEach(x -> members.add(new ArrayList<>()));
            for (int r = 0; r < groups; r++) { // in canonical group order
                members.get(setIds.get(groupSets.get(order[r]))).add(r);
            }
            setRepresentative = new int[setKeys.size()];
            setChannels = new int[setKeys.size()][];
            setGroups = new int[setKeys.size()][];
            for (int s = 0; s < setKeys.size(); s++) {
                setGroups[s] =
                        members.get(s).stream().mapToInt(Integer::intValue).toArray();
                int o = representative[setGroups[s][0]];
                setRepresentative[s] = o;
                int[] seen = new int[0];
                for (int p = 0; p < journeys.size(o); p++) {
                    int ch = data.touchChannel(journeys.touch(o, p));
                    if (Arrays.stream(seen).noneMatch(c -> c == ch)) {
                        seen = Arrays.copyOf(seen, seen.length + 1);
                        seen[seen.length - 1] = ch;
                    }
                }
                setChannels[s] = seen;
            }
            basisAccount = new int[inBasis.size()];
            basisCurrency = new int[inBasis.size()];
            basisAmount = new long[inBasis.size()];
            basisGroup = new int[inBasis.size()];
            for (int i = 0; i < inBasis.size(); i++) {
                int o = inBasis.get(i);
                basisAccount[i] = data.opportunityAccount(o);
                basisCurrency[i] = data.currencyIndex(o);
                basisAmount[i] = data.amount(o);
                basisGroup[i] = groupOf[o] < 0 ? -1 : rank[groupOf[o]];
            }
            fitAccount = new int[fitted.size()];
            fitPath = new int[fitted.size()];
            fitWon = new boolean[fitted.size()];
            for (int i = 0; i < fitted.size(); i++) {
                int o = fitted.get(i)[0];
                fitAccount[i] = data.opportunityAccount(o);
                fitPath[i] = fitted.get(i)[1];
                fitWon[i] = data.status(o) == OpportunityStatus.WON;
            }
        }

        /**
         * The refit of {@code model} for replicates: a function from weighted statistics to the fitted
         * model, and the order a {@code markov:order=auto} model chose on the whole data.
         */
        Function<PathStatistics, AttributionModel> refit(AttributionModel model) {
            if (model instanceof MarkovModel markov) {
                MarkovModel fixed = markov.isAuto()
                        ? MarkovModel.of(MarkovOrderSelection.of(journeys).order())
                        : markov;
                return fixed::fit;
            }
            ShapleyModel shapley = (ShapleyModel) model;
            return shapley::fit;
        }

        /** The statistics of all the data. */
        PathStatistics base() {
            return base;
        }

        /** Path statistics with every path counted by the weights of its journeys' accounts. */
        PathStatistics statistics(byte[] weights) {
            long[] conversions = new long[base.pathCount()];
            long[] nulls = new long[base.pathCount()];
            for (int i = 0; i < fitPath.length; i++) {
                int w = weights[fitAccount[i]];
                if (fitWon[i]) {
                    conversions[fitPath[i]] += w;
                } else {
                    nulls[fitPath[i]] += w;
                }
            }
            return base.withCounts(conversions, nulls);
        }

        /**
         * One replicate of a data-driven model: refitted on the weighted statistics, its per-currency,
         * per-channel sums ({@code [currency][channel]}, the last slot unattributed, from the weighted
         * amounts of journeys without touches) and, for markov, its removal effects per dataset channel.
         */
        Replicate replicate(Function<PathStatistics, AttributionModel> refit, byte[] weights, JourneyCursor cursor) {
            int slots = data.channelCount() + 1;
            long[][] groupAmount = new long[currencies][representative.length];
            long[][] out = new long[currencies][slots];
            for (int i = 0; i < basisAccount.length; i++) {
                int w = weights[basisAccount[i]];
                if (w == 0) {
                    continue;
                }
                long v = Math.multiplyExact(basisAmount[i], w);
                int cur = basisCurrency[i];
                int g = basisGroup[i];
                if (g >= 0) {
                    groupAmount[cur][g] = Math.addExact(groupAmount[cur][g], v);
                } else {
                    out[cur][slots - 1] = Math.addExact(out[cur][slots - 1], v);
                }
            }
            AttributionModel fit = refit.apply(statistics(weights));
            JourneyWeigher weigher = fit.bind(journeys);
            double[] removal = null;
            if (fit instanceof MarkovFit markov) {
                removal = new double[data.channelCount()];
                for (int ch = 0; ch < removal.length; ch++) {
                    removal[ch] = markov.removalEffect(data.channelName(ch));
                }
            }
            WeightBuffer ws = new WeightBuffer();
            double[] share = new double[slots];
            double[][] sums = new double[currencies][slots];
            long[] setAmount = new long[currencies];
            for (int s = 0; s < setRepresentative.length; s++) {
                int[] channels = setChannels[s];
                boolean evenly = removal != null;
                for (int i = 0; evenly && i < channels.length; i++) {
                    evenly = !(removal[channels[i]] > 0);
                }
                if (evenly) { // split over touches: each group by its own counts
                    for (int g : setGroups[s]) {
                        weigh(weigher, cursor.moveTo(representative[g]), ws, channels, share);
                        for (int cur = 0; cur < currencies; cur++) {
                            add(sums[cur], groupAmount[cur][g], channels, share);
                        }
                    }
                    continue;
                }
                Arrays.fill(setAmount, 0);
                for (int g : setGroups[s]) {
                    for (int cur = 0; cur < currencies; cur++) {
                        setAmount[cur] = Math.addExact(setAmount[cur], groupAmount[cur][g]);
                    }
                }
                weigh(weigher, cursor.moveTo(setRepresentative[s]), ws, channels, share);
                for (int cur = 0; cur < currencies; cur++) {
                    add(sums[cur], setAmount[cur], channels, share);
                }
            }
            for (int cur = 0; cur < currencies; cur++) {
                for (int ch = 0; ch < slots - 1; ch++) {
                    out[cur][ch] = Math.round(sums[cur][ch]);
                }
            }
            return new Replicate(out, removal);
        }

        /** Each channel's share of journey {@code j} under {@code weigher}, into {@code share[channel]}. */
        private static void weigh(JourneyWeigher weigher, Journey j, WeightBuffer ws, int[] channels, double[] share) {
            ws.reset(j.size());
            weigher.weigh(j, ws);
            double total = 0;
            for (int p = 0; p < j.size(); p++) {
                total += ws.isExact() ? ws.share(p) : ws.weight(p);
            }
            for (int ch : channels) {
                share[ch] = 0;
            }
            for (int p = 0; p < j.size(); p++) {
                share[j.channel(p)] += (ws.isExact() ? ws.share(p) : ws.weight(p)) / total;
            }
        }

        private static void add(double[] sums, long amount, int[] channels, double[] share) {
            if (amount != 0) {
                for (int ch : channels) {
                    sums[ch] += amount * share[ch];
                }
            }
        }
    }

    /** One replicate of one data-driven model. */
    record Replicate(long[][] sums, double[] removalEffects) {}

    static String format(double value, int scale) {
        return String.format(Locale.ROOT, "%." + scale + "f", value);
    }

    static <T> T require(T value, String what) {
        return Objects.requireNonNull(value, what + " must not be null");
    }
}
