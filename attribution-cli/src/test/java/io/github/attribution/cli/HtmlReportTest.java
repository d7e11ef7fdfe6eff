package io.github.attribution.cli;

import static io.github.attribution.report.ReportFixtures.marketing;
import static io.github.attribution.report.ReportFixtures.won;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.Attributor;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.report.Bootstrap;
import io.github.attribution.report.Comparison;
import io.github.attribution.report.Evaluation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HtmlReportTest {
    private static final List<String> CHANNELS =
            List.of("Paid Search", "R&D <Events>", "Partner's \"Co-op\"", "Webinar", "Email");
    private static final List<String> MODELS = List.of("first-touch", "linear", "time-decay:half-life-days=14");

    private final Dataset data = Dataset.of(
            List.of(
                    marketing("t1", "A", "2026-01-01", CHANNELS.get(0), ""),
                    marketing("t2", "A", "2026-01-09", CHANNELS.get(1), ""),
                    marketing("t3", "A", "2026-01-20", CHANNELS.get(2), ""),
                    marketing("t4", "B", "2026-01-02", CHANNELS.get(3), ""),
                    marketing("t5", "B", "2026-01-25", CHANNELS.get(4), ""),
                    marketing("t6", "C", "2026-01-03", CHANNELS.get(2), ""),
                    marketing("t7", "C", "2026-01-04", CHANNELS.get(0), "")),
            List.of(
                    won("O1", "A", "USD 12000.00", "2026-01-21", "2026-02-15"),
                    won("O2", "B", "USD 8000.00", "2026-01-26", "2026-03-01"),
                    won("O3", "C", "USD 3000.00", "2026-01-05", "2026-01-30"),
                    won("O4", "A", "EUR 900.00", "2026-01-10", "2026-02-01")));
    private final Attributor attributor = Attributor.builder().threads(1).build();
    private final Journeys journeys = attributor.journeys(data);

    private Comparison comparison() {
        List<AttributionModel> models = MODELS.stream().map(Models::byName).collect(Collectors.toList());
        return Comparison.run(attributor, journeys, models);
    }

    @Test
    void write_selfContainedPageWithEveryChannelAndModel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("compare.html");
        HtmlReport.write(comparison(), file);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        for (String channel : CHANNELS) {
            assertTrue(html.contains(">" + HtmlReport.escape(channel) + "<"), channel);
        }
        for (String model : MODELS) {
            assertTrue(html.contains(">" + model + "<"), model);
        }
        assertTrue(html.contains("R&amp;D &lt;Events&gt;"));
        assertTrue(html.contains("Partner&#39;s &quot;Co-op&quot;"));
        assertFalse(html.contains("R&D <Events>"), "raw names must be escaped");
        assertTrue(html.contains("<div class=\"rc\""), "the range chart");
        assertTrue(html.contains("<table class=\"heat\""), "the heat-map table");
        assertTrue(html.contains("USD</span> 23,000.00"), "total with separators");
        assertTrue(
                html.contains("<h2>EUR at a glance</h2>") && html.contains("<h2>USD at a glance</h2>"),
                "sections per currency");
        String lower = html.toLowerCase(Locale.ROOT);
        for (String external :
                List.of("http:", "https:", "//", "src=", "href=", "url(", "@import", "<script", "<link", "xmlns")) {
            assertFalse(lower.contains(external), "page must not reference anything external: " + external);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.collect(Collectors.toList()), "no temporary file is left behind");
        }
    }

    @Test
    void render_withIntervalsAndALeaderboard_drawsRangesSaysWhatExceedsTheNoiseAndRanksTheModels() {
        Dataset usd = Dataset.of(
                List.of(
                        marketing("t1", "A", "2026-01-01", CHANNELS.get(0), ""),
                        marketing("t2", "A", "2026-01-09", CHANNELS.get(1), ""),
                        marketing("t4", "B", "2026-01-02", CHANNELS.get(3), ""),
                        marketing("t5", "B", "2026-01-25", CHANNELS.get(1), ""),
                        marketing("t6", "C", "2026-01-03", CHANNELS.get(2), ""),
                        marketing("t7", "D", "2026-01-04", CHANNELS.get(0), ""),
                        marketing("t8", "D", "2026-01-06", CHANNELS.get(1), "")),
                List.of(
                        won("O1", "A", "USD 12000.00", "2026-01-21", "2026-02-15"),
                        won("O2", "B", "USD 8000.00", "2026-01-26", "2026-03-01"),
                        won("O3", "C", "USD 3000.00", "2026-01-05", "2026-01-30"),
                        won("O4", "D", "USD 5000.00", "2026-01-10", "2026-02-01")));
        List<AttributionModel> models = MODELS.stream().map(Models::byName).collect(Collectors.toList());
        Comparison plain = Comparison.run(attributor, attributor.journeys(usd), models);
        Comparison comparison = Comparison.run(
                attributor,
                attributor.journeys(usd),
                models,
                Comparison.Basis.REVENUE,
                (x, m) -> {},
                new Bootstrap.Settings(95, 50, 3));
        Evaluation evaluation = Evaluation.of(
                comparison,
                java.util.Map.of(
                        CHANNELS.get(1),
                        new java.math.BigDecimal("0.5"),
                        CHANNELS.get(0),
                        new java.math.BigDecimal("0.5")));
        String html = HtmlReport.render(comparison, null, evaluation);
        assertTrue(html.contains("<i class=\"eb eb0\" style=\"left:"), "error bars on the chart");
        assertTrue(html.contains("<span><i class=\"ebkey\"></i>95% interval</span>"), "their legend");
        assertTrue(html.contains("<span class=\"ci\">"), "ranges in the share table");
        assertTrue(html.contains("<h2>Which differences are larger than the noise?</h2>"), html);
        assertTrue(html.contains("95% intervals from 50 bootstrap replicates over accounts (seed 3)"), html);
        assertTrue(html.contains("<h2>Leaderboard against the true channel shares</h2>"), html);
        for (Evaluation.Row r : evaluation.rows()) {
            assertTrue(
                    html.contains("<td>" + r.rank() + "</td><th class=\"name\" scope=\"row\">" + r.model() + "</th>"),
                    r.toString());
        }
        assertTrue(html.indexOf("Leaderboard") < html.indexOf("at a glance"), "the leaderboard comes first");
        assertFalse(html.contains("R&D <Events>"), "raw names must be escaped");
        String lower = html.toLowerCase(Locale.ROOT);
        for (String external : List.of("http:", "https:", "src=", "href=", "url(", "@import", "<script", "<link")) {
            assertFalse(lower.contains(external), "page must not reference anything external: " + external);
        }
        String without = HtmlReport.render(plain);
        for (String part : List.of("class=\"eb ", "class=\"ci\"", "larger than the noise", "Leaderboard")) {
            assertFalse(without.contains(part), "without intervals or truth: " + part);
        }
    }

    @Test
    void grouped_insertsThousandsSeparators() {
        assertEquals("1,262,060.00", HtmlReport.grouped("1262060.00"));
        assertEquals("999.5", HtmlReport.grouped("999.5"));
        assertEquals("-1,000", HtmlReport.grouped("-1000"));
        assertEquals("123,456", HtmlReport.grouped("123456"));
    }

    @Test
    void render_isDeterministic() {
        assertEquals(HtmlReport.render(comparison()), HtmlReport.render(comparison()));
    }
}
