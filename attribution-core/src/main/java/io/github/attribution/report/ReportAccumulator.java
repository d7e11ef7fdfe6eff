package io.github.attribution.report;

import io.github.attribution.Attributor;
import io.github.attribution.CreditTable;
import io.github.attribution.data.CampaignCost;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.TouchType;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.money.Apportioner;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Aggregates one model's credits into report groups, one {@link CreditTable} block at a time: feed it
 * to {@link io.github.attribution.Attributor#stream} and call {@link #finish()}. Blocks must arrive in
 * opportunity order and cover every opportunity exactly once (as {@code stream} delivers them), which
 * is what makes the totals reconcile; anything else is rejected.
 *
 * <p>Groups are tuples of ints (currency, then one id per dimension) interned into dense ids; the
 * metrics are parallel primitive arrays indexed by group id. Per credit row the cost is one or two hash
 * look-ups and a few additions; nothing is allocated per row.
 *
 * <p><b>Costs.</b> A cost is placed in the group of its currency, its campaign, the campaign's channel
 * and its period, so only campaign, channel and period dimensions can carry costs. A campaign maps to a
 * channel when all its touches in the dataset share one channel; a campaign with touches in several
 * channels, or with none, cannot be placed in a channel, and its cost goes to channel {@link
 * Report#UNMAPPED} (never split by guess), with a note. A cost whose period is coarser than the report's
 * period dimension (a quarter's cost in a monthly report, or a cost without a period in any period
 * report) goes to period {@link Report#UNALLOCATED}, with a note. So total cost always equals the
 * costs given, per currency. Costs never mix currencies: a cost in a currency the opportunities do not
 * use makes groups of its own.
 *
 * <p>Not thread-safe; one accumulator makes one report.
 */
public final class ReportAccumulator implements Consumer<CreditTable> {
    /** Count units per opportunity: counts are held in millionths of an opportunity. */
    static final long UNITS = 1_000_000L;

    static final int UNATTRIBUTED = Integer.MIN_VALUE;
    static final int NONE = Integer.MIN_VALUE + 1;
    static final int UNMAPPED = Integer.MIN_VALUE + 2;
    static final int UNALLOCATED = Integer.MIN_VALUE + 3;

    private final Journeys journeys;
    private final Dataset data;
    private final String model;
    private final ReportSpec spec;
    private final Dimension[] dims;
    private final boolean touchDims;
    private final boolean periodDims;
    private final boolean hasCosts;
    private final List<Currency> currencies;
    private final List<String> extraCampaigns = new ArrayList<>();
    private final Set<String> notes = new LinkedHashSet<>();

    private final TupleIndex index;
    /** Told of every addition to a group's metrics, or null ({@link ReportIntervals}). */
    private Tally tally;
    /** Bootstrap intervals to compute in {@link #finish()}, or null. */
    private ReportIntervals intervals;

    private long[] pipeline = new long[64];
    private long[] revenue = new long[64];
    private long[] opportunities = new long[64];
    private long[] won = new long[64];
    private long[] touches = new long[64];
    private long[] cost = new long[64];

    // per currency: inputs (to check reconciliation) and marketing impact
    private final long[] inputPipeline;
    private final long[] inputRevenue;
    private final long[] inputCost;
    private final long[] oppCount;
    private final long[] wonDeals;
    private final long[] sourcedRevenue;
    private final long[] sourcedDeals;
    private final long[] firstRevenue;
    private final long[] firstDeals;
    private final long[] influencedRevenue;
    private final long[] influencedDeals;
    private final long[] contributed;

    private final int[] keyP;
    private final int[] keyR;
    private final Apportioner apportioner = new Apportioner();
    private double[] weights = new double[16];
    private long[] units = new long[16];
    private int next;
    private final int end;
    private final boolean ranged;
    private boolean finished;

    /**
     * An accumulator for the credits of the model named {@code model} over {@code journeys}.
     *
     * @param costs campaign costs; empty for a report without cost columns
     * @throws IllegalArgumentException if costs are given and the spec groups by a dimension other than
     *     campaign, channel, month, quarter or year
     */
    public ReportAccumulator(Journeys journeys, String model, ReportSpec spec, List<CampaignCost> costs) {
        this(
                journeys,
                model,
                spec,
                costs,
                !Objects.requireNonNull(costs, "costs must not be null").isEmpty());
    }

    /**
     * As {@link #ReportAccumulator(Journeys, String, ReportSpec, List)}, with the cost columns whenever
     * {@code costColumns} holds, even for no cost rows (a costs file of only a header): a report's
     * columns then depend on the options given, not on what the file happens to hold.
     */
    public ReportAccumulator(
            Journeys journeys, String model, ReportSpec spec, List<CampaignCost> costs, boolean costColumns) {
        this(journeys, model, spec, costs, costColumns, 0, journeys.opportunityCount(), false, null);
    }

    /**
     * An accumulator, without costs, of the opportunities {@code from .. to-1} only: blocks may reach
     * beyond the range, and only the part within it is taken (the funnel report feeds each stage's
     * accumulator the blocks of one run over all stages' events).
     */
    ReportAccumulator(Journeys journeys, String model, ReportSpec spec, int from, int to) {
        this(journeys, model, spec, List.of(), false, from, to, true, null);
    }

    /**
     * An accumulator, without costs, that interns its groups in {@code shared} (another accumulator's
     * index, so group ids agree) and tells {@code tally} of every addition: a bootstrap replicate of a
     * refitted model ({@link ReportIntervals}).
     */
    ReportAccumulator(Journeys journeys, String model, ReportSpec spec, TupleIndex shared, Tally tally) {
        this(journeys, model, spec, List.of(), false, 0, journeys.opportunityCount(), false, shared);
        this.tally = tally;
    }

    private ReportAccumulator(
            Journeys journeys,
            String model,
            ReportSpec spec,
            List<CampaignCost> costs,
            boolean costColumns,
            int from,
            int to,
            boolean ranged,
            TupleIndex shared) {
        this.next = from;
        this.end = to;
        this.ranged = ranged;
        this.journeys = Objects.requireNonNull(journeys, "journeys must not be null");
        this.model = Objects.requireNonNull(model, "model must not be null");
        this.spec = Objects.requireNonNull(spec, "spec must not be null");
        Objects.requireNonNull(costs, "costs must not be null");
        this.data = journeys.dataset();
        this.dims = spec.dimensions().toArray(new Dimension[0]);
        this.touchDims = Arrays.stream(dims).anyMatch(d -> d.kind() == Dimension.Kind.TOUCH);
        this.periodDims = spec.hasPeriod();
        this.hasCosts = costColumns || !costs.isEmpty();
        this.currencies = new ArrayList<>(data.currencies());
        for (CampaignCost c : costs) {
            Objects.requireNonNull(c, "cost must not be null");
            if (!currencies.contains(c.cost().currency())) {
                currencies.add(c.cost().currency());
            }
        }
        int n = currencies.size();
        inputPipeline = new long[n];
        inputRevenue = new long[n];
        inputCost = new long[n];
        oppCount = new long[n];
        wonDeals = new long[n];
        sourcedRevenue = new long[n];
        sourcedDeals = new long[n];
        firstRevenue = new long[n];
        firstDeals = new long[n];
        influencedRevenue = new long[n];
        influencedDeals = new long[n];
        contributed = new long[n];
        index = shared != null ? shared : new TupleIndex(dims.length + 1);
        keyP = new int[dims.length + 1];
        keyR = new int[dims.length + 1];
        if (hasCosts) {
            placeCosts(costs);
        }
    }

    /**
     * Adds bootstrap intervals ({@link Bootstrap}, resampling accounts) to the report's money and count
     * cells: call before the first block. {@code model} must be the model whose credits are given
     * (named as the report's); rule-based models' replicates are weighted sums of the per-account sums
     * gathered from the blocks, data-driven ones ({@code markov}, {@code shapley}) are refitted per
     * replicate and run on {@code attributor} in {@link #finish()}. See {@link ReportTable#rowBounds()}.
     *
     * @return this accumulator
     * @throws IllegalArgumentException if {@code model} is not named as the report's model
     * @throws IllegalStateException if blocks were already given
     */
    public ReportAccumulator intervals(Attributor attributor, AttributionModel model, Bootstrap.Settings settings) {
        Objects.requireNonNull(attributor, "attributor must not be null");
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(settings, "settings must not be null");
        if (!model.name().equals(this.model)) {
            throw new IllegalArgumentException(
                    "intervals are of model '" + model.name() + "' but this report is of model '" + this.model + "'");
        }
        if (next != 0 || ranged || finished) {
            throw new IllegalStateException("intervals must be asked for before the first block");
        }
        intervals = new ReportIntervals(journeys, attributor, model, settings);
        tally = intervals.collector();
        return this;
    }

    /**
     * Adds the credits of one block.
     *
     * @throws IllegalArgumentException if the block is of other journeys or another model, or is not
     *     the next block in opportunity order
     * @throws IllegalStateException after {@link #finish()}
     */
    @Override
    public void accept(CreditTable table) {
        Objects.requireNonNull(table, "table must not be null");
        if (finished) {
            throw new IllegalStateException("this report is finished");
        }
        if (table.journeys() != journeys) {
            throw new IllegalArgumentException("credits of model '" + table.model()
                    + "' are of other journeys than the report's; run the model on the same Journeys");
        }
        if (!table.model().equals(model)) {
            throw new IllegalArgumentException(
                    "credits are of model '" + table.model() + "' but this report is of model '" + model + "'");
        }
        int from = table.firstOpportunity();
        int to = table.endOpportunity();
        if (ranged) {
            if (to <= next || from >= end) {
                return;
            }
            from = Math.max(from, next);
            to = Math.min(to, end);
        }
        if (from != next) {
            throw new IllegalArgumentException("credits must arrive in opportunity order, each once: expected"
                    + " opportunity " + next + " next but the block starts at " + table.firstOpportunity());
        }
        for (int o = from; o < to; o++) {
            add(table, o);
        }
        next = to;
    }

    private void add(CreditTable table, int o) {
        int cur = data.currencyIndex(o);
        long amount = data.amount(o);
        boolean isWon = data.status(o) == OpportunityStatus.WON;
        int createdMonth = periodDims ? Periods.month(data.createdAt(o)) : 0;
        int closedMonth = periodDims && isWon ? Periods.month(data.closedAt(o)) : 0;
        keyP[0] = cur;
        keyR[0] = cur;
        for (int i = 0; i < dims.length; i++) {
            Dimension d = dims[i];
            if (d.kind() == Dimension.Kind.OPPORTUNITY) {
                keyP[i + 1] = opportunityValue(d, o);
                keyR[i + 1] = keyP[i + 1];
            } else if (d.kind() == Dimension.Kind.PERIOD) {
                keyP[i + 1] = Periods.of(d, createdMonth);
                keyR[i + 1] = Periods.of(d, closedMonth);
            }
        }
        int from = table.rowStart(o);
        int to = table.rowEnd(o);
        if (!touchDims) {
            int credited = 0;
            for (int r = from; r < to; r++) {
                credited += table.touch(r) >= 0 ? 1 : 0;
            }
            int g = group(keyP);
            pipeline[g] = Math.addExact(pipeline[g], amount);
            opportunities[g] += UNITS;
            touches[g] += credited;
            if (tally != null) {
                tally.add(o, g, amount, 0, UNITS, 0, credited);
            }
            if (isWon) {
                int gr = periodDims ? group(keyR) : g;
                revenue[gr] = Math.addExact(revenue[gr], amount);
                won[gr] += UNITS;
                if (tally != null) {
                    tally.add(o, gr, 0, amount, 0, UNITS, 0);
                }
            }
        } else {
            int n = to - from;
            splitUnits(table, from, n);
            for (int r = from; r < to; r++) {
                int t = table.touch(r);
                for (int i = 0; i < dims.length; i++) {
                    if (dims[i].kind() == Dimension.Kind.TOUCH) {
                        keyP[i + 1] = touchValue(dims[i], t);
                        keyR[i + 1] = keyP[i + 1];
                    }
                }
                long credit = table.credit(r);
                long u = units[r - from];
                int g = group(keyP);
                pipeline[g] = Math.addExact(pipeline[g], credit);
                opportunities[g] += u;
                touches[g] += t >= 0 ? 1 : 0;
                if (isWon) {
                    int gr = periodDims ? group(keyR) : g;
                    revenue[gr] = Math.addExact(revenue[gr], credit);
                    won[gr] += u;
                    if (tally != null) {
                        if (gr == g) {
                            tally.add(o, g, credit, credit, u, u, t >= 0 ? 1 : 0);
                        } else {
                            tally.add(o, g, credit, 0, u, 0, t >= 0 ? 1 : 0);
                            tally.add(o, gr, 0, credit, 0, u, 0);
                        }
                    }
                } else if (tally != null) {
                    tally.add(o, g, credit, 0, u, 0, t >= 0 ? 1 : 0);
                }
            }
        }
        inputPipeline[cur] = Math.addExact(inputPipeline[cur], amount);
        oppCount[cur]++;
        if (isWon) {
            addMarketing(table, o, cur, amount);
        }
    }

    /** Splits one opportunity's count ({@link #UNITS}) over its rows by weight, exactly. */
    private void splitUnits(CreditTable table, int from, int n) {
        if (n > units.length) {
            units = new long[Math.max(n, units.length * 2)];
            weights = new double[units.length];
        }
        if (n == 1) {
            units[0] = UNITS;
            return;
        }
        for (int k = 0; k < n; k++) {
            weights[k] = table.weight(from + k);
        }
        apportioner.apportionWeights(UNITS, weights, n, units);
    }

    private void addMarketing(CreditTable table, int o, int cur, long amount) {
        inputRevenue[cur] = Math.addExact(inputRevenue[cur], amount);
        wonDeals[cur]++;
        int source = journeys.originalSource(o);
        if (source >= 0 && data.touchType(source) == TouchType.MARKETING) {
            sourcedRevenue[cur] = Math.addExact(sourcedRevenue[cur], amount);
            sourcedDeals[cur]++;
        }
        if (journeys.size(o) > 0 && data.touchType(journeys.touch(o, 0)) == TouchType.MARKETING) {
            firstRevenue[cur] = Math.addExact(firstRevenue[cur], amount);
            firstDeals[cur]++;
        }
        if (Sourcing.influenced(journeys, o)) {
            influencedRevenue[cur] = Math.addExact(influencedRevenue[cur], amount);
            influencedDeals[cur]++;
        }
        for (int r = table.rowStart(o); r < table.rowEnd(o); r++) {
            int t = table.touch(r);
            if (t >= 0 && data.touchType(t) == TouchType.MARKETING) {
                contributed[cur] = Math.addExact(contributed[cur], table.credit(r));
            }
        }
    }

    private int touchValue(Dimension d, int t) {
        if (t < 0) {
            return UNATTRIBUTED;
        }
        switch (d) {
            case CHANNEL:
                return data.touchChannel(t);
            case SOURCE:
                return data.touchSource(t);
            case CAMPAIGN:
                return data.touchCampaign(t);
            case OFFER:
                return data.touchOffer(t);
            case TOUCH_TYPE:
                return data.touchType(t).ordinal();
            default:
                throw new AssertionError(d);
        }
    }

    private int opportunityValue(Dimension d, int o) {
        int t;
        if (d == Dimension.ORIGINAL_SOURCE_CHANNEL || d == Dimension.ORIGINAL_SOURCE_TYPE) {
            t = journeys.originalSource(o);
        } else {
            t = journeys.size(o) > 0 ? journeys.touch(o, 0) : -1;
        }
        if (t < 0) {
            return NONE;
        }
        return d == Dimension.ORIGINAL_SOURCE_CHANNEL || d == Dimension.FIRST_TOUCH_CHANNEL
                ? data.touchChannel(t)
                : data.touchType(t).ordinal();
    }

    private int group(int[] key) {
        int g = index.intern(key);
        if (g >= pipeline.length) {
            int n = Math.max(g + 1, pipeline.length * 2);
            pipeline = Arrays.copyOf(pipeline, n);
            revenue = Arrays.copyOf(revenue, n);
            opportunities = Arrays.copyOf(opportunities, n);
            won = Arrays.copyOf(won, n);
            touches = Arrays.copyOf(touches, n);
            cost = Arrays.copyOf(cost, n);
        }
        return g;
    }

    // ---- costs

    private void placeCosts(List<CampaignCost> costs) {
        spec.requireCostDimensions();
        Map<String, Integer> campaignIds = new HashMap<>();
        for (int c = 0; c < data.campaignCount(); c++) {
            campaignIds.put(data.campaignName(c), c);
        }
        int[] channelOf = campaignChannels();
        int[] key = new int[dims.length + 1];
        for (CampaignCost c : costs) {
            int cur = currencies.indexOf(c.cost().currency());
            Integer known = campaignIds.get(c.campaign());
            int campaign;
            if (known == null) {
                campaign = data.campaignCount() + extraCampaigns.size();
                extraCampaigns.add(c.campaign());
                campaignIds.put(c.campaign(), campaign);
                if (!Arrays.asList(dims).contains(Dimension.CHANNEL)) {
                    notes.add("campaign '" + c.campaign() + "' has costs but no touches");
                }
            } else {
                campaign = known;
            }
            key[0] = cur;
            for (int i = 0; i < dims.length; i++) {
                Dimension d = dims[i];
                if (d == Dimension.CAMPAIGN) {
                    key[i + 1] = campaign;
                } else if (d == Dimension.CHANNEL) {
                    int channel = campaign < channelOf.length ? channelOf[campaign] : -1;
                    key[i + 1] = channel >= 0 ? channel : UNMAPPED;
                    if (channel < 0) {
                        notes.add("campaign '" + c.campaign() + "' "
                                + (channel == -1 ? "has no touches" : "has touches in several channels")
                                + ": its cost is reported under channel " + Report.UNMAPPED);
                    }
                } else {
                    key[i + 1] = Periods.ofCostPeriod(d, c.period(), UNALLOCATED);
                    if (key[i + 1] == UNALLOCATED) {
                        notes.add("cost of campaign '" + c.campaign() + "' "
                                + (c.period() == null ? "has no period" : "is for " + c.period())
                                + " and cannot be placed in a " + d.label() + ": it is reported under "
                                + Report.UNALLOCATED);
                    }
                }
            }
            int g = group(key);
            cost[g] = Math.addExact(cost[g], c.cost().minor());
            inputCost[cur] = Math.addExact(inputCost[cur], c.cost().minor());
        }
    }

    /** Per dataset campaign: its one channel, -1 when it has no touches, -2 when several. */
    private int[] campaignChannels() {
        int[] channelOf = new int[data.campaignCount()];
        Arrays.fill(channelOf, -1);
        for (int t = 0; t < data.touchCount(); t++) {
            int c = data.touchCampaign(t);
            int ch = data.touchChannel(t);
            if (channelOf[c] == -1) {
                channelOf[c] = ch;
            } else if (channelOf[c] != ch) {
                channelOf[c] = -2;
            }
        }
        return channelOf;
    }

    // ---- result

    /**
     * The report of everything accepted.
     *
     * @throws IllegalStateException if called twice, or if the credits of some opportunities were not
     *     given
     */
    public ReportTable finish() {
        if (finished) {
            throw new IllegalStateException("this report is already finished");
        }
        if (next != end) {
            throw new IllegalStateException("credits of opportunities " + next + ".." + end
                    + " were not given; a report needs every opportunity to reconcile");
        }
        finished = true;
        int groups = index.size();
        String[][] labels = new String[groups][dims.length];
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < dims.length; i++) {
                labels[g][i] = label(dims[i], index.get(g, i + 1));
            }
        }
        Integer[] order = new Integer[groups];
        for (int g = 0; g < groups; g++) {
            order[g] = g;
        }
        Arrays.sort(order, comparator(labels));
        List<ReportRow> rows = new ArrayList<>(groups);
        int n = currencies.size();
        long[][] sums = new long[n][6];
        for (int g : order) {
            int cur = index.get(g, 0);
            rows.add(row(
                    List.of(labels[g]), cur, pipeline[g], revenue[g], opportunities[g], won[g], touches[g], cost[g]));
            long[] s = sums[cur];
            s[0] = Math.addExact(s[0], pipeline[g]);
            s[1] = Math.addExact(s[1], revenue[g]);
            s[2] += opportunities[g];
            s[3] += won[g];
            s[4] += touches[g];
            s[5] = Math.addExact(s[5], cost[g]);
        }
        List<String> totalKeys = new ArrayList<>();
        for (int i = 0; i < dims.length; i++) {
            totalKeys.add(Report.TOTAL);
        }
        List<ReportRow> totals = new ArrayList<>();
        List<MarketingImpact> marketing = new ArrayList<>();
        for (int cur : currencyOrder()) {
            long[] s = sums[cur];
            assert s[0] == inputPipeline[cur] && s[1] == inputRevenue[cur] && s[5] == inputCost[cur]
                    : "report does not reconcile in " + currencies.get(cur);
            assert s[2] == oppCount[cur] * UNITS && s[3] == wonDeals[cur] * UNITS
                    : "counts do not reconcile in " + currencies.get(cur);
            if (oppCount[cur] == 0 && inputCost[cur] == 0) {
                continue;
            }
            totals.add(row(totalKeys, cur, s[0], s[1], s[2], s[3], s[4], s[5]));
            if (oppCount[cur] > 0) {
                Currency c = currencies.get(cur);
                marketing.add(new MarketingImpact(
                        c,
                        Money.ofMinor(c, inputRevenue[cur]),
                        wonDeals[cur],
                        Money.ofMinor(c, sourcedRevenue[cur]),
                        sourcedDeals[cur],
                        Money.ofMinor(c, firstRevenue[cur]),
                        firstDeals[cur],
                        Money.ofMinor(c, influencedRevenue[cur]),
                        influencedDeals[cur],
                        Money.ofMinor(c, contributed[cur])));
            }
        }
        if (intervals == null) {
            return new ReportTable(model, spec, hasCosts, rows, totals, marketing, List.copyOf(notes));
        }
        long[][] bounds = intervals.bounds(index, spec, groups, n);
        List<ReportTable.Bounds> rowBounds = new ArrayList<>();
        for (int g : order) {
            rowBounds.add(bounds(index.get(g, 0), bounds[g]));
        }
        List<ReportTable.Bounds> totalBounds = new ArrayList<>();
        for (int cur : currencyOrder()) {
            if (oppCount[cur] != 0 || inputCost[cur] != 0) {
                totalBounds.add(bounds(cur, bounds[groups + cur]));
            }
        }
        return new ReportTable(
                model,
                spec,
                hasCosts,
                rows,
                totals,
                marketing,
                List.copyOf(notes),
                intervals.settings(),
                rowBounds,
                totalBounds);
    }

    private ReportTable.Bounds bounds(int cur, long[] b) {
        Currency c = currencies.get(cur);
        return new ReportTable.Bounds(
                Money.ofMinor(c, b[0]),
                Money.ofMinor(c, b[1]),
                Money.ofMinor(c, b[2]),
                Money.ofMinor(c, b[3]),
                BigDecimal.valueOf(b[4], 6),
                BigDecimal.valueOf(b[5], 6),
                BigDecimal.valueOf(b[6], 6),
                BigDecimal.valueOf(b[7], 6),
                b[8],
                b[9]);
    }

    /**
     * Told of every addition to a group's metrics, with the opportunity it comes from: pipeline and
     * revenue in minor units, counts in millionths, touches.
     */
    interface Tally {
        void add(int opportunity, int group, long pipeline, long revenue, long opportunities, long won, long touches);
    }

    private ReportRow row(
            List<String> keys, int cur, long pipe, long rev, long opps, long wins, long touchCount, long spent) {
        Currency c = currencies.get(cur);
        return new ReportRow(
                keys,
                c,
                Money.ofMinor(c, pipe),
                Money.ofMinor(c, rev),
                BigDecimal.valueOf(opps, 6),
                BigDecimal.valueOf(wins, 6),
                touchCount,
                hasCosts ? Money.ofMinor(c, spent) : null);
    }

    /** Currency indices sorted by ISO code. */
    private List<Integer> currencyOrder() {
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < currencies.size(); c++) {
            order.add(c);
        }
        order.sort(Comparator.comparing(c -> currencies.get(c).getCurrencyCode()));
        return order;
    }

    /**
     * Groups by currency code, then by each dimension in spec order: real values first (names by
     * {@link String#compareTo}, touch types marketing then sales, periods chronologically), then
     * {@link Report#NONE}, then {@link Report#UNMAPPED} and {@link Report#UNALLOCATED}, then {@link
     * Report#UNATTRIBUTED}. Equal labels fall back to the interned id, so the order is total.
     */
    private Comparator<Integer> comparator(String[][] labels) {
        return (a, b) -> {
            int c = currencies
                    .get(index.get(a, 0))
                    .getCurrencyCode()
                    .compareTo(currencies.get(index.get(b, 0)).getCurrencyCode());
            for (int i = 0; i < dims.length && c == 0; i++) {
                int va = index.get(a, i + 1);
                int vb = index.get(b, i + 1);
                c = Integer.compare(rank(dims[i], va), rank(dims[i], vb));
                if (c == 0 && va != vb && rank(dims[i], va) == 0) {
                    boolean numeric = dims[i].isPeriod()
                            || dims[i] == Dimension.TOUCH_TYPE
                            || dims[i] == Dimension.ORIGINAL_SOURCE_TYPE
                            || dims[i] == Dimension.FIRST_TOUCH_TYPE;
                    c = numeric ? Integer.compare(va, vb) : labels[a][i].compareTo(labels[b][i]);
                }
                if (c == 0) {
                    c = Integer.compare(va, vb);
                }
            }
            return c;
        };
    }

    private int rank(Dimension d, int v) {
        if (v == UNATTRIBUTED) {
            return 3;
        }
        if (v == UNMAPPED || v == UNALLOCATED) {
            return 2;
        }
        if (v == NONE || (!d.isPeriod() && name(d, v).isEmpty())) {
            return 1;
        }
        return 0;
    }

    private String label(Dimension d, int v) {
        switch (v) {
            case UNATTRIBUTED:
                return Report.UNATTRIBUTED;
            case NONE:
                return Report.NONE;
            case UNMAPPED:
                return Report.UNMAPPED;
            case UNALLOCATED:
                return Report.UNALLOCATED;
            default:
                break;
        }
        if (d.isPeriod()) {
            return Periods.label(d, v);
        }
        String name = name(d, v);
        return name.isEmpty() ? Report.NONE : name;
    }

    /** The raw name of a real value of a non-period dimension. */
    private String name(Dimension d, int v) {
        switch (d) {
            case CHANNEL:
            case ORIGINAL_SOURCE_CHANNEL:
            case FIRST_TOUCH_CHANNEL:
                return data.channelName(v);
            case SOURCE:
                return data.sourceName(v);
            case CAMPAIGN:
                return v < data.campaignCount() ? data.campaignName(v) : extraCampaigns.get(v - data.campaignCount());
            case OFFER:
                return data.offerName(v);
            case TOUCH_TYPE:
            case ORIGINAL_SOURCE_TYPE:
            case FIRST_TOUCH_TYPE:
                return TouchType.values()[v].label();
            default:
                throw new AssertionError(d);
        }
    }

    @Override
    public String toString() {
        return "ReportAccumulator[" + model + " by " + spec + ", " + index.size() + " groups, " + next + " of "
                + journeys.opportunityCount() + " opportunities]";
    }
}
