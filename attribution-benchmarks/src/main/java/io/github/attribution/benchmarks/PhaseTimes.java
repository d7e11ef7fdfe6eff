package io.github.attribution.benchmarks;

import io.github.attribution.Attributor;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.io.DatasetReader;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.report.ReportAccumulator;
import io.github.attribution.report.ReportSpec;
import io.github.attribution.report.ReportTable;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where the time of {@code report --model M --by channel} goes, phase by phase, in one cold JVM as the
 * command line runs it: reading {@code touchpoints.csv} (with its MB/s) and {@code opportunities.csv},
 * building the dataset, the journeys, the model with the report's aggregation, and writing the report.
 * Not a JMH benchmark: one shot per phase, JIT warm-up included, as in a real run.
 *
 * <pre>{@code
 * java -Xmx2g -cp attribution-benchmarks/target/benchmarks.jar io.github.attribution.benchmarks.PhaseTimes \
 *     /tmp/attribution-1m-seed7 linear
 * }</pre>
 */
public final class PhaseTimes {
    private PhaseTimes() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/attribution-1m-seed7");
        String modelName = args.length > 1 ? args[1] : "linear";
        Path touchpoints = dir.resolve("touchpoints.csv");
        Path opportunities = dir.resolve("opportunities.csv");
        AttributionModel model = Models.byName(modelName);
        long began = System.nanoTime();
        DatasetReader reader = DatasetReader.strict(Money.currency("USD"));
        Dataset.Builder b = Dataset.builder().withoutTouchPersons(); // as the command line, given no people
        long touches = reader.readTouchpoints(touchpoints, b);
        long readTouches = System.nanoTime();
        reader.readOpportunities(opportunities, b);
        long readOpportunities = System.nanoTime();
        Dataset data = b.build();
        b = null; // the builder's dictionaries' tables are garbage now, as in the command line
        long built = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heldAfterReading = rt.totalMemory() - rt.freeMemory();
        Attributor attributor = Attributor.create();
        Journeys journeys = attributor.journeys(data);
        long journeysBuilt = System.nanoTime();
        ReportAccumulator report =
                new ReportAccumulator(journeys, model.name(), ReportSpec.of("channel"), List.of(), false);
        attributor.stream(journeys, model, report);
        ReportTable table = report.finish();
        long modelled = System.nanoTime();
        StringWriter out = new StringWriter();
        table.writeCsv(out);
        long written = System.nanoTime();
        double mb = Files.size(touchpoints) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "%s, %s: %,d touchpoints, %,d opportunities, %,d journey touches; %d threads%n",
                dir,
                model.name(),
                touches,
                data.opportunityCount(),
                journeys.touchCount(),
                attributor.threads());
        System.out.printf(
                Locale.ROOT,
                "read touchpoints.csv  %7.2f s  (%.0f MB, %.0f MB/s)%n",
                s(began, readTouches),
                mb,
                mb / s(began, readTouches));
        System.out.printf(Locale.ROOT, "read opportunities    %7.2f s%n", s(readTouches, readOpportunities));
        System.out.printf(Locale.ROOT, "build the dataset     %7.2f s%n", s(readOpportunities, built));
        System.out.printf(Locale.ROOT, "journeys              %7.2f s%n", s(built, journeysBuilt));
        System.out.printf(Locale.ROOT, "model and report      %7.2f s%n", s(journeysBuilt, modelled));
        System.out.printf(Locale.ROOT, "write the report      %7.2f s%n", s(modelled, written));
        System.out.printf(Locale.ROOT, "total                 %7.2f s%n", s(began, written));
        System.out.printf(
                Locale.ROOT,
                "heap held after reading (after a GC): %.0f MB, %.1f bytes per touchpoint%n",
                heldAfterReading / 1e6,
                (double) heldAfterReading / touches);
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) { // the peak resident set size so far
                System.out.println(
                        "peak RSS: " + line.substring("VmHWM:".length()).trim());
            }
        }
        System.out.println("load: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static double s(long from, long to) {
        return (to - from) / 1e9;
    }
}
