package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.Attributor;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.report.Bootstrap;
import io.github.attribution.report.Comparison;
import io.github.attribution.sample.SampleGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the demo's page (every default model) in headless Chromium, when there is one at {@code
 * /usr/bin/chromium}, and measures it: nothing may overflow sideways at 1280 px (neither the page nor
 * the share table, which must be readable without scrolling), without and with intervals. Skipped, with a message, when no browser
 * is installed. (Headless Chromium lays out --dump-dom at 500 px or more, so a phone's width is checked
 * by eye on the screenshots in docs/images, not here.)
 */
final class HtmlReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** Appended to a copy of the page: replaces the body by the measurements, which --dump-dom prints. */
    private static final String PROBE = "<script>(function(){var boxes=[];"
            + "document.querySelectorAll('.scroll').forEach(function(e){"
            + "if(e.offsetParent!==null)boxes.push(e.scrollWidth+'/'+e.clientWidth);});"
            + "var r='page='+document.documentElement.scrollWidth+'/'+window.innerWidth+';boxes='+boxes.join(',');"
            + "document.body.innerHTML='<pre id=\"probe\">'+r+'</pre>';})();</script>\n";

    @TempDir
    Path dir;

    @Test
    void page_fitsA1280PixelScreenWithoutSidewaysScrolling() throws Exception {
        assertFits(measure(1280, 800, null));
    }

    /** The same page with 95% intervals: ranges in every table cell, error bars on the chart. */
    @Test
    void pageWithIntervals_fitsA1280PixelScreenWithoutSidewaysScrolling() throws Exception {
        assertFits(measure(1280, 800, new Bootstrap.Settings(95, 40, 1)));
    }

    private static void assertFits(Measure m) {
        assertTrue(m.pageWidth <= m.viewport, "the page is " + m.pageWidth + " px wide at " + m.viewport);
        assertTrue(!m.boxes.isEmpty(), "the share table is shown");
        for (int[] box : m.boxes) {
            assertTrue(box[0] <= box[1], "a table scrolls sideways at 1280 px: " + box[0] + " in " + box[1]);
        }
    }

    private record Measure(int pageWidth, int viewport, List<int[]> boxes) {}

    private Measure measure(int width, int height, Bootstrap.Settings intervals)
            throws IOException, InterruptedException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "no Chromium at " + CHROMIUM + " (apt-get install chromium): the page was not measured in a browser");
        Dataset sample = SampleGenerator.generate(DemoCommand.SAMPLE_OPPORTUNITIES, DemoCommand.SAMPLE_SEED);
        Attributor attributor = Attributor.create();
        Comparison comparison = Comparison.run(
                attributor,
                attributor.journeys(sample),
                CompareCommand.defaultModels().stream().map(Models::byName).toList(),
                Comparison.Basis.REVENUE,
                (x, k) -> {},
                intervals);
        String html = HtmlReport.render(comparison).replace("</body>", PROBE + "</body>");
        Path page = dir.resolve("page.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Path out = dir.resolve("dom.html");
        Process p = new ProcessBuilder(
                        CHROMIUM.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--hide-scrollbars",
                        "--user-data-dir=" + profile,
                        "--window-size=" + width + "," + height,
                        "--dump-dom",
                        page.toUri().toString())
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 180 s");
        }
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("page=(\\d+)/(\\d+);boxes=([0-9/,]*)").matcher(dom);
        assertTrue(m.find(), "no measurement in Chromium's output (exit " + p.exitValue() + "): " + dom);
        List<int[]> boxes = new ArrayList<>();
        for (String box : m.group(3).split(",")) {
            if (!box.isEmpty()) {
                String[] wh = box.split("/");
                boxes.add(new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])});
            }
        }
        assertEquals(width, Integer.parseInt(m.group(2)), "the window is " + width + " px wide");
        return new Measure(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), boxes);
    }
}
