package io.github.attribution.report;

import static io.github.attribution.report.ReportFixtures.lost;
import static io.github.attribution.report.ReportFixtures.marketing;
import static io.github.attribution.report.ReportFixtures.open;
import static io.github.attribution.report.ReportFixtures.won;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.Attributor;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Models side by side.
 *
 * <pre>
 * O1 USD 500.00 won: A then C      first-touch A 500, last-touch C 500, linear A 250 C 250
 * O2 USD 300.00 won: B then B      B 300 under all three
 * O3 USD 200.00 won: C then A      first-touch C 200, last-touch A 200, linear A 100 C 100
 * O4 USD 100.00 won: no touches    unattributed under all three
 * O5 USD 999.00 lost, O6 EUR 50.00 open: not won revenue
 * Totals per model: USD 1100.00. first-touch A 500 B 300 C 200; last-touch A 200 B 300 C 500;
 * linear A 350 B 300 C 350.
 * </pre>
 */
final class ComparisonTest {
    private final Dataset data = Dataset.of(
            List.of(
                    marketing("t1", "1", "2026-01-01", "A", ""),
                    marketing("t2", "1", "2026-01-02", "C", ""),
                    marketing("t3", "2", "2026-01-01", "B", ""),
                    marketing("t4", "2", "2026-01-02", "B", ""),
                    marketing("t5", "3", "2026-01-01", "C", ""),
                    marketing("t6", "3", "2026-01-02", "A", ""),
                    marketing("t7", "5", "2026-01-02", "Z", ""),
                    marketing("t8", "6", "2026-01-02", "Y", "")),
            List.of(
                    won("O1", "1", "USD 500.00", "2026-01-03", "2026-02-01"),
                    won("O2", "2", "USD 300.00", "2026-01-03", "2026-02-01"),
                    won("O3", "3", "USD 200.00", "2026-01-03", "2026-02-01"),
                    won("O4", "4", "USD 100.00", "2026-01-03", "2026-02-01"),
                    lost("O5", "5", "USD 999.00", "2026-01-03", "2026-02-01"),
                    open("O6", "6", "EUR 50.00", "2026-01-03")));
    private final Attributor attributor = Attributor.builder().threads(1).build();
    private final Journeys journeys = attributor.journeys(data);

    private Comparison compare(String... models) {
        List<AttributionModel> list = Arrays.stream(models).map(Models::byName).collect(Collectors.toList());
        return Comparison.run(attributor, journeys, list);
    }

    @Test
    void spearman_identicalIsOne_reversedIsMinusOne_handComputed() {
        assertEquals(1.0, RankCorrelation.spearman(new long[] {1, 5, 3, 9}, new long[] {1, 5, 3, 9}));
        assertEquals(1.0, RankCorrelation.spearman(new long[] {1, 5, 3, 9}, new long[] {10, 50, 30, 90}));
        assertEquals(-1.0, RankCorrelation.spearman(new long[] {1, 2, 3, 4}, new long[] {40, 30, 20, 10}));
        // ranks 1 2 3 4 against 1 3 2 4: sum d^2 = 2, rho = 1 - 6 * 2 / (4 * 15) = 0.8
        assertEquals(0.8, RankCorrelation.spearman(new long[] {10, 20, 30, 40}, new long[] {10, 30, 20, 40}), 1e-12);
        // ties: ranks 1 2.5 2.5 4 against 1 2 3 4: cov 4.5, variances 4.5 and 5: 4.5 / sqrt(22.5)
        assertEquals(
                0.9486832980505138, RankCorrelation.spearman(new long[] {1, 2, 2, 3}, new long[] {1, 2, 3, 4}), 1e-12);
        assertTrue(Double.isNaN(RankCorrelation.spearman(new long[] {7, 7, 7}, new long[] {1, 2, 3})));
        assertTrue(Double.isNaN(RankCorrelation.spearman(new long[] {7}, new long[] {1})));
    }

    @Test
    void doubledRanks_averageTies() {
        assertEquals(
                Arrays.toString(new long[] {2, 5, 5, 8}),
                Arrays.toString(RankCorrelation.doubledRanks(new long[] {10, 20, 20, 30})));
    }

    @Test
    void run_threeModels_sharesSpreadAndCorrelation() {
        Comparison c = compare("first-touch", "last-touch", "linear");
        assertEquals(1, c.tables().size(), "EUR has no won revenue, so no table");
        ComparisonTable t = c.tables().get(0);
        assertEquals("USD", t.currency().getCurrencyCode());
        assertEquals(Money.parse("USD 1100.00"), t.total());
        // totals over models: A 1050, C 1050 (tie, by name), B 900; unattributed last
        assertEquals(List.of("A", "C", "B", "(unattributed)"), t.channels());
        assertEquals(Money.parse("USD 500.00"), t.amount(0, 0));
        assertEquals(Money.parse("USD 200.00"), t.amount(0, 1));
        assertEquals(Money.parse("USD 350.00"), t.amount(0, 2));
        assertEquals(500.0 / 1100, t.share(0, 0), 1e-15);
        assertEquals(300.0 / 1100, t.spread(0), 1e-15);
        assertEquals(0.0, t.spread(2));
        assertEquals(0.0, t.spread(3));
        // first-touch ranks A 3 B 2 C 1, last-touch reversed
        assertEquals(-1.0, t.spearman(0, 1));
        assertEquals(1.0, t.spearman(1, 1));
        // linear ranks A 2.5 B 1 C 2.5 against first-touch 3 2 1: covariance 0
        assertEquals(0.0, t.spearman(0, 2), 1e-15);
        assertEquals(0.0, t.spearman(1, 2), 1e-15);
        assertEquals(0, t.mostDisputedChannel());
    }

    @Test
    void run_sameModelTwice_correlatesPerfectly() {
        ComparisonTable t = compare("w-shaped", "w-shaped").tables().get(0);
        assertEquals(1.0, t.spearman(0, 1));
        for (int ch = 0; ch < t.channels().size(); ch++) {
            assertEquals(0.0, t.spread(ch));
        }
    }

    @Test
    void run_pipelineBasis_includesOpenAndLostInTheirCurrency() {
        Comparison c =
                Comparison.run(attributor, journeys, List.of(Models.byName("linear")), Comparison.Basis.PIPELINE);
        assertEquals(2, c.tables().size());
        assertEquals(Money.parse("EUR 50.00"), c.tables().get(0).total());
        assertEquals(List.of("Y"), c.tables().get(0).channels());
        assertEquals(Money.parse("USD 2099.00"), c.tables().get(1).total());
    }

    @Test
    void of_result_equalsStreamedRun() {
        List<AttributionModel> models = List.of(Models.byName("first-touch"), Models.byName("u-shaped"));
        Comparison streamed = Comparison.run(attributor, journeys, models);
        Comparison batch = Comparison.of(attributor.attribute(journeys, models));
        assertEquals(streamed.toCsv(), batch.toCsv());
        assertEquals(streamed.toText(), batch.toText());
    }

    @Test
    void writeCsv_longFormatWithSharesAndSpread() throws Exception {
        Comparison c = compare("first-touch", "last-touch");
        assertEquals(
                String.join(
                        "\n",
                        "basis,currency,channel,model,amount,share,spread",
                        "revenue,USD,A,first-touch,500.00,0.454545,0.272727",
                        "revenue,USD,A,last-touch,200.00,0.181818,0.272727",
                        "revenue,USD,C,first-touch,200.00,0.181818,0.272727",
                        "revenue,USD,C,last-touch,500.00,0.454545,0.272727",
                        "revenue,USD,B,first-touch,300.00,0.272727,0.000000",
                        "revenue,USD,B,last-touch,300.00,0.272727,0.000000",
                        "revenue,USD,(unattributed),first-touch,100.00,0.090909,0.000000",
                        "revenue,USD,(unattributed),last-touch,100.00,0.090909,0.000000",
                        ""),
                c.toCsv());
        StringBuilder corr = new StringBuilder();
        c.writeCorrelationsCsv(corr);
        assertEquals(
                "basis,currency,model_a,model_b,spearman\nrevenue,USD,first-touch,last-touch,-1.000000\n",
                corr.toString());
        String json = c.toJson();
        assertTrue(
                json.contains("{\"basis\":\"revenue\",\"currency\":\"USD\",\"channel\":\"A\",\"model\":\"first-touch\","
                        + "\"amount\":500.00,\"share\":0.454545,\"spread\":0.272727}"),
                json);
        assertTrue(json.contains("\"model_b\":\"last-touch\",\"spearman\":-1.000000}"), json);
    }

    @Test
    void toText_alignsShareTableAndMatrix() {
        String text = compare("first-touch", "last-touch", "linear").toText();
        List<String> lines = text.lines().collect(Collectors.toList());
        assertEquals("Share of won revenue by channel, USD (total 1,100.00 under every model)", lines.get(0));
        assertEquals("channel         first-touch  last-touch  linear   spread", lines.get(1));
        assertEquals("A                     45.5%       18.2%   31.8%  27.3 pp", lines.get(3));
        assertEquals("(unattributed)         9.1%        9.1%    9.1%   0.0 pp", lines.get(6));
        assertTrue(text.contains("Models disagree most on A: 27.3 percentage points"), text);
        assertTrue(text.contains("first-touch         1.00       -1.00    0.00"), text);
    }

    @Test
    void run_withoutModels_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> Comparison.run(attributor, journeys, List.of()));
    }

    @Test
    void run_handsEveryBlockToTheTapWithItsModel() {
        List<AttributionModel> models = List.of(Models.byName("first-touch"), Models.byName("linear"));
        int[] opportunities = new int[2];
        List<String> seen = new java.util.ArrayList<>();
        Comparison withTap = Comparison.run(attributor, journeys, models, Comparison.Basis.REVENUE, (table, m) -> {
            opportunities[m] += table.endOpportunity() - table.firstOpportunity();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(table.model())) {
                seen.add(table.model());
            }
            assertEquals(models.get(m).name(), table.model());
        });
        assertEquals(List.of("first-touch", "linear"), seen, "model order, each model's blocks together");
        assertEquals(data.opportunityCount(), opportunities[0]);
        assertEquals(data.opportunityCount(), opportunities[1]);
        assertEquals(Comparison.run(attributor, journeys, models).toCsv(), withTap.toCsv());
    }
}
