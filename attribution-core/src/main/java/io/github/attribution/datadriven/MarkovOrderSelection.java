package io.github.attribution.datadriven;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.internal.Hashing;
import io.github.attribution.journey.Journeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The choice of a Markov order from the data ({@code markov:order=auto}, docs/models.md "Choosing the
 * Markov order"): {@value #FOLDS}-fold cross-validation of how well each order 1 to 4 predicts
 * conversion, penalised by its number of states.
 *
 * <p>Each journey is put in a fold by a fixed hash of its account id, so folds depend on neither
 * input order nor thread count, and every journey of an account is held out together (path files,
 * which have no accounts, deal each path's journeys out over the folds: {@link #of(PathSet)}). For each order and fold, a chain is counted on the
 * other folds; a held-out journey is predicted from the state its collapsed path ends in (its last
 * {@code order} channels): the probability it converts is {@code (c + p0) / (c + n + 1)}, where
 * {@code c} and {@code n} are the training conversions and nulls that ended in that state and {@code
 * p0} the training conversion rate (a state never seen in training predicts about {@code p0}). The
 * held-out log-likelihood is summed over every fold and divided by the number of journeys {@code J};
 * the score subtracts {@code states / J}, where {@code states} is the number of transient states of
 * the chain fitted on all the data (an Akaike-style penalty per journey). The highest score wins; on
 * a tie, the lower order.
 *
 * <p>Immutable and thread-safe.
 */
public final class MarkovOrderSelection {
    /** The number of folds: 5. */
    public static final int FOLDS = 5;

    private final List<Score> scores;
    private final int order;
    private final long journeys;
    private final String unit;

    /**
     * One order's result.
     *
     * @param order the order, 1 to 4
     * @param states transient states of the chain of this order fitted on all the data ({@code
     *     (start)} included)
     * @param logLikelihood held-out log-likelihood of conversion per journey (natural log, at most 0)
     * @param penalty {@code states / journeys}
     * @param score {@code logLikelihood - penalty}
     */
    public record Score(int order, int states, double logLikelihood, double penalty, double score) {}

    private MarkovOrderSelection(List<Score> scores, long journeys, String unit) {
        this.scores = Collections.unmodifiableList(scores);
        this.journeys = journeys;
        this.unit = unit;
        int best = MarkovModel.DEFAULT_ORDER;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Score s : scores) {
            if (s.score() > bestScore) {
                bestScore = s.score();
                best = s.order();
            }
        }
        this.order = best;
    }

    /**
     * Selects on the won (conversion) and lost (null) journeys of {@code journeys}, folds by account:
     * the same journeys a {@code markov} model fits on.
     */
    public static MarkovOrderSelection of(Journeys journeys) {
        Objects.requireNonNull(journeys, "journeys must not be null");
        Dataset data = journeys.dataset();
        int[] rank = rankByName(data);
        long[] accountFold = new long[data.accountCount()];
        Arrays.fill(accountFold, -1);
        Counter counter = new Counter();
        int[] scratch = new int[16];
        for (int o = 0; o < journeys.opportunityCount(); o++) {
            OpportunityStatus status = data.status(o);
            int len = journeys.size(o);
            if (status == OpportunityStatus.OPEN || len == 0) {
                continue;
            }
            int account = data.opportunityAccount(o);
            if (accountFold[account] < 0) {
                accountFold[account] = fold(data.accountName(account));
            }
            if (scratch.length < len) {
                scratch = new int[Math.max(len, scratch.length * 2)];
            }
            for (int p = 0; p < len; p++) {
                scratch[p] = rank[data.touchChannel(journeys.touch(o, p))];
            }
            boolean won = status == OpportunityStatus.WON;
            counter.add(scratch, len, won ? 1 : 0, won ? 0 : 1, (int) accountFold[account]);
        }
        return counter.select(data.channelCount(), "accounts");
    }

    /** The fold, 0 to {@value #FOLDS} - 1, of the journeys of account {@code accountId}: a fixed hash of the id. */
    public static int fold(String accountId) {
        return Hashing.fold(Hashing.hash(Objects.requireNonNull(accountId, "accountId must not be null")), FOLDS);
    }

    /**
     * Selects on journeys counted fold by fold elsewhere (say per partition of a cluster, then merged
     * fold by fold): {@code folds.get(f)} holds the won and lost journeys whose account is in fold
     * {@code f} ({@link #fold}; {@link PathStatistics#byFold}). {@code channels} is every channel of the
     * data, which numbers the states as {@link #of(Journeys)} numbers them, so the selection is exactly
     * {@code of(journeys)} on the same journeys.
     *
     * @throws IllegalArgumentException if there are not {@value #FOLDS} folds, or a fold has a channel
     *     {@code channels} lacks
     */
    public static MarkovOrderSelection ofFolds(List<String> channels, List<PathStatistics> folds) {
        Objects.requireNonNull(channels, "channels must not be null");
        if (Objects.requireNonNull(folds, "folds must not be null").size() != FOLDS) {
            throw new IllegalArgumentException("give " + FOLDS + " folds, not " + folds.size());
        }
        List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(channels));
        Map<String, Integer> rank = new HashMap<>();
        for (int r = 0; r < sorted.size(); r++) {
            rank.put(sorted.get(r), r);
        }
        Counter counter = new Counter();
        for (int f = 0; f < FOLDS; f++) {
            PathStatistics stats = folds.get(f);
            int[] ids = new int[stats.channels().size()];
            for (int c = 0; c < ids.length; c++) {
                Integer r = rank.get(stats.channels().get(c));
                if (r == null) {
                    throw new IllegalArgumentException(
                            "fold " + f + " has channel '" + stats.channels().get(c) + "', which channels lacks");
                }
                ids[c] = r;
            }
            IntSequenceTable table = stats.table();
            for (int i = 0; i < table.size(); i++) {
                int[] path = new int[table.end(i) - table.start(i)];
                for (int k = 0; k < path.length; k++) {
                    path[k] = ids[table.pool()[table.start(i) + k]];
                }
                counter.add(path, path.length, stats.conversions(i), stats.nulls(i), f);
            }
        }
        return counter.select(sorted.size(), "accounts");
    }

    /**
     * Selects on the rows of {@code paths}: a row's conversions and nulls are its journeys. Path rows
     * carry no account, so each collapsed path's journeys are dealt out over the folds, conversions
     * and nulls separately, as evenly as they go (the first extra one to the fold given by a fixed
     * hash of the path's channel names): a split that depends on neither the order of the rows nor
     * how they are aggregated.
     */
    public static MarkovOrderSelection of(PathSet paths) {
        Objects.requireNonNull(paths, "paths must not be null");
        Counter counter = new Counter();
        int[] scratch = new int[16];
        for (int r = 0; r < paths.size(); r++) {
            scratch = paths.copyPath(r, scratch);
            counter.add(scratch, paths.length(r), paths.conversions(r), paths.nulls(r), 0);
        }
        return counter.dealt(paths.channels()).select(paths.channels().size(), "journeys of path rows");
    }

    /**
     * Selects on the distinct paths of {@code stats}, their journeys dealt out over the folds as for
     * path rows ({@link #of(PathSet)}). Prefer {@link #of(Journeys)} when accounts are known.
     */
    public static MarkovOrderSelection of(PathStatistics stats) {
        Objects.requireNonNull(stats, "stats must not be null");
        Counter counter = new Counter();
        IntSequenceTable table = stats.table();
        for (int i = 0; i < table.size(); i++) {
            int[] path = Arrays.copyOfRange(table.pool(), table.start(i), table.end(i));
            counter.add(path, path.length, stats.conversions(i), stats.nulls(i), 0);
        }
        return counter.dealt(stats.channels()).select(stats.channels().size(), "journeys of distinct paths");
    }

    /** The chosen order. */
    public int order() {
        return order;
    }

    /** Every order tried, 1 up, with its score. */
    public List<Score> scores() {
        return scores;
    }

    /** The number of journeys (conversions plus nulls) cross-validated on. */
    public long journeys() {
        return journeys;
    }

    /**
     * One line for people: {@code order 2 chosen by 5-fold cross-validation over accounts (1200
     * journeys); per order held-out log-likelihood per journey - states/journeys = score: 1: -0.5012 -
     * 0.0083 = -0.5095, ...}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "order %d chosen by %d-fold cross-validation over %s (%d journeys); per order,"
                        + " held-out log-likelihood per journey - states/journeys = score:",
                order,
                FOLDS,
                unit,
                journeys));
        for (int i = 0; i < scores.size(); i++) {
            Score s = scores.get(i);
            sb.append(i == 0 ? " " : ", ")
                    .append(String.format(
                            Locale.ROOT,
                            "%d: %.4f - %.4f (%d states) = %.4f",
                            s.order(),
                            s.logLikelihood(),
                            s.penalty(),
                            s.states(),
                            s.score()));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "MarkovOrderSelection[" + describe() + "]";
    }

    /** Positions of the dataset's channels in name order. */
    private static int[] rankByName(Dataset data) {
        int n = data.channelCount();
        Integer[] byName = new Integer[n];
        for (int c = 0; c < n; c++) {
            byName[c] = c;
        }
        Arrays.sort(byName, (a, b) -> data.channelName(a).compareTo(data.channelName(b)));
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[byName[r]] = r;
        }
        return rank;
    }

    /** Gathers distinct collapsed paths with their conversions and nulls per fold. */
    private static final class Counter {
        private final Map<PathKey, long[]> paths = new HashMap<>();
        private int[] collapsed = new int[16];

        void add(int[] path, int len, long conversions, long nulls, int fold) {
            if (conversions == 0 && nulls == 0) {
                return;
            }
            if (collapsed.length < len) {
                collapsed = new int[Math.max(len, collapsed.length * 2)];
            }
            int n = 0;
            for (int k = 0; k < len; k++) {
                if (n == 0 || collapsed[n - 1] != path[k]) {
                    collapsed[n++] = path[k];
                }
            }
            long[] counts = paths.computeIfAbsent(new PathKey(Arrays.copyOf(collapsed, n)), k -> new long[2 * FOLDS]);
            counts[2 * fold] = Math.addExact(counts[2 * fold], conversions);
            counts[2 * fold + 1] = Math.addExact(counts[2 * fold + 1], nulls);
        }

        /**
         * Every path's counts (all in fold 0) dealt out evenly over the folds, rotated by a hash of
         * the path's channel {@code names}.
         */
        Counter dealt(List<String> names) {
            StringBuilder text = new StringBuilder();
            for (Map.Entry<PathKey, long[]> e : paths.entrySet()) {
                text.setLength(0);
                for (int c : e.getKey().path) {
                    text.append(names.get(c)).append('\u001f');
                }
                int first = Hashing.fold(Hashing.hash(text.toString()), FOLDS);
                long[] c = e.getValue();
                for (int kind = 0; kind < 2; kind++) {
                    long total = c[kind];
                    for (int f = 0; f < FOLDS; f++) {
                        int turn = Math.floorMod(f - first - kind, FOLDS);
                        c[2 * f + kind] = total / FOLDS + (turn < total % FOLDS ? 1 : 0);
                    }
                }
            }
            return this;
        }

        MarkovOrderSelection select(int channels, String unit) {
            long[] foldTotals = new long[2 * FOLDS];
            for (long[] c : paths.values()) {
                for (int i = 0; i < c.length; i++) {
                    foldTotals[i] += c[i];
                }
            }
            long conversions = 0;
            long journeys = 0;
            for (int f = 0; f < FOLDS; f++) {
                conversions += foldTotals[2 * f];
                journeys += foldTotals[2 * f] + foldTotals[2 * f + 1];
            }
            List<Score> scores = new ArrayList<>();
            for (int order = 1; order <= MarkovModel.MAX_ORDER; order++) {
                int bits = order <= 2 ? 32 : order == 3 ? 21 : 16;
                if (channels >= (1L << bits) - 1) {
                    break;
                }
                scores.add(score(order, bits, foldTotals, conversions, journeys));
            }
            return new MarkovOrderSelection(scores, journeys, unit);
        }

        private Score score(int order, int bits, long[] foldTotals, long conversions, long journeys) {
            Map<Long, long[]> ends = new HashMap<>();
            Set<Long> states = new HashSet<>();
            for (Map.Entry<PathKey, long[]> e : paths.entrySet()) {
                int[] p = e.getKey().path;
                for (int i = 0; i < p.length; i++) {
                    states.add(key(p, i + 1, order, bits));
                }
                long[] at = ends.computeIfAbsent(key(p, p.length, order, bits), k -> new long[2 * FOLDS]);
                long[] c = e.getValue();
                for (int i = 0; i < c.length; i++) {
                    at[i] += c[i];
                }
            }
            int stateCount = states.size() + 1; // (start)
            if (journeys == 0) {
                return new Score(order, stateCount, 0, 0, 0);
            }
            Long[] keys = ends.keySet().toArray(new Long[0]);
            Arrays.sort(keys);
            double[] p0 = new double[FOLDS];
            for (int f = 0; f < FOLDS; f++) {
                long trainConversions = conversions - foldTotals[2 * f];
                long trainJourneys = journeys - foldTotals[2 * f] - foldTotals[2 * f + 1];
                p0[f] = (trainConversions + 0.5) / (trainJourneys + 1.0);
            }
            double logLikelihood = 0;
            for (Long key : keys) {
                long[] c = ends.get(key);
                long allConversions = 0;
                long allNulls = 0;
                for (int f = 0; f < FOLDS; f++) {
                    allConversions += c[2 * f];
                    allNulls += c[2 * f + 1];
                }
                for (int f = 0; f < FOLDS; f++) {
                    long heldConversions = c[2 * f];
                    long heldNulls = c[2 * f + 1];
                    if (heldConversions == 0 && heldNulls == 0) {
                        continue;
                    }
                    double train = allConversions - heldConversions;
                    double trainAll = train + allNulls - heldNulls;
                    double p = (train + p0[f]) / (trainAll + 1);
                    if (heldConversions > 0) {
                        logLikelihood += heldConversions * Math.log(p);
                    }
                    if (heldNulls > 0) {
                        logLikelihood += heldNulls * Math.log1p(-p);
                    }
                }
            }
            double perJourney = logLikelihood / journeys;
            double penalty = (double) stateCount / journeys;
            return new Score(order, stateCount, perJourney, penalty, perJourney - penalty);
        }

        /** The state after the first {@code length} channels of {@code path}: its last {@code order}, packed. */
        private static long key(int[] path, int length, int order, int bits) {
            long key = 0;
            for (int k = Math.max(0, length - order); k < length; k++) {
                key = (key << bits) | (path[k] + 1L);
            }
            return key;
        }
    }

    private static final class PathKey {
        final int[] path;
        private final int hash;

        PathKey(int[] path) {
            this.path = path;
            this.hash = Arrays.hashCode(path);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PathKey && Arrays.equals(path, ((PathKey) o).path);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
