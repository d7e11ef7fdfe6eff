package io.github.attribution.report;

import io.github.attribution.AttributionResult;
import io.github.attribution.Attributor;
import io.github.attribution.CreditTable;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.datadriven.MarkovFit;
import io.github.attribution.datadriven.PathStatistics;
import io.github.attribution.internal.JourneyCursor;
import io.github.attribution.internal.Parallel;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;

/**
 * Several models side by side per channel: one {@link ComparisonTable} per currency (amounts in
 * different currencies are never added, and shares are taken within a currency).
 *
 * <pre>{@code
 * Attributor attributor = Attributor.create();
 * Journeys journeys = attributor.journeys(dataset);
 * List<AttributionModel> models = Models.ruleBasedNames().stream().map(Models::byName).toList();
 * Comparison comparison = Comparison.run(attributor, journeys, models);
 * System.out.print(comparison.toText());
 * }</pre>
 *
 * {@link #run} streams each model's credits block by block and keeps one {@code long} per channel per
 * currency per model, so it needs little memory on any run size. Tables are sorted by currency code; a
 * currency whose basis total is zero (no won revenue, say) has no table.
 *
 * <p><b>Output columns.</b> {@link #writeCsv}: {@code basis, currency, channel, model, amount, share,
 * spread}, one row per channel per model, channels in table order and models as given; {@code amount}
 * is money with the currency's digits, {@code share} and {@code spread} are fractions half-up to 6
 * decimals computed exactly from the amounts. {@link #writeCorrelationsCsv}: {@code basis, currency,
 * model_a, model_b, spearman}, one row per pair of models in the order given, {@code spearman} half-up
 * to 6 decimals or empty when undefined. {@link #writeJson} writes both as {@code {"shares": [...],
 * "correlations": [...]}} with the same names.
 *
 * <p>Immutable and thread-safe.
 */
public final class Comparison {
    /** What the shares are shares of. */
    public enum Basis {
        /** Credit from won opportunities. */
        REVENUE("revenue", "won revenue"),
        /** Credit from all opportunities, open, won and lost. */
        PIPELINE("pipeline", "pipeline");

        private final String label;
        private final String description;

        Basis(String label, String description) {
            this.label = label;
            this.description = description;
        }

        /** {@code revenue} or {@code pipeline}, as written to the {@code basis} column. */
        public String label() {
            return label;
        }

        /** For people: {@code won revenue} or {@code pipeline}. */
        public String description() {
            return description;
        }

        /** Parses {@link #label()}, case-insensitive. */
        public static Basis parse(String text) {
            for (Basis b : values()) {
                if (b.label.equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                    return b;
                }
            }
            throw new IllegalArgumentException("comparison basis must be 'revenue' or 'pipeline': '" + text + "'");
        }
    }

    private final Basis basis;
    private final List<String> models;
    private final List<ComparisonTable> tables;
    private final Bootstrap.Settings intervals;
    private final List<RemovalEffect> removalEffects;

    private Comparison(
            Basis basis,
            List<String> models,
            List<ComparisonTable> tables,
            Bootstrap.Settings intervals,
            List<RemovalEffect> removalEffects) {
        this.basis = basis;
        this.models = List.copyOf(models);
        this.tables = List.copyOf(tables);
        this.intervals = intervals;
        this.removalEffects = List.copyOf(removalEffects);
    }

    /**
     * A markov model's removal effect of one channel with its bootstrap interval.
     *
     * @param model the model's name
     * @param channel the channel
     * @param removalEffect the removal effect fitted on all the data, 0 to 1
     * @param low the interval's lower bound
     * @param high its upper bound
     */
    public record RemovalEffect(String model, String channel, double removalEffect, double low, double high) {}

    /** Compares {@code models} by their share of won revenue per channel. */
    public static Comparison run(Attributor attributor, Journeys journeys, List<AttributionModel> models) {
        return run(attributor, journeys, models, Basis.REVENUE);
    }

    /**
     * Runs {@code models}, in order, over {@code journeys} and compares their shares of {@code basis}.
     *
     * @throws IllegalArgumentException if {@code models} is empty
     */
    public static Comparison run(Attributor attributor, Journeys journeys, List<AttributionModel> models, Basis basis) {
        return run(attributor, journeys, models, basis, (table, model) -> {});
    }

    /**
     * Like {@link #run(Attributor, Journeys, List, Basis)}, also handing every credit block to {@code
     * tap} with the index of its model in {@code models}, so a caller can gather other sums (a summary,
     * progress) in the same pass. Blocks arrive in model order, then opportunity order, on the calling
     * thread; a block is valid only during the call ({@link Attributor#stream}).
     *
     * @throws IllegalArgumentException if {@code models} is empty
     */
    public static Comparison run(
            Attributor attributor,
            Journeys journeys,
            List<AttributionModel> models,
            Basis basis,
            ObjIntConsumer<CreditTable> tap) {
        return run(attributor, journeys, models, basis, tap, null);
    }

    /**
     * Like {@link #run(Attributor, Journeys, List, Basis, ObjIntConsumer)}, with bootstrap intervals on
     * every figure when {@code intervals} is not null ({@link Bootstrap}): replicates are computed on
     * the attributor's threads and do not depend on their number.
     *
     * @throws IllegalArgumentException if {@code models} is empty
     */
    public static Comparison run(
            Attributor attributor,
            Journeys journeys,
            List<AttributionModel> models,
            Basis basis,
            ObjIntConsumer<CreditTable> tap,
            Bootstrap.Settings intervals) {
        Objects.requireNonNull(attributor, "attributor must not be null");
        Objects.requireNonNull(journeys, "journeys must not be null");
        Objects.requireNonNull(models, "models must not be null");
        Objects.requireNonNull(basis, "basis must not be null");
        Objects.requireNonNull(tap, "tap must not be null");
        requireModels(models.size());
        Dataset data = journeys.dataset();
        long[][][] sums = new long[models.size()][][];
        List<String> names = new ArrayList<>();
        int threads = attributor.threads();
        byte[][] weights = intervals == null ? null : Bootstrap.weights(data, intervals, threads);
        long[][][][] replicates = intervals == null ? null : new long[models.size()][][][];
        List<RemovalEffect> removal = new ArrayList<>();
        Bootstrap.DataDriven dataDriven = null;
        for (int m = 0; m < models.size(); m++) {
            AttributionModel model = Objects.requireNonNull(models.get(m), "model must not be null");
            long[][] s = new long[data.currencies().size()][data.channelCount() + 1];
            int index = m;
            boolean refit = intervals != null && Bootstrap.isDataDriven(model);
            Bootstrap.RuleBased rules = intervals != null && !refit ? new Bootstrap.RuleBased(data) : null;
            attributor.stream(journeys, model, table -> {
                add(table, basis, s);
                if (rules != null) {
                    rules.add(table, basis);
                }
                tap.accept(table, index);
            });
            sums[m] = s;
            names.add(model.name());
            if (rules != null) {
                replicates[m] = rules.replicates(weights, threads);
            } else if (refit) {
                if (dataDriven == null) {
                    dataDriven = new Bootstrap.DataDriven(journeys, basis);
                }
                Bootstrap.DataDriven dd = dataDriven;
                Function<PathStatistics, AttributionModel> fitter = dd.refit(model);
                Bootstrap.Replicate[] reps = new Bootstrap.Replicate[weights.length];
                Parallel.run(
                        threads,
                        weights.length,
                        b -> reps[b] = dd.replicate(fitter, weights[b], JourneyCursor.over(journeys)));
                replicates[m] = new long[weights.length][][];
                for (int b = 0; b < reps.length; b++) {
                    replicates[m][b] = reps[b].sums();
                }
                if (reps[0].removalEffects() != null) {
                    MarkovFit full = (MarkovFit) fitter.apply(dd.base());
                    List<String> channels = new ArrayList<>(full.channels());
                    for (String channel : channels) {
                        int ch = channelIndex(data, channel);
                        double[] v = new double[reps.length];
                        for (int b = 0; b < reps.length; b++) {
                            v[b] = reps[b].removalEffects()[ch];
                        }
                        double[] i = Bootstrap.percentile(v, intervals.level());
                        removal.add(new RemovalEffect(model.name(), channel, full.removalEffect(channel), i[0], i[1]));
                    }
                }
            }
        }
        long[][] totals = intervals == null ? null : totals(data, basis, weights);
        return build(data, basis, names, sums, intervals, replicates, totals, removal);
    }

    private static int channelIndex(Dataset data, String name) {
        for (int c = 0; c < data.channelCount(); c++) {
            if (data.channelName(c).equals(name)) {
                return c;
            }
        }
        throw new IllegalStateException("no channel " + name);
    }

    /** Per replicate, per currency: the weighted basis total, from each account's total, once. */
    private static long[][] totals(Dataset data, Basis basis, byte[][] weights) {
        int currencies = data.currencies().size();
        long[] perAccount = new long[data.accountCount() * currencies];
        for (int o = 0; o < data.opportunityCount(); o++) {
            if (basis == Basis.REVENUE && data.status(o) != OpportunityStatus.WON) {
                continue;
            }
            int k = data.opportunityAccount(o) * currencies + data.currencyIndex(o);
            perAccount[k] = Math.addExact(perAccount[k], data.amount(o));
        }
        long[][] totals = new long[weights.length][currencies];
        for (int b = 0; b < weights.length; b++) {
            for (int a = 0; a < data.accountCount(); a++) {
                int w = weights[b][a];
                if (w != 0) {
                    for (int cur = 0; cur < currencies; cur++) {
                        long v = perAccount[a * currencies + cur];
                        totals[b][cur] = Math.addExact(totals[b][cur], Math.multiplyExact(v, w));
                    }
                }
            }
        }
        return totals;
    }

    /** Compares the models of {@code result} by their share of won revenue. */
    public static Comparison of(AttributionResult result) {
        return of(result, Basis.REVENUE);
    }

    /** Compares the models of {@code result} by their share of {@code basis}. */
    public static Comparison of(AttributionResult result, Basis basis) {
        Objects.requireNonNull(result, "result must not be null");
        Objects.requireNonNull(basis, "basis must not be null");
        requireModels(result.tables().size());
        Dataset data = result.dataset();
        long[][][] sums = new long[result.tables().size()][][];
        for (int m = 0; m < sums.length; m++) {
            sums[m] = new long[data.currencies().size()][data.channelCount() + 1];
            add(result.tables().get(m), basis, sums[m]);
        }
        return build(data, basis, result.models(), sums, null, null, null, List.of());
    }

    private static void requireModels(int n) {
        if (n == 0) {
            throw new IllegalArgumentException("a comparison needs at least one model");
        }
    }

    /** Adds a block's credits to {@code sums[currency][channel]}; the last channel slot is unattributed. */
    private static void add(CreditTable table, Basis basis, long[][] sums) {
        Dataset data = table.dataset();
        int unattributed = data.channelCount();
        for (int o = table.firstOpportunity(); o < table.endOpportunity(); o++) {
            if (basis == Basis.REVENUE && data.status(o) != OpportunityStatus.WON) {
                continue;
            }
            long[] s = sums[data.currencyIndex(o)];
            for (int r = table.rowStart(o); r < table.rowEnd(o); r++) {
                int t = table.touch(r);
                int ch = t < 0 ? unattributed : data.touchChannel(t);
                s[ch] = Math.addExact(s[ch], table.credit(r));
            }
        }
    }

    private static Comparison build(
            Dataset data,
            Basis basis,
            List<String> models,
            long[][][] sums,
            Bootstrap.Settings intervals,
            long[][][][] replicates,
            long[][] totals,
            List<RemovalEffect> removal) {
        int m = models.size();
        List<Integer> currencies = new ArrayList<>();
        for (int c = 0; c < data.currencies().size(); c++) {
            currencies.add(c);
        }
        currencies.sort(Comparator.comparing(c -> data.currencies().get(c).getCurrencyCode()));
        List<ComparisonTable> tables = new ArrayList<>();
        int unattributed = data.channelCount();
        for (int cur : currencies) {
            List<Integer> channels = new ArrayList<>();
            long[] overall = new long[unattributed + 1];
            long total = 0;
            for (int ch = 0; ch <= unattributed; ch++) {
                boolean credited = false;
                for (int k = 0; k < m; k++) {
                    overall[ch] = Math.addExact(overall[ch], sums[k][cur][ch]);
                    credited |= sums[k][cur][ch] > 0;
                }
                total = Math.addExact(total, overall[ch]);
                if (credited) {
                    channels.add(ch);
                }
            }
            if (total == 0) {
                continue;
            }
            channels.sort((a, b) -> {
                if ((a == unattributed) != (b == unattributed)) {
                    return a == unattributed ? 1 : -1;
                }
                int c = Long.compare(overall[b], overall[a]);
                if (c == 0) {
                    c = data.channelName(a).compareTo(data.channelName(b));
                }
                return c == 0 ? Integer.compare(a, b) : c;
            });
            List<String> names = new ArrayList<>();
            long[][] amounts = new long[channels.size()][m];
            for (int i = 0; i < channels.size(); i++) {
                int ch = channels.get(i);
                names.add(ch == unattributed ? Report.UNATTRIBUTED : data.channelName(ch));
                for (int k = 0; k < m; k++) {
                    amounts[i][k] = sums[k][cur][ch];
                }
            }
            ComparisonTable.Replicates reps = null;
            if (intervals != null) {
                int replicateCount = intervals.replicates();
                long[][][] repAmounts = new long[replicateCount][channels.size()][m];
                long[] repTotals = new long[replicateCount];
                for (int b = 0; b < replicateCount; b++) {
                    repTotals[b] = totals[b][cur];
                    for (int i = 0; i < channels.size(); i++) {
                        for (int k = 0; k < m; k++) {
                            repAmounts[b][i][k] = replicates[k][b][cur][channels.get(i)];
                        }
                    }
                }
                reps = new ComparisonTable.Replicates(intervals, repAmounts, repTotals);
            }
            tables.add(new ComparisonTable(data.currencies().get(cur), basis, models, names, amounts, reps));
        }
        return new Comparison(basis, models, tables, intervals, removal);
    }

    /** What the shares are shares of. */
    public Basis basis() {
        return basis;
    }

    /** The models' names, in the order given. */
    public List<String> models() {
        return models;
    }

    /** One table per currency with a positive basis total, sorted by currency code. */
    public List<ComparisonTable> tables() {
        return tables;
    }

    /**
     * The table of {@code currency}.
     *
     * @throws NoSuchElementException if there is none (no amount in that currency)
     */
    public ComparisonTable table(Currency currency) {
        for (ComparisonTable t : tables) {
            if (t.currency().equals(currency)) {
                return t;
            }
        }
        throw new NoSuchElementException("no " + basis.description() + " in " + currency + " to compare");
    }

    /** The bootstrap settings, or null when run without intervals. */
    public Bootstrap.Settings intervals() {
        return intervals;
    }

    /**
     * Every markov model's removal effects with their intervals (models in the order given, channels
     * by name); empty without intervals.
     */
    public List<RemovalEffect> removalEffects() {
        return removalEffects;
    }

    /** The columns {@link #writeCsv} adds after {@link #columns()} when run with intervals. */
    public static List<String> intervalColumns() {
        return List.of("amount_low", "amount_high", "share_low", "share_high", "spread_low", "spread_high");
    }

    private List<String> shareColumns() {
        if (intervals == null) {
            return columns();
        }
        List<String> c = new ArrayList<>(columns());
        c.addAll(intervalColumns());
        return c;
    }

    private List<String> correlationColumnsUsed() {
        if (intervals == null) {
            return correlationColumns();
        }
        List<String> c = new ArrayList<>(correlationColumns());
        c.add("spearman_low");
        c.add("spearman_high");
        return c;
    }

    /** The columns of {@link #writeCsv}. */
    public static List<String> columns() {
        return List.of("basis", "currency", "channel", "model", "amount", "share", "spread");
    }

    /** The columns of {@link #writeCorrelationsCsv}. */
    public static List<String> correlationColumns() {
        return List.of("basis", "currency", "model_a", "model_b", "spearman");
    }

    /** Writes the shares as CSV: a header, then one record per channel per model per currency. */
    public void writeCsv(Appendable out) throws IOException {
        Objects.requireNonNull(out, "out must not be null");
        Formats.csvLine(out, shareColumns());
        for (ComparisonTable t : tables) {
            for (List<String> row : t.shareRows()) {
                Formats.csvLine(out, row);
            }
        }
    }

    /** Writes the rank correlations as CSV: a header, then one record per pair of models per currency. */
    public void writeCorrelationsCsv(Appendable out) throws IOException {
        Objects.requireNonNull(out, "out must not be null");
        Formats.csvLine(out, correlationColumnsUsed());
        for (ComparisonTable t : tables) {
            for (List<String> row : t.correlationRows()) {
                Formats.csvLine(out, row);
            }
        }
    }

    /** The shares CSV as a string. */
    public String toCsv() {
        StringBuilder b = new StringBuilder();
        try {
            writeCsv(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    /**
     * Writes {@code {"shares": [...], "correlations": [...]}}: objects with the CSV column names; basis,
     * currency, channel and model names as strings, the rest as JSON numbers or {@code null}.
     */
    public void writeJson(Appendable out) throws IOException {
        Objects.requireNonNull(out, "out must not be null");
        out.append("{\"shares\":[");
        String sep = "\n";
        for (ComparisonTable t : tables) {
            for (List<String> row : t.shareRows()) {
                out.append(sep).append(Formats.jsonObject(shareColumns(), row, 4));
                sep = ",\n";
            }
        }
        out.append("\n],\"correlations\":[");
        sep = "\n";
        for (ComparisonTable t : tables) {
            for (List<String> row : t.correlationRows()) {
                out.append(sep).append(Formats.jsonObject(correlationColumnsUsed(), row, 4));
                sep = ",\n";
            }
        }
        if (intervals == null) {
            out.append("\n]}\n");
            return;
        }
        out.append("\n],\"removal_effects\":[");
        sep = "\n";
        List<String> names = List.of("model", "channel", "removal_effect", "removal_effect_low", "removal_effect_high");
        for (RemovalEffect r : removalEffects) {
            out.append(sep)
                    .append(Formats.jsonObject(
                            names,
                            List.of(
                                    r.model(),
                                    r.channel(),
                                    ComparisonTable.decimal(r.removalEffect(), 6),
                                    ComparisonTable.decimal(r.low(), 6),
                                    ComparisonTable.decimal(r.high(), 6)),
                            2));
            sep = ",\n";
        }
        out.append("\n],\"intervals\":{\"level\":")
                .append(intervals.levelText())
                .append(",\"replicates\":")
                .append(String.valueOf(intervals.replicates()))
                .append(",\"seed\":")
                .append(String.valueOf(intervals.seed()))
                .append("}}\n");
    }

    /** The JSON form as a string. */
    public String toJson() {
        StringBuilder b = new StringBuilder();
        try {
            writeJson(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    /**
     * The comparison for a terminal: per currency, the share table (channels by model, with the spread
     * in percentage points) and the rank-correlation matrix, for a terminal of 100 columns ({@link
     * #toText(int)}).
     */
    public String toText() {
        return toText(TextTable.DEFAULT_WIDTH);
    }

    /**
     * The comparison for a terminal {@code width} code points wide: a table wider than that is shown as
     * several blocks of models, one under the other, each starting with the channel (or model) column,
     * instead of lines that wrap. Amounts are grouped by thousands ({@code 4,406,059.21}).
     *
     * @throws IllegalArgumentException if {@code width} is not positive
     */
    public String toText(int width) {
        if (width <= 0) {
            throw new IllegalArgumentException("width must be positive: " + width);
        }
        if (tables.isEmpty()) {
            return "No " + basis.description() + " to compare"
                    + (basis == Basis.REVENUE ? " (no won opportunities); compare pipeline instead.\n" : ".\n");
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            if (i > 0) {
                b.append('\n');
            }
            b.append(tables.get(i).toText(width));
        }
        if (!removalEffects.isEmpty()) {
            b.append("\nRemoval effects (").append(intervals.describe()).append(")\n");
            TextTable t =
                    new TextTable(List.of("model", "channel", "removal effect"), new boolean[] {false, false, true});
            for (RemovalEffect r : removalEffects) {
                t.add(List.of(
                        r.model(),
                        r.channel(),
                        ComparisonTable.decimal(r.removalEffect(), 3) + " [" + ComparisonTable.decimal(r.low(), 3)
                                + ", " + ComparisonTable.decimal(r.high(), 3) + "]"));
            }
            b.append(t.render());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "Comparison[" + basis.label() + ", models " + models + ", " + tables.size() + " currencies]";
    }
}
