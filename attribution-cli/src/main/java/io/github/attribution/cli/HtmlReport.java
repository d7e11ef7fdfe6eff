package io.github.attribution.cli;

import io.github.attribution.data.Money;
import io.github.attribution.internal.Escaping;
import io.github.attribution.io.AtomicOutput;
import io.github.attribution.report.Comparison;
import io.github.attribution.report.ComparisonTable;
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
    /** Bar colours, one per model in order (cycled past 16): distinguishable and print-safe. */
    private static final String[] PALETTE = {
        "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
        "#9c755f", "#1f3b73", "#8cd17d", "#b6992d", "#d37295", "#499894", "#86bcb6", "#79706e"
    };

    private static final int WIDTH = 1160;
    private static final int CHART_HEIGHT = 380;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final double CHAR_WIDTH = 7.2; // average glyph width of 13px sans-serif

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
        Objects.requireNonNull(comparison, "comparison must not be null");
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Attribution model comparison</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n<h1>Attribution model comparison</h1>\n");
        b.append("<p class=\"lead\">Share of ")
                .append(escape(comparison.basis().description()))
                .append(" credited to each channel under ")
                .append(comparison.models().size())
                .append(comparison.models().size() == 1 ? " model" : " models")
                .append(". Credits are exact to the minor unit and add up to the same total under every model;"
                        + " the spread is the highest share minus the lowest.</p>\n");
        if (comparison.tables().isEmpty()) {
            b.append("<p>No ").append(escape(comparison.basis().description())).append(" to compare.</p>\n");
        }
        for (ComparisonTable t : comparison.tables()) {
            section(b, t);
        }
        if (funnel != null) {
            HtmlFunnel.section(b, funnel);
        }
        b.append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void section(StringBuilder b, ComparisonTable t) {
        String code = t.currency().getCurrencyCode();
        b.append("<section>\n<h2>")
                .append(escape(code))
                .append(" &middot; ")
                .append(escape(t.basis().description()))
                .append(" ")
                .append(grouped(Money.format(t.total().minor(), t.currency())))
                .append("</h2>\n");
        int disputed = t.mostDisputedChannel();
        if (t.models().size() > 1 && disputed >= 0) {
            b.append("<p>Models disagree most on <strong>")
                    .append(escape(t.channels().get(disputed)))
                    .append("</strong>: ")
                    .append(t.spreadDecimal(disputed, 3).movePointRight(2).toPlainString())
                    .append(" percentage points between the highest and the lowest share.</p>\n");
        }
        chart(b, t);
        shareTable(b, t);
        correlationTable(b, t);
        b.append("</section>\n");
    }

    // ---- chart

    private static void chart(StringBuilder b, ComparisonTable t) {
        List<String> models = t.models();
        List<String> channels = t.channels();
        int m = models.size();
        int n = channels.size();
        // legend rows
        List<int[]> legend = new ArrayList<>(); // {x, row} per model
        int x = LEFT;
        int row = 0;
        for (String model : models) {
            int w = 18 + (int) Math.ceil(model.length() * CHAR_WIDTH) + 22;
            if (x + w > WIDTH - RIGHT && x > LEFT) {
                row++;
                x = LEFT;
            }
            legend.add(new int[] {x, row});
            x += w;
        }
        int legendHeight = (row + 1) * 22;
        int top = legendHeight + 24;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double group = plotWidth / Math.max(1, n);
        List<List<String>> labels = new ArrayList<>();
        int labelLines = 1;
        for (String channel : channels) {
            List<String> lines = wrap(channel, group - 6);
            labels.add(lines);
            labelLines = Math.max(labelLines, lines.size());
        }
        int bottom = 16 + labelLines * 16;
        int height = top + CHART_HEIGHT + bottom;
        double max = 0;
        for (int c = 0; c < n; c++) {
            for (int k = 0; k < m; k++) {
                max = Math.max(max, t.share(c, k));
            }
        }
        double step = step(max);
        int ticks = (int) Math.max(1, Math.ceil(max / step - 1e-9));
        double axisMax = ticks * step;

        b.append("<figure>\n<svg class=\"chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(escape("Share of " + t.basis().description() + " by channel and model, "
                        + t.currency().getCurrencyCode()))
                .append("\">\n");
        for (int k = 0; k < m; k++) {
            int[] pos = legend.get(k);
            int ly = 14 + pos[1] * 22;
            b.append("<rect x=\"")
                    .append(pos[0])
                    .append("\" y=\"")
                    .append(ly - 11)
                    .append("\" width=\"13\" height=\"13\" rx=\"2\" fill=\"")
                    .append(color(k))
                    .append("\"/><text class=\"legend\" x=\"")
                    .append(pos[0] + 18)
                    .append("\" y=\"")
                    .append(ly)
                    .append("\">")
                    .append(escape(models.get(k)))
                    .append("</text>\n");
        }
        for (int i = 0; i <= ticks; i++) {
            double y = top + CHART_HEIGHT - CHART_HEIGHT * (i * step) / axisMax;
            b.append("<line class=\"")
                    .append(i == 0 ? "axis" : "grid")
                    .append("\" x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y1=\"")
                    .append(fmt(y))
                    .append("\" y2=\"")
                    .append(fmt(y))
                    .append("\"/><text class=\"tick\" x=\"")
                    .append(LEFT - 8)
                    .append("\" y=\"")
                    .append(fmt(y + 4))
                    .append("\">")
                    .append(percentLabel(i * step))
                    .append("</text>\n");
        }
        double inner = group * 0.8;
        double bar = inner / Math.max(1, m);
        boolean values = bar >= 30;
        for (int c = 0; c < n; c++) {
            double gx = LEFT + c * group;
            if (c % 2 == 1) {
                b.append("<rect class=\"band\" x=\"")
                        .append(fmt(gx))
                        .append("\" y=\"")
                        .append(top)
                        .append("\" width=\"")
                        .append(fmt(group))
                        .append("\" height=\"")
                        .append(CHART_HEIGHT)
                        .append("\"/>\n");
            }
            for (int k = 0; k < m; k++) {
                double share = t.share(c, k);
                double h = CHART_HEIGHT * share / axisMax;
                double bx = gx + (group - inner) / 2 + k * bar;
                double by = top + CHART_HEIGHT - h;
                b.append("<rect x=\"")
                        .append(fmt(bx + 0.5))
                        .append("\" y=\"")
                        .append(fmt(by))
                        .append("\" width=\"")
                        .append(fmt(Math.max(1, bar - 1)))
                        .append("\" height=\"")
                        .append(fmt(h))
                        .append("\" fill=\"")
                        .append(color(k))
                        .append("\"><title>")
                        .append(escape(channels.get(c) + " \u2014 " + models.get(k) + ": " + t.percent(c, k) + " ("
                                + t.amount(c, k) + ")"))
                        .append("</title></rect>\n");
                if (values) {
                    b.append("<text class=\"value\" x=\"")
                            .append(fmt(bx + bar / 2))
                            .append("\" y=\"")
                            .append(fmt(by - 4))
                            .append("\">")
                            .append(t.shareDecimal(c, k, 3)
                                    .movePointRight(2)
                                    .setScale(0, java.math.RoundingMode.HALF_UP))
                            .append("%</text>\n");
                }
            }
            List<String> lines = labels.get(c);
            b.append("<text class=\"label\" x=\"")
                    .append(fmt(gx + group / 2))
                    .append("\" y=\"")
                    .append(top + CHART_HEIGHT + 20)
                    .append("\">");
            for (int i = 0; i < lines.size(); i++) {
                b.append("<tspan x=\"")
                        .append(fmt(gx + group / 2))
                        .append("\" dy=\"")
                        .append(i == 0 ? 0 : 16)
                        .append("\">")
                        .append(escape(lines.get(i)))
                        .append("</tspan>");
            }
            b.append("<title>").append(escape(channels.get(c))).append("</title></text>\n");
        }
        b.append("</svg>\n<figcaption>Share of ")
                .append(escape(t.basis().description()))
                .append(" by channel; one bar per model. Hover a bar for its exact share and amount.")
                .append("</figcaption>\n</figure>\n");
    }

    /** A tick step giving at most 8 gridlines up to {@code max}. */
    private static double step(double max) {
        double[] steps = {0.01, 0.02, 0.05, 0.1, 0.2, 0.25};
        for (double s : steps) {
            if (max / s <= 8) {
                return s;
            }
        }
        return 0.25;
    }

    /** Splits a label into lines of at most {@code width} pixels, at most 3 lines, ellipsised beyond. */
    static List<String> wrap(String text, double width) {
        int perLine = Math.max(3, (int) Math.floor(width / CHAR_WIDTH));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
            while (line.length() > perLine) {
                lines.add(line.substring(0, perLine - 1) + "-");
                line.delete(0, perLine - 1);
            }
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > 3) {
            List<String> cut = new ArrayList<>(lines.subList(0, 3));
            String last = cut.get(2);
            cut.set(2, (last.length() >= perLine ? last.substring(0, perLine - 1) : last) + "\u2026");
            return cut;
        }
        return lines;
    }

    // ---- tables

    private static void shareTable(StringBuilder b, ComparisonTable t) {
        List<String> models = t.models();
        b.append("<h3>Share by channel</h3>\n<div class=\"scroll\"><table class=\"shares\">\n<thead><tr>"
                + "<th class=\"name\">Channel</th><th>Spread</th>");
        for (int k = 0; k < models.size(); k++) {
            b.append("<th><span class=\"swatch\" style=\"background:")
                    .append(color(k))
                    .append("\"></span>")
                    .append(escape(models.get(k)))
                    .append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (int c = 0; c < t.channels().size(); c++) {
            String channel = t.channels().get(c);
            b.append(channel.equals(Report.UNATTRIBUTED) ? "<tr class=\"unattributed\">" : "<tr>")
                    .append("<td class=\"name\">")
                    .append(escape(channel))
                    .append("</td><td class=\"spread\">")
                    .append(t.spreadDecimal(c, 3).movePointRight(2).toPlainString())
                    .append(" pp</td>");
            for (int k = 0; k < models.size(); k++) {
                b.append("<td title=\"")
                        .append(escape(t.amount(c, k).toString()))
                        .append("\">")
                        .append(t.percent(c, k))
                        .append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table></div>\n<p class=\"note\">Spread: the highest share minus the lowest, in"
                + " percentage points. Hover a share for its exact amount.</p>\n");
    }

    private static void correlationTable(StringBuilder b, ComparisonTable t) {
        List<String> models = t.models();
        b.append("<h3>Rank correlation between models</h3>\n<p class=\"note\">Spearman&rsquo;s rho over the"
                + " channels ranked by share (tied shares get average ranks; the unattributed row is left out):"
                + " 1 means the same ranking, &minus;1 the reverse.</p>\n");
        b.append("<div class=\"scroll\"><table class=\"corr\">\n<thead><tr><th class=\"name\"></th>");
        for (String model : models) {
            b.append("<th>").append(escape(model)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (int a = 0; a < models.size(); a++) {
            b.append("<tr><th class=\"name\">").append(escape(models.get(a))).append("</th>");
            for (int k = 0; k < models.size(); k++) {
                double rho = t.spearman(a, k);
                if (Double.isNaN(rho)) {
                    b.append("<td class=\"na\">n/a</td>");
                } else {
                    b.append("<td style=\"background:")
                            .append(heat(rho))
                            .append("\">")
                            .append(ComparisonTable.decimal(rho, 2))
                            .append("</td>");
                }
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
    }

    /** A light blue for positive, light red for negative correlation, stronger with magnitude. */
    private static String heat(double rho) {
        double a = Math.abs(rho);
        int r = rho >= 0 ? (int) Math.round(255 - a * 150) : 255;
        int g = (int) Math.round(255 - a * 120);
        int bl = rho >= 0 ? 255 : (int) Math.round(255 - a * 150);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
    }

    /** {@code 1262060.00} as {@code 1,262,060.00}, for reading; digits only, so nothing to escape. */
    static String grouped(String plain) {
        int dot = plain.indexOf('.');
        int end = dot < 0 ? plain.length() : dot;
        int begin = plain.startsWith("-") ? 1 : 0;
        StringBuilder b = new StringBuilder(plain.substring(0, begin));
        for (int i = begin; i < end; i++) {
            if (i > begin && (end - i) % 3 == 0) {
                b.append(',');
            }
            b.append(plain.charAt(i));
        }
        return b.append(plain.substring(end)).toString();
    }

    private static String color(int k) {
        return PALETTE[k % PALETTE.length];
    }

    private static String percentLabel(double share) {
        return java.math.BigDecimal.valueOf(share * 100)
                        .setScale(0, java.math.RoundingMode.HALF_UP)
                        .toPlainString() + "%";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Escapes {@code & < > " '} for HTML text and attribute values. */
    static String escape(String s) {
        return Escaping.html(s); // the one HTML escaping: entities, and control and bidi characters shown
    }

    private static final String CSS = String.join(
            "\n",
            "body { margin: 0; background: #f6f7f9; color: #1d2330;",
            "  font: 14px/1.45 system-ui, -apple-system, \"Segoe UI\", Roboto, Helvetica, Arial, sans-serif; }",
            "main { max-width: 1200px; margin: 0 auto; padding: 24px 20px 48px; }",
            "h1 { font-size: 26px; margin: 0 0 6px; }",
            "h2 { font-size: 20px; margin: 0 0 8px; }",
            "h3 { font-size: 16px; margin: 22px 0 8px; }",
            "p.lead { color: #4a5263; margin: 0 0 20px; max-width: 900px; }",
            "p.note { color: #4a5263; margin: 0 0 8px; }",
            "section { background: #fff; border: 1px solid #dde1e7; border-radius: 8px;",
            "  padding: 20px 22px; margin-bottom: 24px; }",
            "figure { margin: 8px 0 0; }",
            "figcaption { color: #5d6576; font-size: 12px; margin-top: 4px; }",
            "svg.chart { width: 100%; height: auto; display: block; font-family: inherit; }",
            "svg .legend { font-size: 13px; fill: #1d2330; }",
            "svg .tick { font-size: 12px; fill: #5d6576; text-anchor: end; }",
            "svg .label { font-size: 13px; fill: #1d2330; text-anchor: middle; }",
            "svg .value { font-size: 11px; fill: #1d2330; text-anchor: middle; }",
            "svg .grid { stroke: #e3e6eb; stroke-width: 1; }",
            "svg .axis { stroke: #9aa1ad; stroke-width: 1; }",
            "svg .band { fill: #f7f8fa; }",
            ".scroll { overflow-x: auto; }",
            "table { border-collapse: collapse; font-variant-numeric: tabular-nums; }",
            "th, td { padding: 5px 10px; text-align: right; border-bottom: 1px solid #eceef2; white-space: nowrap; }",
            "th { font-weight: 600; background: #f1f3f6; white-space: normal; vertical-align: bottom; }",
            "tbody th { vertical-align: middle; white-space: nowrap; }",
            "th.name, td.name { text-align: left; }",
            "tbody tr:nth-child(even) td { background-color: #fafbfc; }",
            "tr.unattributed td { color: #6b7280; font-style: italic; }",
            "td.spread { font-weight: 600; }",
            "td.na { color: #9aa1ad; }",
            ".swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px;",
            "  margin-right: 6px; vertical-align: baseline; }",
            "table.corr td { min-width: 48px; }",
            "table.shares thead th, table.corr thead th { max-width: 120px; }",
            "tr.total td { font-weight: 600; border-top: 2px solid #dde1e7; }",
            "");
}
