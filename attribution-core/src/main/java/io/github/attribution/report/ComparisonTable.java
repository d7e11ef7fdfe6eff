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

    ComparisonTable(
            Currency currency, Comparison.Basis basis, List<String> models, List<String> channels, long[][] amounts) {
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
                rows.add(List.of(
                        basis.label(),
                        currency.getCurrencyCode(),
                        channels.get(c),
                        models.get(k),
                        Money.format(amounts[c][k], currency),
                        shareDecimal(c, k, 6).toPlainString(),
                        spreadDecimal(c, 6).toPlainString()));
            }
        }
        return rows;
    }

    /** One row per unordered pair of models ({@link Comparison#correlationColumns()}). */
    List<List<String>> correlationRows() {
        List<List<String>> rows = new ArrayList<>();
        for (int a = 0; a < models.size(); a++) {
            for (int b = a + 1; b < models.size(); b++) {
                rows.add(List.of(
                        basis.label(),
                        currency.getCurrencyCode(),
                        models.get(a),
                        models.get(b),
                        decimal(correlation[a][b], 6)));
            }
        }
        return rows;
    }

    /**
     * The share table and the correlation matrix for a terminal {@code width} code points wide: each
     * table in blocks of models when it is wider ({@link Comparison#toText(int)}).
     */
    String toText(int width) {
        StringBuilder b = new StringBuilder();
        b.append("Share of ")
                .append(basis.description())
                .append(" by channel, ")
                .append(currency.getCurrencyCode())
                .append(" (total ")
                .append(Text.grouped(Money.format(total, currency)))
                .append(" under every model)\n");
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
                row.add(percent(c, k));
            }
            row.add(spreadDecimal(c, 3).movePointRight(2).toPlainString() + " pp");
            shares.add(row);
        }
        b.append(shares.render(width, 1));
        int disputed = mostDisputedChannel();
        if (models.size() > 1 && disputed >= 0) {
            b.append("Models disagree most on ")
                    .append(channels.get(disputed))
                    .append(": ")
                    .append(spreadDecimal(disputed, 3).movePointRight(2).toPlainString())
                    .append(" percentage points between the highest and lowest share.\n");
        }
        b.append("\nSpearman rank correlation of the channels' order (1 = same, -1 = reversed; ties share ranks)\n");
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
