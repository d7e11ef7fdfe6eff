package io.github.attribution.cli;

import io.github.attribution.internal.Numbers;
import io.github.attribution.report.ConversionRow;
import io.github.attribution.report.FunnelRow;
import io.github.attribution.report.FunnelTable;
import io.github.attribution.report.Report;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The funnel view of the {@code compare} page ({@link HtmlReport#render(io.github.attribution.report.Comparison,
 * FunnelTable)}): one section with the attributed count of each stage per channel, and the conversion rate and
 * median days from each stage to the next per original-source channel. Kept apart from the comparison's sections.
 */
final class HtmlFunnel {
    private HtmlFunnel() {}

    /** Appends the section for {@code t}, a funnel by channel. */
    static void section(StringBuilder b, FunnelTable t) {
        List<String> stages = t.funnel().stages();
        b.append("<section class=\"funnel\">\n<h2>Funnel by channel &middot; ")
                .append(HtmlReport.escape(String.join(" \u203a ", stages)))
                .append("</h2>\n<p>Each stage event (a person becoming an MQL, an opportunity reaching a stage)"
                        + " counts 1, split over the touches before it under <strong>")
                .append(HtmlReport.escape(t.model()))
                .append("</strong>; a stage&rsquo;s column adds up to its events exactly.</p>\n");
        counts(b, t, stages);
        conversion(b, t, stages);
        if (!t.notes().isEmpty()) {
            b.append("<p class=\"note\">");
            for (int i = 0; i < t.notes().size(); i++) {
                b.append(i == 0 ? "" : "<br>")
                        .append(HtmlReport.escape(t.notes().get(i)));
            }
            b.append("</p>\n");
        }
        b.append("</section>\n");
    }

    private static void counts(StringBuilder b, FunnelTable t, List<String> stages) {
        b.append("<h3>Attributed stage counts</h3>\n<div class=\"scroll\"><table class=\"funnel-counts\">\n"
                + "<thead><tr><th class=\"name\">Channel</th>");
        stages.forEach(s -> b.append("<th>").append(HtmlReport.escape(s)).append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        for (FunnelRow row : t.rows()) {
            String channel = row.keys().isEmpty() ? Report.TOTAL : row.keys().get(0);
            countRow(b, channel, row, channel.equals(Report.UNATTRIBUTED) ? "unattributed" : null);
        }
        countRow(b, "Total", t.total(), "total");
        b.append("</tbody>\n</table></div>\n");
    }

    private static void countRow(StringBuilder b, String name, FunnelRow row, String cls) {
        b.append(cls == null ? "<tr>" : "<tr class=\"" + cls + "\">")
                .append("<td class=\"name\">")
                .append(HtmlReport.escape(name))
                .append("</td>");
        for (BigDecimal count : row.stages()) {
            b.append("<td title=\"")
                    .append(count.toPlainString())
                    .append("\">")
                    .append(HtmlReport.grouped(Numbers.decimal(count, 1)))
                    .append("</td>");
        }
        b.append("</tr>\n");
    }

    private static void conversion(StringBuilder b, FunnelTable t, List<String> stages) {
        if (t.conversion().isEmpty()) {
            return;
        }
        List<String> pairs = new ArrayList<>();
        Map<String, Map<String, ConversionRow>> byChannel = new LinkedHashMap<>();
        for (ConversionRow r : t.conversion()) {
            if (!r.sourcing().equals("original_source")) {
                continue;
            }
            String pair = r.from() + " \u203a " + r.to();
            if (!pairs.contains(pair)) {
                pairs.add(pair);
            }
            byChannel.computeIfAbsent(r.channel(), c -> new LinkedHashMap<>()).put(pair, r);
        }
        b.append("<h3>Conversion by original-source channel</h3>\n<p class=\"note\">Of the records that entered a"
                + " stage sourced by the channel, the share that reached the next one (skipped stages count as"
                + " passed), and the median days it took. Hover a rate for the counts.</p>\n");
        b.append("<div class=\"scroll\"><table class=\"funnel-conversion\">\n<thead><tr><th class=\"name\">Channel"
                + "</th>");
        pairs.forEach(p -> b.append("<th>").append(HtmlReport.escape(p)).append("</th>"));
        pairs.forEach(p -> b.append("<th>days ").append(HtmlReport.escape(p)).append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Map<String, ConversionRow>> e : byChannel.entrySet()) {
            b.append("<tr><td class=\"name\">")
                    .append(HtmlReport.escape(e.getKey()))
                    .append("</td>");
            for (String p : pairs) {
                ConversionRow r = e.getValue().get(p);
                if (r == null) {
                    b.append("<td class=\"na\">&ndash;</td>");
                    continue;
                }
                b.append("<td title=\"")
                        .append(r.reached())
                        .append(" of ")
                        .append(r.entered())
                        .append("\">")
                        .append(r.rate().map(x -> Numbers.percent(x, 1) + "%").orElse("&ndash;"))
                        .append("</td>");
            }
            for (String p : pairs) {
                ConversionRow r = e.getValue().get(p);
                BigDecimal days = r == null ? null : r.medianDays();
                b.append(days == null ? "<td class=\"na\">&ndash;</td>" : "<td>" + days.toPlainString() + "</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
    }
}
