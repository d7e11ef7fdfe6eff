package io.github.attribution.benchmarks;

import io.github.attribution.datadriven.PathSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic path data for benchmarks: reproducible from a seed. Channels {@code ch00, ch01, ...} are
 * drawn with skewed popularity (channel i about twice as likely as channel i + 2); path lengths are 1
 * plus a geometric number of further touches (mean {@code meanLength}), capped at {@code maxLength};
 * each path converts with a probability that rises with how many distinct channels it has and with
 * a per-channel lift, so data-driven models have something to find. A conversion carries a value of
 * 100.00 to 10,000.00.
 */
public final class SyntheticPaths {
    private SyntheticPaths() {}

    /**
     * Writes a path file for the command-line measurements in the README: {@code FILE [ROWS [SEED]]},
     * 10 channels, mean length 3.5, at most 31 touches; columns {@code path} ({@code "a > b"}), {@code
     * total_conversions}, {@code total_null}, {@code total_conversion_value}.
     *
     * <pre>java -cp attribution-benchmarks/target/benchmarks.jar io.github.attribution.benchmarks.SyntheticPaths /tmp/paths1m.csv 1000000</pre>
     */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: SyntheticPaths FILE [ROWS [SEED]]");
            System.exit(2);
        }
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : BenchmarkData.SEED;
        PathSet paths = generate(rows, 10, 3.5, 31, seed);
        try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of(args[0]))) {
            out.write("path,total_conversions,total_null,total_conversion_value\n");
            for (int r = 0; r < paths.size(); r++) {
                out.write(String.join(" > ", paths.path(r)));
                out.write("," + paths.conversions(r) + "," + paths.nulls(r) + ","
                        + paths.value(r).toPlainString() + "\n");
            }
        }
    }

    /** {@code rows} one-path rows over {@code channels} channels. */
    public static PathSet generate(int rows, int channels, double meanLength, int maxLength, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] names = new String[channels];
        double[] cumulative = new double[channels];
        double[] lift = new double[channels];
        double total = 0;
        for (int c = 0; c < channels; c++) {
            names[c] = String.format("ch%02d", c);
            total += Math.pow(0.7, c / 2.0);
            cumulative[c] = total;
            lift[c] = 0.02 + 0.08 * ((c * 7) % channels) / channels;
        }
        double more = 1 - 1 / meanLength;
        PathSet.Builder b = PathSet.builder();
        List<String> path = new ArrayList<>();
        boolean[] seen = new boolean[channels];
        for (int r = 0; r < rows; r++) {
            path.clear();
            java.util.Arrays.fill(seen, false);
            double p = 0.02;
            do {
                double u = random.nextDouble() * total;
                int c = 0;
                while (cumulative[c] < u) {
                    c++;
                }
                path.add(names[c]);
                if (!seen[c]) {
                    seen[c] = true;
                    p += lift[c];
                }
            } while (path.size() < maxLength && random.nextDouble() < more);
            boolean converted = random.nextDouble() < Math.min(0.9, p);
            BigDecimal value = converted ? BigDecimal.valueOf(10_000 + random.nextInt(990_001), 2) : BigDecimal.ZERO;
            b.add(path, converted ? 1 : 0, converted ? 0 : 1, value);
        }
        return b.build();
    }
}
