package io.github.attribution.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.attribution.data.Dataset;
import io.github.attribution.journey.JourneySettings;
import io.github.attribution.journey.Journeys;
import io.github.attribution.money.Apportioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each benchmark computes the right answer on small input, so a fast wrong benchmark cannot pass. */
final class BenchmarkCorrectnessTest {
    private static final int SMALL = 500;

    /** Every credit of every opportunity adds up to the dataset's total amount. */
    private static long totalAmount(Dataset data) {
        long total = 0;
        for (int o = 0; o < data.opportunityCount(); o++) {
            total += data.amount(o);
        }
        return total;
    }

    @ParameterizedTest
    @ValueSource(strings = {"first-touch", "linear", "time-decay", "w-shaped", "full-path"})
    void modelBenchmark_creditsEveryAmountExactly(String model) {
        ModelBenchmark benchmark = new ModelBenchmark();
        benchmark.opportunities = SMALL;
        benchmark.model = model;
        benchmark.setUp();
        assertEquals(totalAmount(BenchmarkData.dataset(SMALL)), benchmark.attribute());
    }

    @Test
    void journeyBenchmark_buildsTheSameJourneysAsTheLibrary() {
        JourneyBenchmark benchmark = new JourneyBenchmark();
        benchmark.opportunities = SMALL;
        benchmark.threads = 2;
        benchmark.setUp();
        Journeys expected =
                Journeys.build(BenchmarkData.dataset(SMALL), JourneySettings.DEFAULT.withCycleGapDays(30), 1);
        assertEquals(expected.touchCount(), benchmark.build());
    }

    @Test
    void apportionBenchmark_matchesTheApportioner() {
        ApportionBenchmark benchmark = new ApportionBenchmark();
        benchmark.setUp();
        long shares = 0;
        long weights = 0;
        java.util.SplittableRandom random = new java.util.SplittableRandom(BenchmarkData.SEED);
        long[] shareVector = new long[ApportionBenchmark.TOUCHES];
        double[] weightVector = new double[ApportionBenchmark.TOUCHES];
        for (int p = 0; p < ApportionBenchmark.TOUCHES; p++) {
            shareVector[p] = p == 0 || p == 5 || p == 12 ? 300_000L * 17 : 100_000;
            weightVector[p] = Math.pow(2, -(ApportionBenchmark.TOUCHES - p) / 7.0);
        }
        for (int i = 0; i < ApportionBenchmark.JOURNEYS; i++) {
            long amount = random.nextLong(100, 100_000_000);
            shares += Apportioner.ofShares(amount, shareVector)[0];
            weights += Apportioner.ofWeights(amount, weightVector)[0];
        }
        assertEquals(shares, benchmark.shares());
        assertEquals(weights, benchmark.weights());
    }

    @Test
    void csvBenchmark_readsBackEveryTouch() throws Exception {
        CsvBenchmark benchmark = new CsvBenchmark();
        benchmark.opportunities = SMALL;
        benchmark.setUp();
        try {
            assertEquals(BenchmarkData.dataset(SMALL).touchCount(), benchmark.read());
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void pipelineBenchmark_writesCreditsThatAddUpToEveryAmount() throws Exception {
        PipelineBenchmark benchmark = new PipelineBenchmark();
        benchmark.opportunities = SMALL;
        benchmark.models = "one";
        benchmark.setUp();
        try {
            benchmark.attribute();
            java.util.List<String> lines = java.nio.file.Files.readAllLines(benchmark.dir.resolve("credits.csv"));
            assertEquals("model,opportunity_id,touchpoint_id,channel,campaign,weight,credit,currency", lines.get(0));
            java.math.BigDecimal credited = java.math.BigDecimal.ZERO;
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",");
                credited = credited.add(new java.math.BigDecimal(fields[fields.length - 2]));
            }
            assertEquals(java.math.BigDecimal.valueOf(totalAmount(BenchmarkData.dataset(SMALL)), 2), credited);
        } finally {
            benchmark.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"w-shaped", "first-touch"})
    void renderBenchmark_rendersEveryCreditOfTheTable(String model) {
        RenderBenchmark benchmark = new RenderBenchmark();
        benchmark.opportunities = SMALL;
        benchmark.model = model;
        benchmark.format = "CSV";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        benchmark.out = bytes;
        benchmark.setUp();
        int rendered = benchmark.render();
        String header = "model,opportunity_id,touchpoint_id,channel,campaign,weight,credit,currency\n";
        assertEquals(header.length() + rendered, bytes.size());
        java.util.List<String> lines = java.util.List.of(
                bytes.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n", -1));
        assertEquals(benchmark.rows() + 2, lines.size()); // the header, every row, "" after the last LF
        // every row, in order, against the table's credits
        Dataset data = BenchmarkData.dataset(SMALL);
        io.github.attribution.CreditTable table = benchmark.table;
        int line = 1;
        for (int o = table.firstOpportunity(); o < table.endOpportunity(); o++) {
            for (io.github.attribution.Credit c : table.credits(o)) {
                String[] f = csvFields(lines.get(line++));
                assertEquals(8, f.length);
                assertEquals(model, f[0]);
                assertEquals(c.opportunityId(), f[1]);
                assertEquals(c.touchpointId() == null ? "" : c.touchpointId(), f[2]);
                assertEquals(c.channel(), f[3]);
                assertEquals(c.campaign(), f[4]);
                assertEquals(
                        new java.math.BigDecimal(c.weight()).setScale(12, java.math.RoundingMode.HALF_UP),
                        new java.math.BigDecimal(f[5]));
                assertEquals(c.credit().amount().toPlainString(), f[6]);
                assertEquals(c.credit().currency().getCurrencyCode(), f[7]);
            }
        }
        assertEquals("", lines.get(line));
        assertEquals(data.opportunityCount(), table.endOpportunity());
    }

    /** The fields of one CSV line (RFC 4180 quotes, no line breaks inside fields). */
    private static String[] csvFields(String line) {
        return DuckDbComparison.fields(line).toArray(new String[0]);
    }
}
