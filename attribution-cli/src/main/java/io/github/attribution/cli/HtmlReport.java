package io.github.attribution.cli;

import io.github.attribution.ModelInfo;
import io.github.attribution.Models;
import io.github.attribution.data.Money;
import io.github.attribution.internal.Escaping;
import io.github.attribution.io.AtomicOutput;
import io.github.attribution.io.Text;
import io.github.attribution.report.Comparison;
import io.github.attribution.report.ComparisonTable;
import io.github.attribution.report.Evaluation;
import io.github.attribution.report.FunnelTable;
import io.github.attribution.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders a {@link Comparison} as one self-contained HTML page: per currency, a grouped bar chart
 * (inline SVG: one group per channel, one bar per model, hover titles with the exact share), the share
 * table with the spread per channel, and the rank-correlation matrix.
 *
 * <p>The page loads nothing: CSS is inline, the chart is inline SVG (HTML5 needs no namespace
 * declaration for it), there are no scripts, fonts, images or addresses of any kind, so it opens the
 * same offline, in a mail attachment or in a sandboxed viewer. Every name is HTML-escaped. The output
 * depends only on the comparison (no timestamps), so the same input gives the same bytes.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /**
     * Writes the page to {@code file} in UTF-8 through {@link AtomicOutput}, so a failure never leaves a
     * partial page.
     */
    public static void write(Comparison comparison, Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        String html = render(comparison);
        try (AtomicOutput out = AtomicOutput.open(file)) {
            out.stream().write(html.getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
    }

    /** The page as a string. */
    public static String render(Comparison comparison) {
        return render(comparison, null);
    }

    /**
     * The page as a string, ending with the funnel view ({@link HtmlFunnel}) when {@code funnel} (a funnel
     * report by channel) is not {@code null}.
     */
    public static String render(Comparison comparison, FunnelTable funnel) {
        return render(comparison, funnel, null);
    }

    /**
     * The page as a string, starting with the leaderboard of {@code evaluation} (the scores of the
     * comparison's models against true shares, {@code evaluate --html}) when it is not {@code null}, and
     * ending with the funnel view when {@code funnel} is not {@code null}.
     */
    public static String render(Comparison comparison, FunnelTable funnel, Evaluation evaluation) {
        Objects.requireNonNull(comparison, "comparison must not be null");
        StringBuilder b = new StringBuilder(32_768);
        head(b);
        intro(b, comparison);
        if (evaluation != null) {
            leaderboard(b, evaluation, comparison);
        }
        if (comparison.tables().isEmpty()) {
            b.append("<section><p>No ")
                    .append(escape(comparison.basis().description()))
                    .append(" to compare.</p></section>\n");
        }
        for (ComparisonTable t : comparison.tables()) {
            View v = new View(t, comparison.tables().size() > 1);
            headline(b, v);
            rangeChart(b, v);
            noise(b, v);
            heatTable(b, v);
            correlations(b, v);
        }
        if (funnel != null) {
            HtmlFunnel.section(b, funnel);
        }
        b.append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    // ---- the parts of the page, in order: each appends one <section> (or the page's head and title)

    private static void head(StringBuilder b) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Attribution model comparison</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
    }

    private static void intro(StringBuilder b, Comparison comparison) {
        int n = comparison.models().size();
        b.append("<header>\n<h1>Attribution model comparison</h1>\n<p class=\"lead\">How ")
                .append(n)
                .append(n == 1 ? " model splits " : " models split ")
                .append(escape(comparison.basis().description()))
                .append(" between channels. Every model credits the same total, exact to the cent; they differ in"
                        + " which touches they reward.</p>\n</header>\n");
    }

    /** Won revenue, the models, and the channels the models disagree on most, with by how much. */
    private static void headline(StringBuilder b, View v) {
        ComparisonTable t = v.table;
        String code = t.currency().getCurrencyCode();
        b.append("<section class=\"headline\" id=\"glance-")
                .append(escape(code.toLowerCase(Locale.ROOT)))
                .append("\">\n<h2>")
                .append(escape(code))
                .append(" at a glance</h2>\n<div class=\"cards\">\n");
        b.append("<div class=\"card\"><div class=\"k\">")
                .append(escape(capitalised(t.basis().description())))
                .append("</div><div class=\"big\"><span class=\"cur\">")
                .append(escape(code))
                .append("</span> ")
                .append(grouped(Money.format(t.total().minor(), t.currency())))
                .append("</div><div class=\"sub\">credited in full by each of ")
                .append(t.models().size())
                .append(t.models().size() == 1 ? " model" : " models")
                .append("</div></div>\n");
        List<Integer> disputed = v.mostDisputed(3);
        for (int rank = 0; rank < disputed.size(); rank++) {
            int c = disputed.get(rank);
            int lo = v.lowest(c);
            int hi = v.highest(c);
            b.append("<div class=\"card dispute\"><div class=\"k\">")
                    .append(rank == 0 ? "Models disagree most on" : "Also disputed")
                    .append("</div><div class=\"big\">")
                    .append(escape(t.channels().get(c)))
                    .append("</div><div class=\"sub\"><strong>")
                    .append(pp(t, c))
                    .append("</strong> apart: ")
                    .append(t.percent(c, lo))
                    .append(" under ")
                    .append(escape(t.models().get(lo)))
                    .append(", ")
                    .append(t.percent(c, hi))
                    .append(" under ")
                    .append(escape(t.models().get(hi)))
                    .append("</div></div>\n");
        }
        int unattributed = t.channels().indexOf(Report.UNATTRIBUTED);
        if (unattributed >= 0) {
            b.append("<div class=\"card\"><div class=\"k\">Without any touch</div><div class=\"big\">")
                    .append(t.percent(unattributed, 0))
                    .append("</div><div class=\"sub\">of ")
                    .append(escape(t.basis().description()))
                    .append(" has no touch to credit (shown as ")
                    .append(escape(Report.UNATTRIBUTED))
                    .append(")</div></div>\n");
        }
        b.append("</div>\n</section>\n");
    }

    /**
     * One row per channel: a bar from the lowest to the highest share any model gives it, and a mark per
     * family of models (their mean share), or per model when there are at most {@link #MAX_MARKED}.
     */
    private static void rangeChart(StringBuilder b, View v) {
        ComparisonTable t = v.table;
        List<Mark> marks = v.marks();
        double max = 0;
        // the interval of each mark, per channel: [channel][mark] = {low, high}
        double[][][] bars = t.hasIntervals() ? new double[t.channels().size()][marks.size()][] : null;
        for (int c = 0; c < t.channels().size(); c++) {
            max = Math.max(max, t.share(c, v.highest(c)));
            for (int i = 0; bars != null && i < marks.size(); i++) {
                bars[c][i] = t.meanShareInterval(c, marks.get(i).models());
                if (!Double.isNaN(bars[c][i][1])) {
                    max = Math.max(max, bars[c][i][1]);
                }
            }
        }
        double step = step(max);
        int ticks = (int) Math.max(1, Math.ceil(max / step - 1e-9));
        double axisMax = ticks * step;
        b.append("<section>\n<h2>Where the models put each channel")
                .append(v.suffix)
                .append("</h2>\n<p class=\"note\">")
                .append(
                        t.models().size() > 1
                                ? "The grey bar runs from the lowest to the highest share any model gives the"
                                        + " channel, a tick per model: the longer the bar, the more the choice of"
                                        + " model matters. "
                                : "")
                .append(
                        marks.size() < t.models().size()
                                ? "Each mark is the average share under one family of models."
                                : "Each mark is one model.")
                .append(
                        bars == null
                                ? ""
                                : " The line through each mark is its "
                                        + escape(t.intervalSettings().levelText()) + "% interval (accounts resampled).")
                .append(" Hover for the numbers.</p>\n<div class=\"legend\">");
        for (int i = 0; i < marks.size(); i++) {
            Mark mark = marks.get(i);
            b.append("<span><i class=\"mk mk")
                    .append(i)
                    .append("\"></i>")
                    .append(escape(mark.label()))
                    .append("</span>");
        }
        if (t.models().size() > 1) {
            b.append("<span><i class=\"rangekey\"><i class=\"md\"></i></i>every model, lowest to highest</span>");
        }
        if (bars != null) {
            b.append("<span><i class=\"ebkey\"></i>")
                    .append(escape(t.intervalSettings().levelText()))
                    .append("% interval</span>");
        }
        b.append("</div>\n<div class=\"rc\" role=\"img\" aria-label=\"")
                .append(escape("Share of " + t.basis().description() + " by channel, lowest to highest over the"
                        + " models, " + t.currency().getCurrencyCode()))
                .append("\" style=\"--ticks:")
                .append(ticks)
                .append("\">\n<div class=\"rc-row rc-axis\"><span class=\"rc-name\"></span><span class=\"rc-plot\">");
        for (int i = 0; i <= ticks; i++) {
            b.append("<span class=\"tick\" style=\"left:")
                    .append(fmt(100.0 * i / ticks))
                    .append("%\">")
                    .append(percentLabel(i * step))
                    .append("</span>");
        }
        b.append("</span><span class=\"rc-val\">spread</span></div>\n");
        for (int c = 0; c < t.channels().size(); c++) {
            String channel = t.channels().get(c);
            int lo = v.lowest(c);
            int hi = v.highest(c);
            b.append("<div class=\"rc-row")
                    .append(channel.equals(Report.UNATTRIBUTED) ? " unattributed" : "")
                    .append("\"><span class=\"rc-name\">")
                    .append(escape(channel))
                    .append("</span><span class=\"rc-plot\">");
            if (t.models().size() > 1) {
                b.append("<span class=\"range\" style=\"left:")
                        .append(fmt(100 * t.share(c, lo) / axisMax))
                        .append("%;width:")
                        .append(fmt(100 * (t.share(c, hi) - t.share(c, lo)) / axisMax))
                        .append("%\" title=\"")
                        .append(escape(channel + ": " + t.percent(c, lo) + " under "
                                + t.models().get(lo) + " to " + t.percent(c, hi) + " under "
                                + t.models().get(hi)))
                        .append("\"></span>");
                for (int k = 0; k < t.models().size(); k++) {
                    b.append("<i class=\"md\" style=\"left:")
                            .append(fmt(100 * t.share(c, k) / axisMax))
                            .append("%\" title=\"")
                            .append(escape(channel + " \u2014 " + t.models().get(k) + ": " + t.percent(c, k)))
                            .append("\"></i>");
                }
            }
            for (int i = 0; i < marks.size(); i++) {
                Mark mark = marks.get(i);
                double share = 0;
                for (int k : mark.models()) {
                    share += t.share(c, k);
                }
                share /= mark.models().size();
                if (bars != null && !Double.isNaN(bars[c][i][0])) {
                    double[] bar = bars[c][i];
                    b.append("<i class=\"eb eb")
                            .append(i)
                            .append("\" style=\"left:")
                            .append(fmt(100 * bar[0] / axisMax))
                            .append("%;width:")
                            .append(fmt(100 * (bar[1] - bar[0]) / axisMax))
                            .append("%;top:calc(50% + ")
                            .append(fmt(4 * (i - (marks.size() - 1) / 2.0)))
                            .append("px)\" title=\"")
                            .append(escape(channel + " \u2014 " + mark.label() + ": " + percent(share) + ", "
                                    + t.intervalSettings().levelText() + "% interval " + percent(bar[0]) + " to "
                                    + percent(bar[1])))
                            .append("\"></i>");
                }
                b.append("<i class=\"mk mk")
                        .append(i)
                        .append("\" style=\"left:")
                        .append(fmt(100 * share / axisMax))
                        .append("%\" title=\"")
                        .append(escape(channel + " \u2014 " + mark.label() + ": " + percent(share)))
                        .append("\"></i>");
            }
            b.append("</span><span class=\"rc-val\">")
                    .append(t.models().size() > 1 ? pp(t, c) : "")
                    .append("</span></div>\n");
        }
        b.append("</div>\n</section>\n");
    }

    /**
     * The channel x model table of shares, models grouped by family, each cell shaded by its share (a
     * single-hue scale, readable in grey and by colour-blind readers), the channel column sticky.
     */
    private static void heatTable(StringBuilder b, View v) {
        ComparisonTable t = v.table;
        double max = 0;
        for (int c = 0; c < t.channels().size(); c++) {
            max = Math.max(max, t.share(c, v.highest(c)));
        }
        b.append("<section>\n<h2>Share of ")
                .append(escape(t.basis().description()))
                .append(" by channel and model, in %")
                .append(v.suffix)
                .append("</h2>\n<p class=\"note\">The percent of ")
                .append(escape(t.basis().description()))
                .append(" each model credits to each channel (each column adds up to 100); darker is more. Spread:"
                        + " the highest share minus the lowest, in percentage points. Hover a share for its"
                        + " amount.")
                .append(
                        t.hasIntervals()
                                ? " Under each figure, its "
                                        + escape(t.intervalSettings().levelText()) + "% interval (low\u2013high)."
                                : "")
                .append("</p>\n")
                .append(
                        "<div class=\"scroll\"><table class=\"heat\">\n<thead><tr class=\"families\">"
                                + "<th class=\"name\" rowspan=\"2\">Channel</th><th class=\"spread\" rowspan=\"2\">Spread (pp)</th>");
        for (Family f : v.families) {
            b.append("<th class=\"fam\" colspan=\"")
                    .append(f.models().size())
                    .append("\">")
                    .append(escape(f.name()))
                    .append("</th>");
        }
        b.append("</tr>\n<tr>");
        for (Family f : v.families) {
            for (int j = 0; j < f.models().size(); j++) {
                b.append(j == 0 ? "<th class=\"first\">" : "<th>")
                        .append(breakable(t.models().get(f.models().get(j))))
                        .append("</th>");
            }
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (int c = 0; c < t.channels().size(); c++) {
            String channel = t.channels().get(c);
            b.append(channel.equals(Report.UNATTRIBUTED) ? "<tr class=\"unattributed\">" : "<tr>")
                    .append("<th class=\"name\" scope=\"row\">")
                    .append(escape(channel))
                    .append("</th><td class=\"spread\">")
                    .append(t.spreadDecimal(c, 3).movePointRight(2).toPlainString())
                    .append(t.hasIntervals() ? range(t.spreadInterval(c)) : "")
                    .append("</td>");
            for (Family f : v.families) {
                for (int j = 0; j < f.models().size(); j++) {
                    int k = f.models().get(j);
                    double level = max == 0 ? 0 : t.share(c, k) / max;
                    b.append("<td")
                            .append(j == 0 ? " class=\"first\"" : "")
                            .append(" style=\"background:")
                            .append(heatColour(level))
                            .append(level > 0.55 ? ";color:#fff" : "")
                            .append("\" title=\"")
                            .append(escape(channel + " \u2014 " + t.models().get(k) + ": " + t.amount(c, k)))
                            .append("\">")
                            .append(t.shareDecimal(c, k, 3).movePointRight(2).toPlainString())
                            .append(t.hasIntervals() ? range(t.shareInterval(c, k)) : "")
                            .append("</td>");
                }
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table></div>\n</section>\n");
    }

    /**
     * Which channels' highest and lowest model differ by more than their noise (the interval of the
     * difference of their shares lies above 0), with the difference and its interval; the others in one
     * line. Only with intervals and at least two models.
     */
    private static void noise(StringBuilder b, View v) {
        ComparisonTable t = v.table;
        if (!t.hasIntervals() || t.models().size() < 2) {
            return;
        }
        List<String> within = new ArrayList<>();
        StringBuilder beyond = new StringBuilder();
        int count = 0;
        for (int c = 0; c < t.channels().size(); c++) {
            int[] e = t.extremeModels(c);
            if (e[0] == e[1] || !t.exceedsNoise(c)) {
                within.add(t.channels().get(c));
                continue;
            }
            count++;
            double[] d = t.differenceInterval(c, e[0], e[1]);
            beyond.append("<li><strong>")
                    .append(escape(t.channels().get(c)))
                    .append("</strong>: ")
                    .append(escape(t.models().get(e[0])))
                    .append(" ")
                    .append(t.percent(c, e[0]))
                    .append(" vs ")
                    .append(escape(t.models().get(e[1])))
                    .append(" ")
                    .append(t.percent(c, e[1]))
                    .append(", a difference of ")
                    .append(ComparisonTable.decimal((t.share(c, e[0]) - t.share(c, e[1])) * 100, 1))
                    .append("&nbsp;pp [")
                    .append(ComparisonTable.decimal(d[0] * 100, 1))
                    .append(", ")
                    .append(ComparisonTable.decimal(d[1] * 100, 1))
                    .append("]</li>\n");
        }
        b.append("<section class=\"noise\">\n<h2>Which differences are larger than the noise?")
                .append(v.suffix)
                .append("</h2>\n<p class=\"note\">")
                .append(escape(t.intervalSettings().describe()))
                .append(". A channel&rsquo;s models differ by more than their noise when the interval of the highest"
                        + " model&rsquo;s share minus the lowest model&rsquo;s share lies above 0.</p>\n");
        if (count == 0) {
            b.append("<p>On no channel do the highest and lowest model differ by more than their noise.</p>\n");
        } else {
            b.append("<p>On ")
                    .append(count)
                    .append(" of ")
                    .append(t.channels().size())
                    .append(" channels the highest and lowest model differ by more than their noise:</p>\n<ul>\n")
                    .append(beyond)
                    .append("</ul>\n");
        }
        if (!within.isEmpty() && count > 0) {
            b.append("<p>Within the noise: ");
            for (int i = 0; i < within.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(escape(within.get(i)));
            }
            b.append(".</p>\n");
        }
        b.append("</section>\n");
    }

    /** The leaderboard of {@code evaluate --html}: the models ranked by their error against the truth. */
    private static void leaderboard(StringBuilder b, Evaluation evaluation, Comparison comparison) {
        ComparisonTable t = comparison.tables().get(0);
        boolean intervals = t.hasIntervals();
        b.append("<section class=\"leaderboard\">\n<h2>Leaderboard against the true channel shares</h2>\n"
                        + "<p class=\"note\">The mean absolute error of each model&rsquo;s channel shares against the"
                        + " true shares, in percentage points (smaller is better), the channel it misses most (its share"
                        + " minus the true share) and Spearman&rsquo;s rank correlation with the truth.")
                .append(intervals ? " " + escape(t.intervalSettings().describe()) + "." : "")
                .append("</p>\n<div class=\"scroll\"><table class=\"board\">\n<thead><tr><th>Rank</th>"
                        + "<th class=\"name\">Model</th><th>Error (pp)</th><th class=\"text\">Worst channel</th>"
                        + "<th>Its error (pp)</th><th>Spearman</th></tr></thead>\n<tbody>\n");
        for (Evaluation.Row r : evaluation.rows()) {
            b.append("<tr><td>")
                    .append(r.rank())
                    .append("</td><th class=\"name\" scope=\"row\">")
                    .append(escape(r.model()))
                    .append("</th><td>")
                    .append(ComparisonTable.decimal(r.maePp(), 1));
            if (r.maeInterval() != null) {
                b.append(" <span class=\"ci\">[")
                        .append(ComparisonTable.decimal(r.maeInterval()[0], 1))
                        .append(", ")
                        .append(ComparisonTable.decimal(r.maeInterval()[1], 1))
                        .append("]</span>");
            }
            String rho = ComparisonTable.decimal(r.spearman(), 2);
            b.append("</td><td class=\"text\">")
                    .append(escape(r.worstChannel()))
                    .append("</td><td>")
                    .append(r.worstErrorPp() > 0 ? "+" : "")
                    .append(ComparisonTable.decimal(r.worstErrorPp(), 1).replace("-", "\u2212"))
                    .append("</td><td>")
                    .append(rho.isEmpty() ? "n/a" : rho.replace("-", "\u2212"));
            if (!rho.isEmpty() && r.spearmanInterval() != null && !Double.isNaN(r.spearmanInterval()[0])) {
                b.append(" <span class=\"ci\">[")
                        .append(ComparisonTable.decimal(r.spearmanInterval()[0], 2)
                                .replace("-", "\u2212"))
                        .append(", ")
                        .append(ComparisonTable.decimal(r.spearmanInterval()[1], 2)
                                .replace("-", "\u2212"))
                        .append("]</span>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n</section>\n");
    }

    /**
     * An interval of fractions under a table figure: {@code 17.9–19.4} (percent), which may break after
     * the dash when the table is short of room; nothing when undefined.
     */
    private static String range(double[] interval) {
        if (Double.isNaN(interval[0])) {
            return "";
        }
        return "<span class=\"ci\">" + ComparisonTable.decimal(interval[0] * 100, 1) + "\u2013<wbr>"
                + ComparisonTable.decimal(interval[1] * 100, 1) + "</span>";
    }

    /** The rank-correlation matrix, folded away: most readers need it last, if at all. */
    private static void correlations(StringBuilder b, View v) {
        ComparisonTable t = v.table;
        List<String> models = t.models();
        if (models.size() < 2) {
            return;
        }
        b.append("<section>\n<details>\n<summary><h2>Do the models rank the channels alike?")
                .append(v.suffix)
                .append("</h2></summary>\n"
                        + "<p class=\"note\">Spearman&rsquo;s rank correlation of the channels&rsquo; order under each pair"
                        + " of models (tied shares get average ranks; the unattributed row is left out): 1 means the same"
                        + " order, 0 unrelated, &minus;1 reversed.</p>\n");
        b.append("<div class=\"scroll\"><table class=\"corr\">\n<thead><tr><th class=\"name\"></th>");
        for (Family f : v.families) {
            for (int k : f.models()) {
                b.append("<th>").append(breakable(models.get(k))).append("</th>");
            }
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (Family fa : v.families) {
            for (int a : fa.models()) {
                b.append("<tr><th class=\"name\" scope=\"row\">")
                        .append(escape(models.get(a)))
                        .append("</th>");
                for (Family f : v.families) {
                    for (int k : f.models()) {
                        double rho = t.spearman(a, k);
                        if (Double.isNaN(rho)) {
                            b.append("<td class=\"na\">n/a</td>");
                        } else {
                            b.append("<td style=\"background:")
                                    .append(corrColour(rho))
                                    .append(Math.abs(rho) > 0.7 ? ";color:#fff" : "")
                                    .append("\">")
                                    .append(ComparisonTable.decimal(rho, 2).replace("-", "\u2212"))
                                    .append("</td>");
                        }
                    }
                }
                b.append("</tr>\n");
            }
        }
        b.append("</tbody>\n</table></div>\n</details>\n</section>\n");
    }

    // ---- what the parts share

    /** The most marks the chart shows one per model; with more models it shows one per family. */
    static final int MAX_MARKED = 5;

    /** A family of models (single-touch, multi-touch, data-driven, or other) and its models' indices. */
    record Family(String name, List<Integer> models) {}

    /** One mark of the chart: a label and the models whose mean share it shows. */
    record Mark(String label, List<Integer> models) {}

    /** A table with its models grouped by family and each channel's lowest and highest model. */
    private static final class View {
        final ComparisonTable table;
        final List<Family> families;

        /** Added to section titles when the page has a table per currency: {@code  (USD)}. */
        final String suffix;

        View(ComparisonTable table, boolean severalCurrencies) {
            this.table = table;
            this.suffix = severalCurrencies ? " (" + escape(table.currency().getCurrencyCode()) + ")" : "";
            this.families = families(table.models());
        }

        /** The model giving channel {@code c} its lowest share (the first such). */
        int lowest(int c) {
            int best = 0;
            for (int k = 1; k < table.models().size(); k++) {
                if (table.amount(c, k).minor() < table.amount(c, best).minor()) {
                    best = k;
                }
            }
            return best;
        }

        /** The model giving channel {@code c} its highest share (the first such). */
        int highest(int c) {
            int best = 0;
            for (int k = 1; k < table.models().size(); k++) {
                if (table.amount(c, k).minor() > table.amount(c, best).minor()) {
                    best = k;
                }
            }
            return best;
        }

        /** Up to {@code n} channels with a positive spread, largest first (ties in channel order). */
        List<Integer> mostDisputed(int n) {
            List<Integer> channels = new ArrayList<>();
            if (table.models().size() < 2) {
                return channels;
            }
            for (int c = 0; c < table.channels().size(); c++) {
                if (table.spreadDecimal(c, 6).signum() > 0) {
                    channels.add(c);
                }
            }
            channels.sort((x, y) -> {
                int cmp = table.spreadDecimal(y, 6).compareTo(table.spreadDecimal(x, 6));
                return cmp != 0 ? cmp : Integer.compare(x, y);
            });
            return channels.subList(0, Math.min(n, channels.size()));
        }

        /** One mark per model when there are few, else one per family. */
        List<Mark> marks() {
            List<Mark> marks = new ArrayList<>();
            if (table.models().size() <= MAX_MARKED) {
                for (int k = 0; k < table.models().size(); k++) {
                    marks.add(new Mark(table.models().get(k), List.of(k)));
                }
            } else {
                for (Family f : families) {
                    int n = f.models().size();
                    marks.add(new Mark(
                            f.name()
                                    + (n == 1
                                            ? " ("
                                                    + table.models()
                                                            .get(f.models().get(0)) + ")"
                                            : " (mean of " + n + ")"),
                            f.models()));
                }
            }
            return marks;
        }
    }

    /** The models grouped by family in catalog family order (unknown names last), in the given order within. */
    static List<Family> families(List<String> models) {
        List<String> order = new ArrayList<>();
        java.util.Map<String, String> familyOf = new java.util.HashMap<>();
        for (ModelInfo m : Models.catalog()) {
            familyOf.put(m.name(), m.family().label());
            if (!order.contains(m.family().label())) {
                order.add(m.family().label());
            }
        }
        order.add("other");
        java.util.Map<String, List<Integer>> members = new java.util.LinkedHashMap<>();
        for (String f : order) {
            members.put(f, new ArrayList<>());
        }
        for (int k = 0; k < models.size(); k++) {
            String name = models.get(k);
            int colon = name.indexOf(':');
            String base = (colon < 0 ? name : name.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
            members.get(familyOf.getOrDefault(base, "other")).add(k);
        }
        List<Family> families = new ArrayList<>();
        members.forEach((name, ks) -> {
            if (!ks.isEmpty()) {
                families.add(new Family(name, List.copyOf(ks)));
            }
        });
        return families;
    }

    /** A tick step giving at most 6 gridlines up to {@code max}. */
    private static double step(double max) {
        double[] steps = {0.01, 0.02, 0.05, 0.1, 0.2, 0.25};
        for (double s : steps) {
            if (max / s <= 6) {
                return s;
            }
        }
        return 0.25;
    }

    /**
     * A model name for a column header: cut after its hyphens, colons and commas into lines of at most 8
     * characters (or its longest part), so columns stay narrow and no word is ever broken.
     */
    static String breakable(String name) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c == '-' || c == ':' || c == ',') && i + 1 < name.length()) {
                parts.add(name.substring(start, i + 1));
                start = i + 1;
            }
        }
        parts.add(name.substring(start));
        int max = 8;
        for (String part : parts) {
            max = Math.max(max, part.length());
        }
        StringBuilder b = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String part : parts) {
            // a part of one or two characters (the j of inverse-j) stays on its line
            if (line.length() > 0 && line.length() + part.length() > max && part.length() > 2) {
                b.append("<span class=\"nw\">").append(escape(line.toString())).append("</span><br>");
                line.setLength(0);
            }
            line.append(part);
        }
        return b.append("<span class=\"nw\">")
                .append(escape(line.toString()))
                .append("</span>")
                .toString();
    }

    private static String pp(ComparisonTable t, int c) {
        return t.spreadDecimal(c, 3).movePointRight(2).toPlainString() + "&nbsp;pp";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String percent(double share) {
        return java.math.BigDecimal.valueOf(share * 100)
                        .setScale(1, java.math.RoundingMode.HALF_UP)
                        .toPlainString() + "%";
    }

    /** Light to dark blue (a single hue: ordered in lightness, so colour-blind and grey-print safe). */
    private static String heatColour(double level) {
        double l = Math.max(0, Math.min(1, level));
        int[] from = {247, 251, 255};
        int[] to = {8, 69, 148};
        return String.format(
                Locale.ROOT,
                "#%02x%02x%02x",
                Math.round(from[0] + (to[0] - from[0]) * l),
                Math.round(from[1] + (to[1] - from[1]) * l),
                Math.round(from[2] + (to[2] - from[2]) * l));
    }

    /** Blue for positive, orange for negative correlation (a colour-blind-safe pair), stronger with size. */
    private static String corrColour(double rho) {
        double a = Math.min(1, Math.abs(rho));
        int[] to = rho >= 0 ? new int[] {33, 102, 172} : new int[] {179, 88, 6};
        return String.format(
                Locale.ROOT,
                "#%02x%02x%02x",
                Math.round(255 + (to[0] - 255) * a),
                Math.round(255 + (to[1] - 255) * a),
                Math.round(255 + (to[2] - 255) * a));
    }

    /** {@code 1262060.00} as {@code 1,262,060.00}, for reading; digits only, so nothing to escape. */
    static String grouped(String plain) {
        return Text.grouped(plain);
    }

    private static String percentLabel(double share) {
        return java.math.BigDecimal.valueOf(share * 100)
                        .setScale(0, java.math.RoundingMode.HALF_UP)
                        .toPlainString() + "%";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Escapes {@code & < > " '} for HTML text and attribute values. */
    static String escape(String s) {
        return Escaping.html(s); // the one HTML escaping: entities, and control and bidi characters shown
    }

    private static final String CSS = String.join(
            "\n",
            "*, *::before, *::after { box-sizing: border-box; }",
            "body { margin: 0; background: #f4f5f7; color: #1d2330; overflow-wrap: normal; word-break: normal;",
            "  hyphens: manual; font: 14px/1.45 system-ui, -apple-system, \"Segoe UI\", Roboto, Helvetica, Arial,"
                    + " sans-serif; }",
            "main { max-width: 1600px; margin: 0 auto; padding: 20px 20px 40px; }",
            "header h1 { font-size: 24px; margin: 0 0 4px; }",
            "p.lead { color: #4a5263; margin: 0 0 16px; max-width: 860px; }",
            "h2 { font-size: 18px; margin: 0 0 6px; }",
            "p.note { color: #4a5263; margin: 0 0 10px; max-width: 900px; }",
            "section { background: #fff; border: 1px solid #dde1e7; border-radius: 8px; padding: 16px 20px;",
            "  margin-bottom: 18px; min-width: 0; }",
            ".cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px;"
                    + " margin-top: 10px; }",
            ".card { border: 1px solid #e3e6eb; border-radius: 6px; padding: 10px 14px; background: #fafbfc; }",
            ".card .k { color: #5d6576; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }",
            ".card .cur { font-size: 15px; font-weight: 600; color: #4a5263; }",
            ".nw { white-space: nowrap; }",
            "td.first, th.first { padding-left: 6px; }",
            ".card .big { font-size: 20px; font-weight: 650; margin: 2px 0; font-variant-numeric: tabular-nums; }",
            ".card .sub { color: #4a5263; font-size: 13px; }",
            ".card.dispute { border-left: 4px solid #d55e00; }",
            ".legend { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 4px 0 12px; font-size: 13px; }",
            ".legend span { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }",
            ".legend .mk { position: static; transform: none; }",
            ".rangekey { position: relative; display: inline-block; width: 28px; height: 10px; border-radius: 5px;",
            "  background: #cfd4dc; }",
            ".rangekey .md { left: 60%; }",
            ".md { position: absolute; top: 50%; width: 2px; height: 10px; margin: -5px 0 0 -1px; background: #6b7280;",
            "  display: inline-block; }",
            ".rc { display: grid; grid-template-columns: minmax(90px, 170px) minmax(0, 1fr) 64px; font-size: 13px; }",
            ".rc-row { display: contents; }",
            ".rc-name { padding: 6px 12px 6px 0; align-self: center; }",
            ".rc-val { padding: 6px 0 6px 10px; text-align: right; align-self: center; color: #4a5263;",
            "  font-variant-numeric: tabular-nums; white-space: nowrap; }",
            ".rc-plot { position: relative; min-height: 32px; border-left: 1px solid #9aa1ad;",
            "  background: linear-gradient(to right, #e3e6eb 1px, transparent 1px) 0 0 /"
                    + " calc(100% / var(--ticks)) 100% repeat-x; }",
            ".rc-axis .rc-plot { min-height: 22px; border-left-color: transparent; background: none; }",
            ".rc-axis .rc-val { font-size: 12px; }",
            ".tick { position: absolute; bottom: 2px; transform: translateX(-50%); color: #5d6576; font-size: 12px; }",
            ".tick:first-child { transform: none; }",
            ".tick:last-child { transform: translateX(-100%); }",
            ".range { position: absolute; top: 50%; height: 10px; margin-top: -5px; min-width: 2px;",
            "  border-radius: 5px; background: #cfd4dc; }",
            ".mk { position: absolute; top: 50%; width: 13px; height: 13px; transform: translate(-50%, -50%);",
            "  display: inline-block; border: 1.5px solid #fff; box-sizing: content-box; }",
            ".mk0 { background: #0072b2; border-radius: 50%; }",
            ".mk1 { background: #e69f00; }",
            ".mk2 { background: #009e73; transform: translate(-50%, -50%) rotate(45deg); width: 11px; height: 11px; }",
            ".legend .mk2 { transform: rotate(45deg); }",
            ".mk3 { background: #cc79a7; border-radius: 50%; width: 9px; height: 9px; border: 3px solid #cc79a7; }",
            ".mk4 { background: #d55e00; clip-path: polygon(50% 0, 100% 100%, 0 100%); border: 0;"
                    + " width: 15px; height: 14px; }",
            ".unattributed .rc-name, tr.unattributed th, tr.unattributed td { color: #6b7280; font-style: italic; }",
            ".scroll { overflow-x: auto; max-width: 100%; }",
            "table { border-collapse: separate; border-spacing: 0; font-variant-numeric: tabular-nums; }",
            "th, td { padding: 5px 4px; text-align: right; border-bottom: 1px solid #eceef2; white-space: nowrap; }",
            "thead th { font-weight: 600; font-size: 12px; background: #f1f3f6; white-space: normal;",
            "  vertical-align: bottom; min-width: 44px; }",
            "tr.families th.fam { text-align: center; text-transform: uppercase; letter-spacing: .05em;",
            "  color: #4a5263; border-left: 2px solid #fff; border-bottom: 2px solid #c9ced6; }",
            "th.first, td.first { border-left: 2px solid #fff; }",
            "th.name { text-align: left; position: sticky; left: 0; z-index: 1; background: #fff; padding: 5px 8px;",
            "  white-space: normal; min-width: 96px; max-width: 150px;",
            "  font-weight: 600; box-shadow: 1px 0 0 #dde1e7; }",
            "thead th.name { background: #f1f3f6; z-index: 2; }",
            "table.heat { width: 100%; }",
            "table.heat td { font-size: 13px; }",
            "td.spread { font-weight: 650; background: #fff3e8; }",
            "thead th.spread { background: #fde6d2; }",
            "td.na { color: #9aa1ad; }",
            "details summary { cursor: pointer; list-style-position: outside; }",
            "details summary h2 { display: inline; }",
            "details[open] summary { margin-bottom: 8px; }",
            "table.corr td { min-width: 44px; font-size: 12px; }",
            "h3 { font-size: 15px; margin: 16px 0 6px; }",
            ".eb { position: absolute; height: 7px; margin-top: -3.5px; min-width: 2px; border-left: 1.5px solid;",
            "  border-right: 1.5px solid; background: linear-gradient(currentColor, currentColor) center / 100% 1.5px",
            "  no-repeat; opacity: .85; }",
            ".eb0 { color: #0072b2; } .eb1 { color: #e69f00; } .eb2 { color: #009e73; } .eb3 { color: #cc79a7; }",
            ".eb4 { color: #d55e00; }",
            ".ebkey { display: inline-block; width: 28px; height: 8px; border-left: 1.5px solid #4a5263;",
            "  border-right: 1.5px solid #4a5263; background: linear-gradient(#4a5263, #4a5263) center / 100% 1.5px"
                    + " no-repeat; }",
            "table.heat .ci { display: block; font-size: 10.5px; opacity: .8; white-space: normal; }",
            "table.board .ci { font-size: 12px; color: #5d6576; }",
            "table.board td.text, table.board th.text { text-align: left; }",
            "section.noise ul { margin: 4px 0 8px; padding-left: 20px; }",
            "section.noise li { margin: 2px 0; }",
            "tr.total td { font-weight: 600; border-top: 2px solid #dde1e7; }",
            "@media (max-width: 600px) {",
            "  main { padding: 12px 10px 28px; }",
            "  section { padding: 12px 12px; }",
            "  .rc { grid-template-columns: minmax(0, 1fr) 52px; font-size: 13px; }",
            "  .rc-name { grid-column: 1 / -1; padding: 6px 0 0; }",
            "  .rc-axis .rc-name { display: none; }",
            "  .rc-plot { min-height: 24px; }",
            "  .card .big { font-size: 19px; }",
            "}",
            "");
}
