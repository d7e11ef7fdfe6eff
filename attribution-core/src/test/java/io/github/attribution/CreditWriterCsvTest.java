package io.github.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.TouchType;
import io.github.attribution.data.TouchpointRow;
import io.github.attribution.io.CreditWriter;
import io.github.attribution.journey.JourneySettings;
import io.github.attribution.journey.Journeys;
import io.github.attribution.sample.SampleGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link CreditWriter}'s CSV bytes against a plain reference renderer written here from the rules of
 * the format (docs/data.md), on generated credit tables: arbitrary weights and credits (negative,
 * {@link Long#MIN_VALUE}, beyond {@code [0, 1]}), currencies of 0, 2, 3 and 4 fraction digits, ids and
 * names that need quotes or are not ASCII, unattributed rows, buffers reused across blocks and
 * datasets.
 */
final class CreditWriterCsvTest {
    private static final String HEADER = "model,opportunity_id,touchpoint_id,channel,campaign,weight,credit,currency\n";

    /** JPY 0, USD and EUR 2, BHD and KWD 3, CLF 4 fraction digits. */
    private static final String[] CURRENCIES = {"USD", "JPY", "BHD", "EUR", "KWD", "CLF"};

    /** Characters ids and names are made of: plain ones, CSV's specials, Latin-1, CJK, an emoji. */
    private static final String[] PIECES = {
        "a", "b", "Z", "0", "7", "-", "_", ".", ":", "=", " ", ",", "\"", "\n", "\r", "\t", "é", "ÿ", "\u0080", "中",
        "😀", "\u007f"
    };

    // ---- the reference: the format's rules, written out plainly

    /** One row: eight fields, commas between them, a line feed after. */
    private static String referenceRow(
            String model,
            String opportunityId,
            String touchId,
            String channel,
            String campaign,
            double weight,
            long credit,
            Currency currency) {
        return csvField(model) + "," + csvField(opportunityId) + "," + csvField(touchId == null ? "" : touchId) + ","
                + csvField(channel) + "," + csvField(campaign) + "," + weightText(weight) + ","
                + moneyText(credit, currency.getDefaultFractionDigits()) + "," + csvField(currency.getCurrencyCode())
                + "\n";
    }

    /** RFC 4180: quoted, with quotes doubled, only when the text holds a comma, a quote, CR or LF. */
    private static String csvField(String text) {
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** The weight rounded to a whole number of 10^-12 as Math.round does, with exactly 12 decimals. */
    private static String weightText(double weight) {
        return plainDecimal(Math.round(weight * 1e12), 12);
    }

    /** A credit of {@code minor} minor units with exactly the currency's decimals. */
    private static String moneyText(long minor, int digits) {
        return plainDecimal(minor, digits);
    }

    /** {@code unscaled / 10^scale} with exactly {@code scale} digits after the point, no exponent. */
    private static String plainDecimal(long unscaled, int scale) {
        String digits = BigDecimal.valueOf(unscaled).abs().toString(); // Long.MIN_VALUE too
        if (scale > 0) {
            digits = "0".repeat(Math.max(0, scale + 1 - digits.length())) + digits;
            digits = digits.substring(0, digits.length() - scale) + "." + digits.substring(digits.length() - scale);
        }
        return (unscaled < 0 ? "-" : "") + digits;
    }

    private static String reference(String model, CreditTable table, int[] touch, double[] weight, long[] credit) {
        Dataset data = table.dataset();
        StringBuilder sb = new StringBuilder();
        for (int o = table.firstOpportunity(); o < table.endOpportunity(); o++) {
            for (int r = table.rowStart(o); r < table.rowEnd(o); r++) {
                int t = touch[r];
                sb.append(referenceRow(
                        model,
                        data.opportunityId(o),
                        t < 0 ? null : data.touchId(t),
                        t < 0 ? "(unattributed)" : data.channelName(data.touchChannel(t)),
                        t < 0 ? "" : data.campaignName(data.touchCampaign(t)),
                        weight[r],
                        credit[r],
                        data.currency(o)));
            }
        }
        return sb.toString();
    }

    @Test
    void referenceRenderer_spellsOutTheFormat() {
        Currency usd = Currency.getInstance("USD");
        Currency jpy = Currency.getInstance("JPY");
        Currency bhd = Currency.getInstance("BHD");
        assertEquals(
                "linear,o1,t1,Email,\"Q1, \"\"launch\"\"\",0.333333333333,1234.50,USD\n",
                referenceRow("linear", "o1", "t1", "Email", "Q1, \"launch\"", 1 / 3.0, 123450, usd));
        assertEquals(
                "m,o2,,(unattributed),,1.000000000000,1235,JPY\n",
                referenceRow("m", "o2", null, "(unattributed)", "", 1, 1235, jpy));
        assertEquals(
                "m,o3,é,Web,,0.000000000001,-0.005,BHD\n", referenceRow("m", "o3", "é", "Web", "", 0.5e-12, -5, bhd));
        assertEquals("-92233720368547758.08", moneyText(Long.MIN_VALUE, 2));
        assertEquals("0.000000000000", weightText(0.49e-12));
    }

    // ---- generated datasets and tables

    private static String text(SplittableRandom r, boolean mayBeEmpty) {
        if (mayBeEmpty && r.nextInt(5) == 0) {
            return "";
        }
        int length = r.nextInt(12) == 0 ? 100 + r.nextInt(300) : 1 + r.nextInt(12);
        StringBuilder sb = new StringBuilder();
        boolean plain = r.nextInt(3) > 0; // most ids are plain ASCII
        for (int i = 0; i < length; i++) {
            sb.append(plain ? PIECES[r.nextInt(10)] : PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    /**
     * A dataset of random ids and names; {@code names} channels and campaigns to draw from (few: the
     * usual case, many: more pairs than a cache of pairs would hold).
     */
    private static Dataset dataset(SplittableRandom r, int touches, int opportunities, int names) {
        List<String> channels = new ArrayList<>();
        List<String> campaigns = new ArrayList<>();
        for (int i = 0; i < names; i++) {
            channels.add(i + ":" + text(r, false)); // a leading digit: never blank
            campaigns.add(text(r, true));
        }
        // ",x,<campaign>," of 63, 64 and 65 bytes: around the size of a writer's slot for a pair
        channels.add("x");
        for (int length = 59; length <= 61; length++) {
            campaigns.add("m".repeat(length));
        }
        Dataset.Builder b = Dataset.builder();
        for (int t = 0; t < touches; t++) {
            b.addTouchpoint(new TouchpointRow(
                    "t" + t + ":" + text(r, true),
                    "acct",
                    null,
                    1_000_000_000L * t,
                    channels.get(r.nextInt(channels.size())),
                    "",
                    campaigns.get(r.nextInt(campaigns.size())),
                    "",
                    TouchType.MARKETING));
        }
        for (int o = 0; o < opportunities; o++) {
            b.addOpportunity(
                    "o" + o + ":" + text(r, true),
                    "acct",
                    Currency.getInstance(CURRENCIES[r.nextInt(CURRENCIES.length)]),
                    r.nextInt(1_000_000),
                    1_000_000_000L * touches,
                    Dataset.NO_INSTANT,
                    OpportunityStatus.OPEN);
        }
        return b.build();
    }

    private static double weight(SplittableRandom r) {
        switch (r.nextInt(16)) {
            case 0:
                return 1;
            case 1:
                return 0;
            case 2: // rounding boundaries: half a unit of the 12th digit, and just beside it
                double half = (r.nextInt(1_000_000) + 0.5) * 1e-12;
                return r.nextBoolean() ? half : r.nextBoolean() ? Math.nextUp(half) : Math.nextDown(half);
            case 3:
                return Math.nextDown(1.0) - r.nextInt(8) * Math.ulp(0.5);
            case 4:
                return 1.0 / (1 + r.nextInt(40));
            case 5:
                return r.nextInt(1000) * 1e-12;
            case 6:
                return Double.MIN_VALUE * r.nextInt(4);
            case 7: // outside [0, 1]: not made by any model, still written exactly
                return (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(7));
            case 8:
                return 0.999_999_999_999_5 + (r.nextDouble() - 0.5) * 1e-15;
            default:
                return r.nextDouble();
        }
    }

    private static long credit(SplittableRandom r) {
        switch (r.nextInt(12)) {
            case 0:
                return Long.MIN_VALUE;
            case 1:
                return Long.MAX_VALUE;
            case 2:
                return Long.MIN_VALUE + 1 + r.nextInt(100);
            case 3:
                return 0;
            case 4:
                return -r.nextInt(10_000);
            case 5:
                return r.nextLong();
            case 6: // every decimal length
                return r.nextLong(Math.max(1, (long) Math.pow(10, r.nextInt(19))));
            case 7: // powers of ten and their neighbours
                return (long) Math.pow(10, r.nextInt(19)) - 1 + r.nextInt(3);
            default:
                return r.nextLong(100_000_000);
        }
    }

    /** A table of the opportunities {@code [from, end)} with random rows; the arrays are the caller's. */
    private static CreditTable table(
            SplittableRandom r,
            Journeys journeys,
            int from,
            int end,
            List<int[]> touchOut,
            List<double[]> weightOut,
            List<long[]> creditOut) {
        int touches = journeys.dataset().touchCount();
        int[] rowStart = new int[end - from + 1];
        List<Integer> touch = new ArrayList<>();
        List<Double> weight = new ArrayList<>();
        List<Long> credit = new ArrayList<>();
        for (int o = from; o < end; o++) {
            rowStart[o - from] = touch.size();
            if (touches == 0 || r.nextInt(6) == 0) {
                touch.add(-1);
                weight.add(r.nextInt(4) == 0 ? weight(r) : 1.0);
                credit.add(credit(r));
            } else {
                int rows = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(25);
                for (int k = 0; k < rows; k++) {
                    touch.add(r.nextInt(touches));
                    weight.add(weight(r));
                    credit.add(credit(r));
                }
            }
        }
        rowStart[end - from] = touch.size();
        int[] t = touch.stream().mapToInt(Integer::intValue).toArray();
        double[] w = weight.stream().mapToDouble(Double::doubleValue).toArray();
        long[] c = credit.stream().mapToLong(Long::longValue).toArray();
        touchOut.add(t);
        weightOut.add(w);
        creditOut.add(c);
        return new CreditTable("m", journeys, from, rowStart, t, w, c);
    }

    @Test
    void csv_randomTables_matchTheReferenceByteForByte() {
        SplittableRandom r = new SplittableRandom(20261128);
        for (int trial = 0; trial < 120; trial++) {
            int names = trial % 3 == 0 ? 300 + r.nextInt(200) : 1 + r.nextInt(12);
            int touches = trial % 10 == 0 ? 0 : 1 + r.nextInt(names > 100 ? 2000 : 300);
            int opportunities = 1 + r.nextInt(60);
            Dataset data = dataset(r, touches, opportunities, names);
            Journeys journeys = Journeys.build(data, JourneySettings.DEFAULT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CreditWriter writer = new CreditWriter(out, CreditWriter.Format.CSV);
            StringBuilder expected = new StringBuilder(HEADER);
            // several blocks through one writer, so buffers are reused with old bytes in them
            int blocks = 1 + r.nextInt(4);
            long rows = 0;
            for (int b = 0; b < blocks; b++) {
                int from = r.nextInt(opportunities);
                int end = from + r.nextInt(opportunities - from + 1);
                List<int[]> t = new ArrayList<>();
                List<double[]> w = new ArrayList<>();
                List<long[]> c = new ArrayList<>();
                CreditTable table = table(r, journeys, from, end, t, w, c);
                String model = r.nextInt(3) == 0 ? text(r, false) : "time-decay:half-life-days=14";
                writer.write(model, table);
                expected.append(reference(model, table, t.get(0), w.get(0), c.get(0)));
                rows += table.rowCount();
            }
            writer.finish();
            assertEquals(rows, writer.rows());
            assertArrayEquals(
                    expected.toString().getBytes(StandardCharsets.UTF_8), out.toByteArray(), "trial " + trial);
        }
    }

    @Test
    void csv_oneWriterOverSeveralDatasetsAndThreads_matchesTheReference() throws Exception {
        SplittableRandom r = new SplittableRandom(7);
        List<CreditTable> tables = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            int names = d % 2 == 0 ? 2 : 400;
            Dataset data = dataset(r, 200 + r.nextInt(300), 40, names);
            Journeys journeys = Journeys.build(data, JourneySettings.DEFAULT);
            for (int k = 0; k < 4; k++) {
                List<int[]> t = new ArrayList<>();
                List<double[]> w = new ArrayList<>();
                List<long[]> c = new ArrayList<>();
                CreditTable table = table(r, journeys, 0, 40, t, w, c);
                tables.add(table);
                expected.add(reference("model-" + d, table, t.get(0), w.get(0), c.get(0)));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CreditWriter writer = new CreditWriter(out, CreditWriter.Format.CSV);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<CreditWriter.Rendered>> rendered = new ArrayList<>();
            for (int i = 0; i < tables.size(); i++) {
                int k = i;
                rendered.add(pool.submit(() -> writer.render("model-" + (k / 4), tables.get(k))));
            }
            for (Future<CreditWriter.Rendered> f : rendered) {
                writer.write(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        writer.finish();
        assertArrayEquals((HEADER + String.join("", expected)).getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void csv_sampleDatasetEveryRuleBasedModel_matchesTheReference() throws IOException {
        Dataset data = SampleGenerator.generate(300, 5);
        AttributionResult result = Attributor.builder()
                .threads(2)
                .build()
                .attribute(
                        data,
                        Models.ruleBasedNames().stream().map(Models::byName).toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CreditWriter writer = new CreditWriter(out, CreditWriter.Format.CSV);
        StringBuilder expected = new StringBuilder(HEADER);
        for (CreditTable table : result.tables()) {
            writer.write(table.model(), table);
            for (int o = table.firstOpportunity(); o < table.endOpportunity(); o++) {
                for (Credit c : table.credits(o)) {
                    expected.append(referenceRow(
                            c.model(),
                            c.opportunityId(),
                            c.touchpointId(),
                            c.channel(),
                            c.campaign(),
                            c.weight(),
                            c.credit().minor(),
                            c.credit().currency()));
                }
            }
        }
        writer.finish();
        assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }
}
