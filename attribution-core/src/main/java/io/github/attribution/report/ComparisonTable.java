package io.github.attribution.report;

import io.github.attribution.data.Money;
import io.github.attribution.io.Text;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Models side by side for one currency: each channel's credited amount and share under each model, the
 * spread between models per channel, and Spearman's rank correlation between every pair of models.
 *
 * <p><b>Channels</b> are those credited a positive amount by at least one model, plus {@link
 * Report#UNATTRIBUTED} when some amount has no touch. They are sorted by their total over all models,
 * largest first (so by mean share), ties by name, with {@link Report#UNATTRIBUTED} last.
 *
 * <p><b>Shares</b> are {@code amount / total}, where the total (the same for every model, because
 * credits reconcile) is the sum of the basis amounts in this currency. The <b>spread</b> of a channel is
 * its largest share minus its smallest. The <b>rank correlation</b> of two models ranks the channels
 * (the unattributed row excluded) by amount under each, ties getting average ranks, and takes the
 * Pearson correlation of the ranks; it is {@code NaN} when undefined (fewer than two channels, or one
 * model ties them all).
 *
 * <p>Amounts are exact; shares, spreads and correlations are {@code double}s for display. Immutable.
 */
public final class ComparisonTable {
    private final Currency currency;
    private final Comparison.Basis basis;
    private final List<String> models;
    private final List<String> channels;
    private final long[][] amounts;
    private final long total;
    private final double[][] correlation;
    /** The bootstrap replicates, or null without intervals. */
    private final Replicates replicates;

    /**
     * Bootstrap replicates of a table: {@code amounts[b][channel][model]} in minor units and the
     * basis total {@code totals[b]} of replicate {@code b}.
     */
    record Replicates(Bootstrap.Settings settings, long[][][] amounts, long[] totals) {}

    ComparisonTable(
            Currency currency, Comparison.Basis basis, List<String> models, List<String> channels, long[][] amounts) {
        this(currency, basis, models, channels, amounts, null);
    }

    ComparisonTable(
            Currency currency,
            Comparison.Basis basis,
            List<String> models,
            List<String> channels,
            long[][] amounts,
            Replicates replicates) {
        this.replicates = replicates;
        this.currency = currency;
        this.basis = basis;
        this.models = List.copyOf(models);
        this.channels = List.copyOf(channels);
        this.amounts = amounts;
        int m = models.size();
        long[] sums = new long[m];
        for (long[] row : amounts) {
            for (int k = 0; k < m; k++) {
                sums[k] = Math.addExact(sums[k], row[k]);
            }
        }
        for (int k = 1; k < m; k++) {
            assert sums[k] == sums[0] : "models credit different totals: " + sums[0] + " and " + sums[k];
        }
        this.total = m == 0 ? 0 : sums[0];
        int ranked = channels.size() - (channels.contains(Report.UNATTRIBUTED) ? 1 : 0);
        long[][] columns = new long[m][ranked];
        for (int k = 0; k < m; k++) {
            int i = 0;
            for (int c = 0; c < channels.size(); c++) {
                if (!channels.get(c).equals(Report.UNATTRIBUTED)) {
                    columns[k][i++] = amounts[c][k];
                }
            }
        }
        correlation = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                double rho = RankCorrelation.spearman(columns[a], columns[b]);
                correlation[a][b] = rho;
                correlation[b][a] = rho;
            }
        }
    }

    /** The currency of every amount. */
    public Currency currency() {
        return currency;
    }

    /** What is compared: won revenue or pipeline. */
    public Comparison.Basis basis() {
        return basis;
    }

    /** The models' names, in the order given. */
    public List<String> models() {
        return models;
    }

    /** The channels, in the order stated in the class doc. */
    public List<String> channels() {
        return channels;
    }

    /** The total credited by every model. */
    public Money total() {
        return Money.ofMinor(currency, total);
    }

    /** The amount model {@code model} credits to channel {@code channel} (indices into the lists). */
    public Money amount(int channel, int model) {
        return Money.ofMinor(currency, amounts[channel][model]);
    }

    /** {@code amount / total}, in {@code [0, 1]}; 0 when the total is 0. */
    public double share(int channel, int model) {
        return total == 0 ? 0 : (double) amounts[channel][model] / total;
    }

    /** The largest share of {@code channel} under any model minus the smallest. */
    public double spread(int channel) {
        return total == 0 ? 0 : (double) spreadAmount(channel) / total;
    }

    private long spreadAmount(int channel) {
        long max = Long.MIN_VALUE;
        long min = Long.MAX_VALUE;
        for (long v : amounts[channel]) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        return models.isEmpty() ? 0 : max - min;
    }

    /** Spearman's rank correlation of models {@code a} and {@code b}; {@code NaN} when undefined. */
    public double spearman(int a, int b) {
        return correlation[a][b];
    }

    /** Index of the channel with the largest spread (the first such in channel order), or -1 if none. */
    public int mostDisputedChannel() {
        int best = -1;
        for (int c = 0; c < channels.size(); c++) {
            if (best < 0 || spreadAmount(c) > spreadAmount(best)) {
                best = c;
            }
        }
        return best;
    }

    /** {@code amount / total} half-up to {@code scale} decimals, computed exactly. */
    public BigDecimal shareDecimal(int channel, int model, int scale) {
        return ratio(amounts[channel][model], scale);
    }

    /** The channel's spread (largest minus smallest share over the models) half-up to {@code scale} decimals. */
    public BigDecimal spreadDecimal(int channel, int scale) {
        return ratio(spreadAmount(channel), scale);
    }

    private BigDecimal ratio(long part, int scale) {
        if (total == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(total), scale, RoundingMode.HALF_UP);
    }

    /** The channel's share under the model as text with one decimal of a percent: {@code 12.3%}. */
    public String percent(int channel, int model) {
        return shareDecimal(channel, model, 3).movePointRight(2).toPlainString() + "%";
    }

    /** {@code value} half-up to {@code scale} decimals; empty for NaN (an undefined correlation). */
    public static String decimal(double value, int scale) {
        return Double.isNaN(value)
                ? ""
                : BigDecimal.valueOf(value)
                        .setScale(scale, RoundingMode.HALF_UP)
                        .toPlainString();
    }

    /** The CSV/JSON rows: one per channel per model ({@link Comparison#columns()}). */
    List<List<String>> shareRows() {
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            for (int k = 0; k < models.size(); k++) {
                List<String> row = List.of(
                        basis.label(),
                        currency.getCurrencyCode(),
                        channels.get(c),
                        models.get(k),
                        Money.format(amounts[c][k], currency),
                        shareDecimal(c, k, 6).toPlainString(),
                        spreadDecimal(c, 6).toPlainString());
                if (replicates != null) {
                    row = new ArrayList<>(row);
                    row.addAll(intervalValues(c, k));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** One row per unordered pair of models ({@link Comparison#correlationColumns()}). */
    List<List<String>> correlationRows() {
        List<List<String>> rows = new ArrayList<>();
        for (int a = 0; a < models.size(); a++) {
            for (int b = a + 1; b < models.size(); b++) {
                List<String> row = List.of(
                        basis.label(),
                        currency.getCurrencyCode(),
                        models.get(a),
                        models.get(b),
                        decimal(correlation[a][b], 6));
                if (replicates != null) {
                    double[] i = spearmanInterval(a, b);
                    row = new ArrayList<>(row);
                    row.add(decimal(i[0], 6));
                    row.add(decimal(i[1], 6));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    // ---- intervals (models.md "Intervals"): percentile intervals over the bootstrap replicates

    /** Whether the table carries bootstrap intervals. */
    public boolean hasIntervals() {
        return replicates != null;
    }

    /** The bootstrap settings, or null without intervals. */
    public Bootstrap.Settings intervalSettings() {
        return replicates == null ? null : replicates.settings();
    }

    private double[] values(java.util.function.IntToDoubleFunction replicate) {
        if (replicates == null) {
            throw new IllegalStateException("this comparison was run without intervals");
        }
        double[] v = new double[replicates.totals().length];
        for (int b = 0; b < v.length; b++) {
            v[b] = replicate.applyAsDouble(b);
        }
        return v;
    }

    double replicateShare(int b, int channel, int model) {
        long t = replicates.totals()[b];
        return t == 0 ? Double.NaN : (double) replicates.amounts()[b][channel][model] / t;
    }

    private double[] interval(java.util.function.IntToDoubleFunction replicate) {
        return Bootstrap.percentile(values(replicate), replicates.settings().level());
    }

    /** The interval of {@link #share}: {@code {low, high}} as fractions. */
    public double[] shareInterval(int channel, int model) {
        return interval(b -> replicateShare(b, channel, model));
    }

    /**
     * The interval of the mean share of {@code channel} over {@code models} (indices), as for a family of
     * models drawn as one mark: {@code {low, high}} as fractions.
     *
     * @throws IllegalArgumentException if {@code models} is empty
     */
    public double[] meanShareInterval(int channel, List<Integer> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no models to average");
        }
        return interval(b -> {
            double sum = 0;
            for (int k : models) {
                sum += replicateShare(b, channel, k);
            }
            return sum / models.size();
        });
    }

    /** The interval of {@link #amount}: {@code {low, high}} in minor units (a statistic, not money). */
    public double[] amountInterval(int channel, int model) {
        return interval(b -> replicates.amounts()[b][channel][model]);
    }

    /** The interval of {@link #spread}: {@code {low, high}} as fractions. */
    public double[] spreadInterval(int channel) {
        return interval(b -> {
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int k = 0; k < models.size(); k++) {
                double v = replicateShare(b, channel, k);
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            return max - min;
        });
    }

    /** The interval of the share of {@code channel} under model {@code a} minus under model {@code b}. */
    public double[] differenceInterval(int channel, int a, int b) {
        return interval(r -> replicateShare(r, channel, a) - replicateShare(r, channel, b));
    }

    /** The interval of {@link #spearman}; NaN bounds when undefined in every replicate. */
    public double[] spearmanInterval(int a, int b) {
        int ranked = channels.size() - (channels.contains(Report.UNATTRIBUTED) ? 1 : 0);
        return interval(r -> {
            long[] x = new long[ranked];
            long[] y = new long[ranked];
            int i = 0;
            for (int c = 0; c < channels.size(); c++) {
                if (!channels.get(c).equals(Report.UNATTRIBUTED)) {
                    x[i] = replicates.amounts()[r][c][a];
                    y[i++] = replicates.amounts()[r][c][b];
                }
            }
            return RankCorrelation.spearman(x, y);
        });
    }

    /**
     * The model with the highest share of {@code channel} and the one with the lowest ({@code {high,
     * low}}, the first such in model order), or null with fewer than two models.
     */
    public int[] extremeModels(int channel) {
        if (models.size() < 2) {
            return null;
        }
        int hi = 0;
        int lo = 0;
        for (int k = 1; k < models.size(); k++) {
            if (amounts[channel][k] > amounts[channel][hi]) {
                hi = k;
            }
            if (amounts[channel][k] < amounts[channel][lo]) {
                lo = k;
            }
        }
        return new int[] {hi, lo};
    }

    /**
     * Whether the models disagree on {@code channel} by more than their noise: the interval of the
     * highest model's share minus the lowest model's share (at the estimate) lies above 0.
     */
    public boolean exceedsNoise(int channel) {
        int[] e = extremeModels(channel);
        return e != null && e[0] != e[1] && differenceInterval(channel, e[0], e[1])[0] > 0;
    }

    /** A fraction as a percent to one decimal, half-up, without the sign: {@code 18.6}. */
    static String percentNumber(double fraction) {
        return decimal(fraction * 100, 1);
    }

    /** {@code [17.9, 19.4]}: an interval of fractions as percents to one decimal. */
    static String percentRange(double[] interval) {
        return "[" + percentNumber(interval[0]) + ", " + percentNumber(interval[1]) + "]";
    }

    /** The {@code _low}/{@code _high} CSV/JSON values of a share row, in {@link Comparison#intervalColumns()} order. */
    private List<String> intervalValues(int c, int k) {
        double[] amount = amountInterval(c, k);
        double[] share = shareInterval(c, k);
        double[] spread = spreadInterval(c);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        return List.of(
                minorUnits(amount[0], digits),
                minorUnits(amount[1], digits),
                decimal(share[0], 6),
                decimal(share[1], 6),
                decimal(spread[0], 6),
                decimal(spread[1], 6));
    }

    /** A minor-unit statistic in currency units, half-up to the currency's digits. */
    private static String minorUnits(double minor, int digits) {
        return Double.isNaN(minor)
                ? ""
                : BigDecimal.valueOf(minor)
                        .movePointLeft(digits)
                        .setScale(digits, RoundingMode.HALF_UP)
                        .toPlainString();
    }

    /**
     * The share table and the correlation matrix for a terminal {@code width} code points wide: each
     * table in blocks of models when it is wider ({@link Comparison#toText(int)}).
     */
    String toText(int width) {
        StringBuilder b = new StringBuilder();
        b.append(TextTable.wrap(
                "Share of " + basis.description() + " by channel, " + currency.getCurrencyCode() + " (total "
                        + Text.grouped(Money.format(total, currency)) + " under every model)",
                width));
        List<String> header = new ArrayList<>();
        header.add("channel");
        header.addAll(models);
        header.add("spread");
        boolean[] right = new boolean[header.size()];
        java.util.Arrays.fill(right, 1, right.length, true);
        TextTable shares = new TextTable(header, right);
        for (int c = 0; c < channels.size(); c++) {
            List<String> row = new ArrayList<>();
            row.add(channels.get(c));
            for (int k = 0; k < models.size(); k++) {
                row.add(percent(c, k) + (replicates == null ? "" : " " + percentRange(shareInterval(c, k))));
            }
            row.add(spreadDecimal(c, 3).movePointRight(2).toPlainString() + " pp"
                    + (replicates == null ? "" : " " + percentRange(spreadInterval(c))));
            shares.add(row);
        }
        b.append(shares.render(width, 1));
        int disputed = mostDisputedChannel();
        if (models.size() > 1 && disputed >= 0) {
            b.append(TextTable.wrap(
                    "Models disagree most on " + channels.get(disputed) + ": "
                            + spreadDecimal(disputed, 3).movePointRight(2).toPlainString()
                            + " percentage points between the highest and lowest share.",
                    width));
        }
        if (replicates != null) {
            b.append(TextTable.wrap(replicates.settings().describe() + ".", width));
            if (models.size() > 1) {
                List<String> beyond = new ArrayList<>();
                for (int c = 0; c < channels.size(); c++) {
                    if (exceedsNoise(c)) {
                        int[] e = extremeModels(c);
                        double[] d = differenceInterval(c, e[0], e[1]);
                        beyond.add(channels.get(c) + " (" + models.get(e[0]) + " - " + models.get(e[1]) + " = "
                                + decimal(share(c, e[0]) * 100 - share(c, e[1]) * 100, 1) + " pp "
                                + percentRange(d) + ")");
                    }
                }
                b.append(TextTable.wrap(
                        beyond.isEmpty()
                                ? "No channel's highest and lowest model differ by more than their noise."
                                : "Highest and lowest model differ by more than their noise (interval of the difference"
                                        + " above 0) on " + beyond.size() + " of " + channels.size() + " channels: "
                                        + String.join("; ", beyond) + ".",
                        width));
            }
        }
        b.append('\n')
                .append(TextTable.wrap(
                        "Spearman rank correlation of the channels' order (1 = same, -1 = reversed; ties share ranks)",
                        width));
        List<String> corrHeader = new ArrayList<>();
        corrHeader.add("model");
        corrHeader.addAll(models);
        boolean[] corrRight = new boolean[corrHeader.size()];
        java.util.Arrays.fill(corrRight, 1, corrRight.length, true);
        TextTable corr = new TextTable(corrHeader, corrRight);
        for (int a = 0; a < models.size(); a++) {
            List<String> row = new ArrayList<>();
            row.add(models.get(a));
            for (int k = 0; k < models.size(); k++) {
                String v = decimal(correlation[a][k], 2);
                if (replicates != null && a != k && !v.isEmpty()) {
                    double[] i = spearmanInterval(a, k);
                    v += Double.isNaN(i[0]) ? "" : " [" + decimal(i[0], 2) + ", " + decimal(i[1], 2) + "]";
                }
                row.add(v.isEmpty() ? "n/a" : v);
            }
            corr.add(row);
        }
        b.append(corr.render(width, 1));
        return b.toString();
    }

    @Override
    public String toString() {
        return "ComparisonTable[" + currency + ", " + models.size() + " models, " + channels.size() + " channels]";
    }
}
