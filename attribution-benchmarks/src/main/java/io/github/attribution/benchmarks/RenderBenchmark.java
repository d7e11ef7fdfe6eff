package io.github.attribution.benchmarks;

import io.github.attribution.Attributor;
import io.github.attribution.CreditTable;
import io.github.attribution.Models;
import io.github.attribution.io.CreditWriter;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering credit rows as CSV or JSON bytes ({@link CreditWriter#render}), the CPU work of the write
 * phase of {@code attribute}, on one core: one model's credits for every opportunity are computed in setup, then
 * each operation renders them all and hands the buffer back to the writer (whose stream discards the
 * bytes) so that it is reused, as the command does. Divide the time per operation by {@link #rows()}
 * for the time per row.
 *
 * <p>Run: {@code java -jar attribution-benchmarks/target/benchmarks.jar RenderBenchmark -rf json -rff
 * render.json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class RenderBenchmark {
    @Param({"10000", "100000"})
    public int opportunities;

    /** w-shaped: every journey touch has a row, weights of many digits; first-touch: weight 1 rows. */
    @Param({"w-shaped", "first-touch"})
    public String model;

    /** CSV: the byte path; JSON: rows through the library's JSON writer. */
    @Param({"CSV", "JSON"})
    public String format;

    /** Where the writer sends the bytes: nowhere, unless a test looks at them. */
    OutputStream out = OutputStream.nullOutputStream();

    CreditTable table;
    private CreditWriter writer;

    @Setup
    public void setUp() {
        Attributor attributor = Attributor.builder().threads(1).build();
        table = attributor
                .attribute(BenchmarkData.dataset(opportunities), Models.byName(model))
                .tables()
                .get(0);
        writer = new CreditWriter(out, CreditWriter.Format.valueOf(format));
    }

    /** Renders every row; returns the number of bytes. */
    @Benchmark
    public int render() {
        CreditWriter.Rendered rendered = writer.render(model, table);
        writer.write(rendered); // the buffer goes back to the writer for the next operation
        return rendered.length();
    }

    /** The number of rows each operation renders, for time-per-row figures. */
    public int rows() {
        return table.rowCount();
    }
}
