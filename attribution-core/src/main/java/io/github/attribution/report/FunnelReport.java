package io.github.attribution.report;

import io.github.attribution.Attributor;
import io.github.attribution.data.CampaignCost;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.StageIndex;
import io.github.attribution.data.StageRecord;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.model.JourneyWeigher;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The funnel report: each stage event of a {@link Funnel} (a person becoming an MQL, an opportunity
 * reaching a stage) attributed to the touches before it, grouped like a {@link Report}, with cohort
 * conversion and velocity per sourcing channel.
 *
 * <pre>{@code
 * FunnelTable t = FunnelReport.run(attributor, dataset, Models.byName("w-shaped"),
 *         Funnel.parse("lead,mql,sql,opportunity,won"), ReportSpec.of(Dimension.CHANNEL), costs);
 * }</pre>
 *
 * <p><b>Stage events.</b> A record's first entry into a stage is one event of that stage ({@link
 * StageIndex}: re-entries count once). Its journey is the record's touches up to the event, cut by
 * the same lookback, cycle and milestone rules as opportunities' journeys ({@link Dataset#events}).
 * The model weighs it as it weighs an opportunity's journey; a data-driven model is fitted on the
 * opportunities' won and lost journeys (as in the report) and applied to the events' journeys. One
 * event is {@value ReportAccumulator#UNITS} units, apportioned over its touches by the model's weights
 * with the {@link io.github.attribution.money.Apportioner} (largest remainder), so each event's units
 * add up to exactly one event and a stage's column adds up to exactly its number of events, at 6
 * decimals; an event without touches is one {@link Report#UNATTRIBUTED} event.
 *
 * <p><b>Conversion.</b> A record that entered stage A is in A's cohort, sourced by the channel of the
 * A event journey's original source and, separately, of its first touch. It reached the next stage B
 * when it entered B or a later stage of B's kind (a skipped stage counts as passed; a stage is of the
 * kind, people or opportunities, that most of its records are), and the last stage (the first-to-last
 * pair) when it entered that stage. People and opportunities meet
 * through links: an opportunity's contacts, or without contacts its account's people; a person reaches
 * an opportunity stage when a linked opportunity entered it at or after the person entered A (and the
 * other way round). Velocity is the days from entering A to entering B, over the cohort's records that
 * entered B itself at or after A; entries of B before A are out of order, counted and left out.
 *
 * <p>Stateless; each call is independent of thread count and input order.
 */
public final class FunnelReport {
    private static final long NONE = Dataset.NO_INSTANT;
    private static final byte PERSON = (byte) StageRecord.PERSON.ordinal();
    private static final BigDecimal DAY_NANOS = BigDecimal.valueOf(86_400_000_000_000L);
    private static final String[] SOURCING = {"original_source", "first_touch"};

    private FunnelReport() {}

    /**
     * Builds the journeys of {@code data}, reports {@code model}'s credits by {@code spec} with {@code
     * costs} ({@link Report#run}) and adds the funnel.
     *
     * @throws IllegalArgumentException for a funnel stage no record entered, a spec costs cannot be
     *     split by, or money in more than one currency
     */
    public static FunnelTable run(
            Attributor attributor,
            Dataset data,
            AttributionModel model,
            Funnel funnel,
            ReportSpec spec,
            List<CampaignCost> costs) {
        Objects.requireNonNull(attributor, "attributor must not be null");
        Journeys journeys = attributor.journeys(data);
        ReportTable base = Report.run(attributor, journeys, model, spec, costs);
        return of(attributor, journeys, model, base, funnel);
    }

    /**
     * The funnel of {@code model} over {@code journeys}, given {@code base}, the report of the same
     * model over the same journeys (it brings the dimensions, pipeline, revenue, won deals and costs).
     *
     * @throws IllegalArgumentException for a funnel stage no record entered, a base report of another
     *     model, or money in more than one currency
     */
    public static FunnelTable of(
            Attributor attributor, Journeys journeys, AttributionModel model, ReportTable base, Funnel funnel) {
        Objects.requireNonNull(attributor, "attributor must not be null");
        Objects.requireNonNull(journeys, "journeys must not be null");
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(base, "base must not be null");
        Objects.requireNonNull(funnel, "funnel must not be null");
        if (!base.model().equals(model.name())) {
            throw new IllegalArgumentException(
                    "the report is of model '" + base.model() + "', not of '" + model.name() + "'");
        }
        Dataset data = journeys.dataset();
        StageIndex index = data.stageIndex();
        int[] ids = funnel.resolve(index);
        int stages = ids.length;

        // the events, stage by stage, people then opportunities, by index
        long count = 0;
        for (int id : ids) {
            count += index.personRecords(id) + index.opportunityRecords(id);
        }
        if (count > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many stage events for one funnel report: " + count);
        }
        int n = (int) count;
        byte[] kind = new byte[n];
        int[] record = new int[n];
        long[] at = new long[n];
        int[] start = new int[stages + 1];
        int e = 0;
        for (int k = 0; k < stages; k++) {
            start[k] = e;
            for (int p = 0; p < data.personCount(); p++) {
                long t = index.personEntered(p, ids[k]);
                if (t != NONE) {
                    kind[e] = PERSON;
                    record[e] = p;
                    at[e++] = t;
                }
            }
            for (int o = 0; o < data.opportunityCount(); o++) {
                long t = index.opportunityEntered(o, ids[k]);
                if (t != NONE) {
                    kind[e] = (byte) StageRecord.OPPORTUNITY.ordinal();
                    record[e] = o;
                    at[e++] = t;
                }
            }
        }
        start[stages] = e;

        // attribute every event in one run; each stage's accumulator takes its range
        Dataset events = data.events(kind, record, at);
        Journeys eventJourneys = Journeys.build(events, journeys.settings(), attributor.threads());
        JourneyWeigher weigher = Objects.requireNonNull(model.bind(journeys), "model.bind returned null");
        AttributionModel fitted = new AttributionModel() {
            @Override
            public String name() {
                return model.name();
            }

            @Override
            public JourneyWeigher bind(Journeys ignored) {
                return weigher;
            }

            @Override
            public boolean creditsOriginalSource() {
                return model.creditsOriginalSource();
            }
        };
        ReportAccumulator[] acc = new ReportAccumulator[stages];
        for (int k = 0; k < stages; k++) {
            acc[k] = new ReportAccumulator(eventJourneys, model.name(), base.spec(), start[k], start[k + 1]);
        }
        attributor.stream(eventJourneys, fitted, block -> {
            for (ReportAccumulator a : acc) {
                a.accept(block);
            }
        });

        // the groups: the base report's money, each stage's counts
        Set<Currency> currencies = new LinkedHashSet<>();
        base.rows().forEach(r -> currencies.add(r.currency()));
        if (currencies.size() > 1) {
            throw new IllegalArgumentException(
                    "a funnel report needs opportunities and costs in one currency, but" + " they are in "
                            + currencies.stream()
                                    .map(Currency::getCurrencyCode)
                                    .sorted()
                                    .toList());
        }
        Currency currency = currencies.isEmpty()
                ? events.currencies().get(0)
                : currencies.iterator().next();
        Map<List<String>, Group> groups = new TreeMap<>(FunnelReport::compareKeys);
        for (ReportRow r : base.rows()) {
            Group g = groups.computeIfAbsent(r.keys(), x -> new Group(stages, currency));
            g.pipeline = r.pipeline().minor();
            g.revenue = r.revenue().minor();
            g.won = r.won();
            g.cost = r.cost() == null ? 0 : r.cost().minor();
        }
        BigDecimal[] totals = new BigDecimal[stages];
        for (int k = 0; k < stages; k++) {
            totals[k] = BigDecimal.ZERO.setScale(6);
            for (ReportRow r : acc[k].finish().rows()) {
                Group g = groups.computeIfAbsent(r.keys(), x -> new Group(stages, currency));
                g.counts[k] = g.counts[k].add(r.won());
                totals[k] = totals[k].add(r.won());
            }
            if (totals[k].compareTo(BigDecimal.valueOf(start[k + 1] - start[k])) != 0) {
                throw new AssertionError("stage " + funnel.stages().get(k) + " does not reconcile: " + totals[k]);
            }
        }
        boolean costs = base.hasCosts();
        List<FunnelRow> rows = new ArrayList<>();
        long pipeline = 0;
        long revenue = 0;
        long cost = 0;
        BigDecimal won = BigDecimal.ZERO.setScale(6);
        for (Map.Entry<List<String>, Group> entry : groups.entrySet()) {
            Group g = entry.getValue();
            rows.add(g.row(entry.getKey(), costs));
            pipeline = Math.addExact(pipeline, g.pipeline);
            revenue = Math.addExact(revenue, g.revenue);
            cost = Math.addExact(cost, g.cost);
            won = won.add(g.won);
        }
        List<String> totalKeys = new ArrayList<>();
        base.spec().dimensions().forEach(d -> totalKeys.add(Report.TOTAL));
        FunnelRow total = new FunnelRow(
                totalKeys,
                currency,
                List.of(totals),
                Money.ofMinor(currency, pipeline),
                Money.ofMinor(currency, revenue),
                won,
                costs ? Money.ofMinor(currency, cost) : null);

        List<String> notes = new ArrayList<>();
        List<ConversionRow> conversion =
                new Conversion(data, index, ids, funnel, eventJourneys, kind, record, at, start).rows(notes);
        for (int k = 0; k < stages; k++) {
            long re = index.reentries(ids[k]);
            if (re > 0) {
                notes.add("stage '" + funnel.stages().get(k) + "': " + re + " re-entries of records already in it"
                        + " (recycling) count once, at each record's first entry");
            }
        }
        notes.addAll(base.notes());
        long[] eventCounts = new long[stages];
        for (int k = 0; k < stages; k++) {
            eventCounts[k] = start[k + 1] - start[k];
        }
        return new FunnelTable(model.name(), base.spec(), funnel, costs, rows, total, conversion, eventCounts, notes);
    }

    /** Keys in report order: real values by name, then (none), then unmapped/unallocated, then unattributed. */
    static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Integer.compare(rank(a.get(i)), rank(b.get(i)));
            if (c == 0) {
                c = a.get(i).compareTo(b.get(i));
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int rank(String label) {
        switch (label) {
            case Report.UNATTRIBUTED:
                return 3;
            case Report.UNMAPPED:
            case Report.UNALLOCATED:
                return 2;
            case Report.NONE:
                return 1;
            default:
                return 0;
        }
    }

    /** One group's sums while merging. */
    private static final class Group {
        final BigDecimal[] counts;
        final Currency currency;
        long pipeline;
        long revenue;
        long cost;
        BigDecimal won = BigDecimal.ZERO.setScale(6);

        Group(int stages, Currency currency) {
            counts = new BigDecimal[stages];
            Arrays.fill(counts, BigDecimal.ZERO.setScale(6));
            this.currency = currency;
        }

        FunnelRow row(List<String> keys, boolean costs) {
            return new FunnelRow(
                    keys,
                    currency,
                    List.of(counts),
                    Money.ofMinor(currency, pipeline),
                    Money.ofMinor(currency, revenue),
                    won,
                    costs ? Money.ofMinor(currency, cost) : null);
        }
    }

    /** Cohort conversion and velocity over the events. */
    private static final class Conversion {
        private final Dataset data;
        private final StageIndex index;
        private final int[] ids;
        private final Funnel funnel;
        private final Journeys journeys;
        private final byte[] kind;
        private final int[] record;
        private final long[] at;
        private final int[] start;
        private int[] personOppStart;
        private int[] personOpps;

        Conversion(
                Dataset data,
                StageIndex index,
                int[] ids,
                Funnel funnel,
                Journeys journeys,
                byte[] kind,
                int[] record,
                long[] at,
                int[] start) {
            this.data = data;
            this.index = index;
            this.ids = ids;
            this.funnel = funnel;
            this.journeys = journeys;
            this.kind = kind;
            this.record = record;
            this.at = at;
            this.start = start;
        }

        List<ConversionRow> rows(List<String> notes) {
            int stages = ids.length;
            if (stages < 2) {
                return List.of();
            }
            linkPeople();
            int pairs = stages - 1 + (stages > 2 ? 1 : 0);
            int channels = data.channelCount() + 1; // slot 0: no sourcing touch
            int cells = SOURCING.length * channels * pairs;
            long[] entered = new long[cells];
            long[] reached = new long[cells];
            long[] outOfOrder = new long[cells];
            long[][] days = new long[cells][];
            int[] timed = new int[cells];
            long[] skipped = new long[stages];
            long[] disorder = new long[pairs];
            int[] channel = new int[SOURCING.length];
            boolean[] personStage = new boolean[stages];
            for (int k = 0; k < stages; k++) {
                personStage[k] = index.personRecords(ids[k]) >= index.opportunityRecords(ids[k]);
            }
            for (int k = 0; k < stages - 1; k++) {
                for (int i = start[k]; i < start[k + 1]; i++) {
                    int source = journeys.originalSource(i);
                    channel[0] = source < 0 ? 0 : data.touchChannel(source) + 1;
                    channel[1] = journeys.size(i) == 0 ? 0 : data.touchChannel(journeys.touch(i, 0)) + 1;
                    long t = at[i];
                    // the furthest stage entered of the kind of the next stage: a person skips from lead
                    // to SQL, an opportunity from creation to won; stages of the other kind do not count
                    int furthest = k;
                    for (int j = stages - 1; j > k; j--) {
                        if (personStage[j] == personStage[k + 1] && entered(i, ids[j], t) != NONE) {
                            furthest = j;
                            break;
                        }
                    }
                    long next = entered(i, ids[k + 1], t);
                    if (next == NONE && furthest > k + 1) {
                        skipped[k + 1]++;
                    }
                    add(
                            k,
                            furthest >= k + 1,
                            next,
                            t,
                            channel,
                            channels,
                            pairs,
                            entered,
                            reached,
                            outOfOrder,
                            days,
                            timed,
                            disorder);
                    if (k == 0 && stages > 2) {
                        long last = entered(i, ids[stages - 1], t);
                        add(
                                stages - 1,
                                last != NONE,
                                last,
                                t,
                                channel,
                                channels,
                                pairs,
                                entered,
                                reached,
                                outOfOrder,
                                days,
                                timed,
                                disorder);
                    }
                }
            }
            List<ConversionRow> rows = new ArrayList<>();
            Integer[] order = new Integer[channels];
            for (int c = 0; c < channels; c++) {
                order[c] = c;
            }
            Arrays.sort(
                    order,
                    Comparator.comparing((Integer c) -> c == 0 ? 1 : 0)
                            .thenComparing(c -> c == 0 ? "" : data.channelName(c - 1)));
            for (int s = 0; s < SOURCING.length; s++) {
                for (int c : order) {
                    for (int p = 0; p < pairs; p++) {
                        int cell = (s * channels + c) * pairs + p;
                        if (entered[cell] == 0) {
                            continue;
                        }
                        int from = p < stages - 1 ? p : 0;
                        int to = p < stages - 1 ? p + 1 : stages - 1;
                        long[] d = days[cell] == null ? new long[0] : Arrays.copyOf(days[cell], timed[cell]);
                        rows.add(new ConversionRow(
                                SOURCING[s],
                                c == 0 ? Report.NONE : data.channelName(c - 1),
                                funnel.stages().get(from),
                                funnel.stages().get(to),
                                entered[cell],
                                reached[cell],
                                timed[cell],
                                outOfOrder[cell],
                                median(d),
                                mean(d)));
                    }
                }
            }
            for (int k = 1; k < stages; k++) {
                if (skipped[k] > 0) {
                    notes.add("stage '" + funnel.stages().get(k) + "': " + skipped[k] + " records of stage '"
                            + funnel.stages().get(k - 1) + "' went past it without entering it (skipped); they"
                            + " count as having reached it in conversion, not in its own count");
                }
            }
            for (int p = 0; p < pairs; p++) {
                if (disorder[p] > 0) {
                    int from = p < stages - 1 ? p : 0;
                    int to = p < stages - 1 ? p + 1 : stages - 1;
                    notes.add("stages '" + funnel.stages().get(from) + "' to '"
                            + funnel.stages().get(to) + "': "
                            + disorder[p] + " records entered '"
                            + funnel.stages().get(to) + "' before '"
                            + funnel.stages().get(from) + "' (out of order); left out of the days");
                }
            }
            return rows;
        }

        /** Adds one cohort member to pair {@code p}: stage p to p + 1, or the last pair, first to last. */
        private void add(
                int p,
                boolean didReach,
                long entry,
                long t,
                int[] channel,
                int channels,
                int pairs,
                long[] entered,
                long[] reached,
                long[] outOfOrder,
                long[][] days,
                int[] timed,
                long[] disorder) {
            if (entry != NONE && entry < t) {
                disorder[p]++;
            }
            for (int s = 0; s < SOURCING.length; s++) {
                int cell = (s * channels + channel[s]) * pairs + p;
                entered[cell]++;
                if (didReach) {
                    reached[cell]++;
                }
                if (entry == NONE) {
                    continue;
                }
                if (entry < t) {
                    outOfOrder[cell]++;
                    continue;
                }
                long[] d = days[cell];
                if (d == null) {
                    d = days[cell] = new long[8];
                } else if (timed[cell] == d.length) {
                    d = days[cell] = Arrays.copyOf(d, d.length * 2);
                }
                d[timed[cell]++] = entry - t;
            }
        }

        /**
         * When the record of event {@code i} entered stage {@code stage}: its own first entry; else the
         * earliest entry at or after {@code t} of a linked record of the other kind; else {@link #NONE}.
         */
        private long entered(int i, int stage, long t) {
            int r = record[i];
            if (kind[i] == PERSON) {
                long own = index.personEntered(r, stage);
                if (own != NONE) {
                    return own;
                }
                long best = NONE;
                for (int k = personOppStart[r]; k < personOppStart[r + 1]; k++) {
                    long x = index.opportunityEntered(personOpps[k], stage);
                    if (x != NONE && x >= t && (best == NONE || x < best)) {
                        best = x;
                    }
                }
                return best;
            }
            long own = index.opportunityEntered(r, stage);
            if (own != NONE) {
                return own;
            }
            long best = NONE;
            int n = index.linkedPeople(r);
            for (int k = 0; k < n; k++) {
                long x = index.personEntered(index.linkedPerson(r, k), stage);
                if (x != NONE && x >= t && (best == NONE || x < best)) {
                    best = x;
                }
            }
            return best;
        }

        /** The opportunities linked to each person: the inverse of {@link StageIndex#linkedPeople}. */
        private void linkPeople() {
            int persons = data.personCount();
            int opps = data.opportunityCount();
            personOppStart = new int[persons + 1];
            for (int o = 0; o < opps; o++) {
                int n = index.linkedPeople(o);
                for (int k = 0; k < n; k++) {
                    personOppStart[index.linkedPerson(o, k) + 1]++;
                }
            }
            for (int p = 0; p < persons; p++) {
                personOppStart[p + 1] += personOppStart[p];
            }
            int[] fill = Arrays.copyOf(personOppStart, persons);
            personOpps = new int[personOppStart[persons]];
            for (int o = 0; o < opps; o++) {
                int n = index.linkedPeople(o);
                for (int k = 0; k < n; k++) {
                    personOpps[fill[index.linkedPerson(o, k)]++] = o;
                }
            }
        }
    }

    static BigDecimal median(long[] nanos) {
        if (nanos.length == 0) {
            return null;
        }
        Arrays.sort(nanos);
        int m = nanos.length / 2;
        BigDecimal mid = nanos.length % 2 == 1
                ? BigDecimal.valueOf(nanos[m])
                : BigDecimal.valueOf(nanos[m - 1])
                        .add(BigDecimal.valueOf(nanos[m]))
                        .divide(BigDecimal.valueOf(2));
        return mid.divide(DAY_NANOS, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal mean(long[] nanos) {
        if (nanos.length == 0) {
            return null;
        }
        long seconds = 0;
        long rest = 0;
        for (long d : nanos) {
            seconds += d / 1_000_000_000L;
            rest += d % 1_000_000_000L;
        }
        BigDecimal sum = BigDecimal.valueOf(seconds).movePointRight(9).add(BigDecimal.valueOf(rest));
        return sum.divide(DAY_NANOS.multiply(BigDecimal.valueOf(nanos.length)), 2, RoundingMode.HALF_UP);
    }
}
