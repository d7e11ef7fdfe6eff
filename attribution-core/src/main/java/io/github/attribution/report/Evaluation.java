package io.github.attribution.report;

import io.github.attribution.internal.JsonWriter;
import io.github.attribution.internal.Numbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Models scored against known true channel shares (such as a {@code Scenario}'s): a leaderboard
 * (models.md "Ground truth"). For each model of a {@link Comparison}: the mean absolute error of its
 * channel shares against the true shares, in percentage points, over every channel that is in the
 * truth or that the model credits (the unattributed row included, its true share 0); the channel with
 * the largest error; and Spearman's rank correlation between the model's channel amounts and the
 * true shares over the true channels. With a comparison run with intervals, each figure has its
 * bootstrap percentile interval. Models are ranked by error, smallest first, ties by name.
 *
 * <p>Immutable.
 */
public final class Evaluation {
    private final ComparisonTable table;
    private final List<Row> rows;

    /**
     * One model's score.
     *
     * @param rank 1 for the smallest error
     * @param model the model's name
     * @param maePp mean absolute error of the shares, in percentage points
     * @param worstChannel the channel with the largest absolute error (the first by name on ties)
     * @param worstErrorPp the model's share minus the true share on that channel, in percentage points
     * @param spearman rank correlation with the truth; NaN when undefined
     * @param maeInterval {@code {low, high}} of {@code maePp}, or null without intervals
     * @param spearmanInterval {@code {low, high}} of {@code spearman}, or null without intervals
     */
    public record Row(
            int rank,
            String model,
            double maePp,
            String worstChannel,
            double worstErrorPp,
            double spearman,
            double[] maeInterval,
            double[] spearmanInterval) {}

    private Evaluation(ComparisonTable table, List<Row> rows) {
        this.table = table;
        this.rows = List.copyOf(rows);
    }

    /**
     * Scores the models of {@code comparison} against {@code truth} (channel to true share, a
     * fraction; the shares need not cover every channel).
     *
     * @throws IllegalArgumentException if the comparison has no table or more than one currency, or
     *     the truth is empty
     */
    public static Evaluation of(Comparison comparison, Map<String, BigDecimal> truth) {
        Objects.requireNonNull(comparison, "comparison must not be null");
        Objects.requireNonNull(truth, "truth must not be null");
        if (truth.isEmpty()) {
            throw new IllegalArgumentException("the truth names no channel");
        }
        if (comparison.tables().size() != 1) {
            throw new IllegalArgumentException("evaluation needs won revenue in exactly one currency, found "
                    + comparison.tables().size());
        }
        ComparisonTable t = comparison.tables().get(0);
        TreeSet<String> union = new TreeSet<>(truth.keySet());
        union.addAll(t.channels());
        List<String> channels = new ArrayList<>(union);
        double[] truthShare = new double[channels.size()];
        int[] column = new int[channels.size()];
        for (int i = 0; i < channels.size(); i++) {
            BigDecimal s = truth.get(channels.get(i));
            truthShare[i] = s == null ? 0 : s.doubleValue();
            column[i] = t.channels().indexOf(channels.get(i));
        }
        List<String> truthChannels = new ArrayList<>(new TreeMap<>(truth).keySet());
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < t.models().size(); k++) {
            int model = k;
            double[] share = new double[channels.size()];
            for (int i = 0; i < channels.size(); i++) {
                share[i] = column[i] < 0 ? 0 : t.shareDecimal(column[i], k, 12).doubleValue();
            }
            double mae = mae(share, truthShare);
            // the worst channel by exact errors (shares to 12 decimals), so ties are ties
            BigDecimal[] error = new BigDecimal[channels.size()];
            for (int i = 0; i < channels.size(); i++) {
                BigDecimal s = column[i] < 0 ? BigDecimal.ZERO : t.shareDecimal(column[i], k, 12);
                BigDecimal truthValue = truth.getOrDefault(channels.get(i), BigDecimal.ZERO);
                error[i] = s.subtract(truthValue);
            }
            int worst = 0;
            for (int i = 1; i < channels.size(); i++) {
                if (error[i].abs().compareTo(error[worst].abs()) > 0) {
                    worst = i;
                }
            }
            double rho = spearman(share, truthShare, channels, truthChannels);
            double[] maeInterval = null;
            double[] rhoInterval = null;
            if (t.hasIntervals()) {
                int replicates = t.intervalSettings().replicates();
                double[] maes = new double[replicates];
                double[] rhos = new double[replicates];
                for (int b = 0; b < replicates; b++) {
                    double[] s = new double[channels.size()];
                    for (int i = 0; i < channels.size(); i++) {
                        s[i] = column[i] < 0 ? 0 : t.replicateShare(b, column[i], model);
                    }
                    maes[b] = mae(s, truthShare);
                    rhos[b] = spearman(s, truthShare, channels, truthChannels);
                }
                maeInterval = Bootstrap.percentile(maes, t.intervalSettings().level());
                rhoInterval = Bootstrap.percentile(rhos, t.intervalSettings().level());
            }
            rows.add(new Row(
                    0,
                    t.models().get(k),
                    mae,
                    channels.get(worst),
                    error[worst].doubleValue() * 100,
                    rho,
                    maeInterval,
                    rhoInterval));
        }
        rows.sort(Comparator.comparingDouble(Row::maePp).thenComparing(Row::model));
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            ranked.add(new Row(
                    i + 1,
                    r.model(),
                    r.maePp(),
                    r.worstChannel(),
                    r.worstErrorPp(),
                    r.spearman(),
                    r.maeInterval(),
                    r.spearmanInterval()));
        }
        return new Evaluation(t, ranked);
    }

    private static double mae(double[] share, double[] truth) {
        double sum = 0;
        for (int i = 0; i < share.length; i++) {
            sum += Math.abs(share[i] - truth[i]);
        }
        return sum / share.length * 100;
    }

    /** Spearman over the true channels, shares scaled to whole numbers (10^-12) for the ranking. */
    private static double spearman(double[] share, double[] truth, List<String> channels, List<String> truthChannels) {
        long[] a = new long[truthChannels.size()];
        long[] b = new long[truthChannels.size()];
        int j = 0;
        for (int i = 0; i < channels.size(); i++) {
            if (truthChannels.contains(channels.get(i))) {
                a[j] = Math.round(share[i] * 1e12);
                b[j++] = Math.round(truth[i] * 1e12);
            }
        }
        return RankCorrelation.spearman(a, b);
    }

    /** The rows, best first. */
    public List<Row> rows() {
        return rows;
    }

    /** The CSV/JSON columns; the interval columns only when the comparison had intervals. */
    public List<String> columns() {
        List<String> c =
                new ArrayList<>(List.of("rank", "model", "mae_pp", "worst_channel", "worst_error_pp", "spearman"));
        if (table.hasIntervals()) {
            c.addAll(List.of("mae_pp_low", "mae_pp_high", "spearman_low", "spearman_high"));
        }
        return c;
    }

    private List<String> values(Row r) {
        List<String> v = new ArrayList<>(List.of(
                String.valueOf(r.rank()),
                r.model(),
                Numbers.decimal(r.maePp(), 3),
                r.worstChannel(),
                Numbers.decimal(r.worstErrorPp(), 3),
                Numbers.decimal(r.spearman(), 3)));
        if (table.hasIntervals()) {
            v.add(Numbers.decimal(r.maeInterval()[0], 3));
            v.add(Numbers.decimal(r.maeInterval()[1], 3));
            v.add(Numbers.decimal(r.spearmanInterval()[0], 3));
            v.add(Numbers.decimal(r.spearmanInterval()[1], 3));
        }
        return v;
    }

    /** Writes the leaderboard as CSV: a header, then one record per model, best first. */
    public void writeCsv(Appendable out) throws IOException {
        Formats.csvLine(out, columns());
        for (Row r : rows) {
            Formats.csvLine(out, values(r));
        }
    }

    /** Writes {@code {"leaderboard": [...]}} with the CSV column names. */
    public void writeJson(Appendable out) throws IOException {
        JsonWriter json = new JsonWriter(out).beginObject().name("leaderboard").beginArray();
        List<String> names = columns();
        for (Row r : rows) {
            List<String> v = values(r);
            // rank first (a number), then model and worst_channel as text
            json.newline().beginObject();
            for (int i = 0; i < names.size(); i++) {
                json.name(names.get(i));
                if (names.get(i).equals("model") || names.get(i).equals("worst_channel")) {
                    json.string(v.get(i));
                } else {
                    json.number(v.get(i).isEmpty() ? null : v.get(i));
                }
            }
            json.endObject();
        }
        json.newline().endArray().endObject().newline();
    }

    /** The leaderboard for a terminal, however wide. */
    public String toText() {
        return toText(Integer.MAX_VALUE);
    }

    /**
     * The leaderboard for a terminal {@code width} columns wide: the title broken between words, the
     * table in blocks of columns (each repeating rank and model) when it is wider.
     */
    public String toText(int width) {
        StringBuilder b = new StringBuilder();
        b.append(TextTable.wrap(
                "Leaderboard against the true channel shares of "
                        + table.basis().description() + ", "
                        + table.currency().getCurrencyCode()
                        + " (mean absolute error over channels, percentage points; smaller is better)",
                width));
        List<String> header = List.of("rank", "model", "error (pp)", "worst channel", "its error (pp)", "spearman");
        TextTable t = new TextTable(header, new boolean[] {true, false, true, false, true, true});
        for (Row r : rows) {
            String mae = Numbers.decimal(r.maePp(), 1);
            String rho = Numbers.decimal(r.spearman(), 2);
            if (r.maeInterval() != null) {
                mae += " [" + Numbers.decimal(r.maeInterval()[0], 1) + ", " + Numbers.decimal(r.maeInterval()[1], 1)
                        + "]";
                if (!rho.isEmpty() && !Double.isNaN(r.spearmanInterval()[0])) {
                    rho += " [" + Numbers.decimal(r.spearmanInterval()[0], 2) + ", "
                            + Numbers.decimal(r.spearmanInterval()[1], 2) + "]";
                }
            }
            t.add(List.of(
                    String.valueOf(r.rank()),
                    r.model(),
                    mae,
                    r.worstChannel(),
                    (r.worstErrorPp() > 0 ? "+" : "") + Numbers.decimal(r.worstErrorPp(), 1),
                    rho.isEmpty() ? "n/a" : rho));
        }
        b.append(t.render(width, 2));
        if (table.hasIntervals()) {
            b.append(TextTable.wrap(table.intervalSettings().describe() + ".", width));
        }
        return b.toString();
    }

    /** The CSV as a string. */
    public String toCsv() {
        StringBuilder b = new StringBuilder();
        try {
            writeCsv(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "Evaluation[" + rows.size() + " models]";
    }
}
