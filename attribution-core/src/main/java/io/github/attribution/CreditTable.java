package io.github.attribution;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.journey.Journeys;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credits of one model for a run of consecutive opportunities {@code [firstOpportunity,
 * endOpportunity)}: per opportunity, rows of (touch, weight, credit) in journey order. Only touches
 * with a positive weight have a row. An opportunity with an empty journey has a single row with touch
 * {@code -1}, weight 1 and its whole amount, so every opportunity's rows add up to its amount.
 *
 * <p>Held column-wise, read-only. A table of an {@link AttributionResult} owns its arrays: it never
 * changes and may be read from any thread. A table handed to an {@link Attributor#stream} sink is a view
 * of arrays the engine reuses for a later block once the sink returns: read it during that call only and
 * copy what must be kept.
 */
public final class CreditTable {
    private final String model;
    private final Journeys journeys;
    private final int from;
    private final int[] rowStart;
    private final int[] touch;
    private final double[] weight;
    private final long[] credit;

    CreditTable(
            String model, Journeys journeys, int from, int[] rowStart, int[] touch, double[] weight, long[] credit) {
        this.model = model;
        this.journeys = journeys;
        this.from = from;
        this.rowStart = rowStart;
        this.touch = touch;
        this.weight = weight;
        this.credit = credit;
    }

    /** The model's name. */
    public String model() {
        return model;
    }

    /** The journeys credited. */
    public Journeys journeys() {
        return journeys;
    }

    /** The dataset credited. */
    public Dataset dataset() {
        return journeys.dataset();
    }

    /** The first opportunity (dataset index) of this table. */
    public int firstOpportunity() {
        return from;
    }

    /** One past the last opportunity (dataset index) of this table. */
    public int endOpportunity() {
        return from + rowStart.length - 1;
    }

    /** The number of rows. */
    public int rowCount() {
        return rowStart[rowStart.length - 1];
    }

    /** The first row of opportunity {@code opp} (a dataset index within this table). */
    public int rowStart(int opp) {
        return rowStart[opp - from];
    }

    /** One past the last row of opportunity {@code opp}. */
    public int rowEnd(int opp) {
        return rowStart[opp - from + 1];
    }

    /** The credited touch (a dataset touch index) of row {@code row}, or -1 when unattributed. */
    public int touch(int row) {
        return touch[row];
    }

    /** The weight of row {@code row}: the touch's share of the opportunity. */
    public double weight(int row) {
        return weight[row];
    }

    /** The credit of row {@code row} in minor units of the opportunity's currency. */
    public long credit(int row) {
        return credit[row];
    }

    /** Whether opportunity {@code opp} is unattributed (its journey is empty). */
    public boolean isUnattributed(int opp) {
        int r = rowStart(opp);
        return rowEnd(opp) - r == 1 && touch[r] < 0;
    }

    /** The credits of opportunity {@code opp} as records. */
    public List<Credit> credits(int opp) {
        Dataset data = dataset();
        Currency currency = data.currency(opp);
        List<Credit> list = new ArrayList<>(rowEnd(opp) - rowStart(opp));
        for (int r = rowStart(opp); r < rowEnd(opp); r++) {
            int t = touch[r];
            list.add(new Credit(
                    model,
                    data.opportunityId(opp),
                    t < 0 ? null : data.touchId(t),
                    t < 0 ? Credit.UNATTRIBUTED : data.channelName(data.touchChannel(t)),
                    t < 0 ? "" : data.campaignName(data.touchCampaign(t)),
                    weight[r],
                    Money.ofMinor(currency, credit[r])));
        }
        return list;
    }

    /** Total credit per currency, in currency order of first appearance. */
    public Map<Currency, Money> totals() {
        Dataset data = dataset();
        long[] sum = new long[data.currencies().size()];
        for (int o = firstOpportunity(); o < endOpportunity(); o++) {
            for (int r = rowStart(o); r < rowEnd(o); r++) {
                sum[data.currencyIndex(o)] = Math.addExact(sum[data.currencyIndex(o)], credit[r]);
            }
        }
        Map<Currency, Money> totals = new LinkedHashMap<>();
        for (int c = 0; c < sum.length; c++) {
            totals.put(data.currencies().get(c), Money.ofMinor(data.currencies().get(c), sum[c]));
        }
        return totals;
    }

    /** Copies streamed blocks of one model, in order, into one table covering all of them. */
    static final class Collector {
        private final String model;
        private final Journeys journeys;
        private int[] rowStart;
        private int[] touch;
        private double[] weight;
        private long[] credit;
        private int opps;
        private int rows;
        private int from = -1;

        Collector(String model, Journeys journeys) {
            this.model = model;
            this.journeys = journeys;
            int capacity = Math.max(16, journeys.touchCount() + journeys.opportunityCount() / 8);
            rowStart = new int[journeys.opportunityCount() + 1];
            touch = new int[capacity];
            weight = new double[capacity];
            credit = new long[capacity];
        }

        void append(CreditTable part) {
            if (from < 0) {
                from = part.from;
            }
            int n = part.rowStart.length - 1;
            int pr = part.rowCount();
            if (rows + pr > touch.length) {
                int size = Math.max(rows + pr, touch.length + touch.length / 2);
                touch = java.util.Arrays.copyOf(touch, size);
                weight = java.util.Arrays.copyOf(weight, size);
                credit = java.util.Arrays.copyOf(credit, size);
            }
            for (int k = 0; k < n; k++) {
                rowStart[opps + k] = rows + part.rowStart[k];
            }
            System.arraycopy(part.touch, 0, touch, rows, pr);
            System.arraycopy(part.weight, 0, weight, rows, pr);
            System.arraycopy(part.credit, 0, credit, rows, pr);
            opps += n;
            rows += pr;
        }

        CreditTable table() {
            int[] starts = java.util.Arrays.copyOf(rowStart, opps + 1);
            starts[opps] = rows;
            return new CreditTable(
                    model,
                    journeys,
                    Math.max(from, 0),
                    starts,
                    java.util.Arrays.copyOf(touch, rows),
                    java.util.Arrays.copyOf(weight, rows),
                    java.util.Arrays.copyOf(credit, rows));
        }
    }

    @Override
    public String toString() {
        return "CreditTable[" + model + ", opportunities " + from + ".." + endOpportunity() + ", " + rowCount()
                + " rows]";
    }
}
