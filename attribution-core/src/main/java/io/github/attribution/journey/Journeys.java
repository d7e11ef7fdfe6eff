package io.github.attribution.journey;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.internal.IntBuffer;
import io.github.attribution.internal.JourneyCursor;
import io.github.attribution.internal.Parallel;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journeys of every opportunity of a dataset: for opportunity {@code o}, the touches it is
 * credited to in journey order, its milestones, and its original source. Built once by {@link
 * #build} and shared by every model of a run.
 *
 * <p>Held column-wise: touch indices in journey order, one array per part of {@value #PART}
 * opportunities (the parts the build cuts in parallel, kept as they are rather than copied into one
 * array, which at 28 M journey touches is 113 MB of fresh memory), and one int per anchor per
 * opportunity. Immutable and thread-safe; {@link #journey(int)} gives a read-only view of one journey.
 */
public final class Journeys {
    private static final Logger LOG = LoggerFactory.getLogger(Journeys.class);
    /** Opportunities per part: a power of two, so that an opportunity's part is a shift away. */
    static final int PART = 4096;

    private static final int PART_BITS = Integer.numberOfTrailingZeros(PART);
    private static final int ACCOUNTS_PER_TASK = 2048;

    private final Dataset data;
    private final JourneySettings settings;
    private final int[] start;
    /** Per part, its journeys' touches, concatenated (opportunity {@code o} at {@link #local}). */
    private final int[][] touches;

    /**
     * Per part, the channel of each of {@code touches}, copied in journey order so models and reports
     * read it sequentially.
     */
    private final int[][] channels;

    /**
     * Per part, the time of each of {@code touches}, copied as {@link #channels}, but only once a model
     * or a stage anchor asks for times ({@link #timeParts}): most models never do, and at 28 M journey
     * touches the copy is 227 MB of fresh memory.
     */
    private volatile long[][] times;

    private final int[] leadPosition;
    private final int[] opportunityPosition;
    private final int[] originalSource;

    static {
        JourneyCursor.register(Cursor::new);
    }

    private Journeys(
            Dataset data,
            JourneySettings settings,
            int[] start,
            int[][] touches,
            int[][] channels,
            int[] leadPosition,
            int[] opportunityPosition,
            int[] originalSource) {
        this.data = data;
        this.settings = settings;
        this.start = start;
        this.touches = touches;
        this.channels = channels;
        this.leadPosition = leadPosition;
        this.opportunityPosition = opportunityPosition;
        this.originalSource = originalSource;
    }

    /** The journeys of {@code data} under {@code settings}, built on one thread. */
    public static Journeys build(Dataset data, JourneySettings settings) {
        return build(data, settings, 1);
    }

    /**
     * The journeys of {@code data} under {@code settings}, built on up to {@code threads} threads.
     * The result does not depend on the thread count or on the input order of touches.
     */
    public static Journeys build(Dataset data, JourneySettings settings, int threads) {
        Objects.requireNonNull(data, "data must not be null");
        Objects.requireNonNull(settings, "settings must not be null");
        long began = System.nanoTime();
        Journeys journeys = new Assembler(data, settings, threads).assemble();
        LOG.debug(
                "built {} journeys over {} touches in {} ms",
                data.opportunityCount(),
                journeys.touchCount(),
                (System.nanoTime() - began) / 1_000_000);
        return journeys;
    }

    /** The dataset these journeys were cut from. */
    public Dataset dataset() {
        return data;
    }

    /** The settings these journeys were cut with. */
    public JourneySettings settings() {
        return settings;
    }

    /** Number of opportunities (one journey each, possibly empty). */
    public int opportunityCount() {
        return start.length - 1;
    }

    /** Total number of touches over all journeys. */
    public int touchCount() {
        return start[start.length - 1];
    }

    /** Number of touches in opportunity {@code opp}'s journey. */
    public int size(int opp) {
        return start[opp + 1] - start[opp];
    }

    /** Where opportunity {@code opp}'s journey starts in the concatenation of all journeys. */
    public int offset(int opp) {
        return start[opp];
    }

    /** The dataset touch index at {@code position} of opportunity {@code opp}'s journey. */
    public int touch(int opp, int position) {
        return touches[opp >>> PART_BITS][local(opp) + position];
    }

    /** The position of {@code anchor} in opportunity {@code opp}'s journey, or -1 when absent. */
    public int anchor(int opp, Anchor anchor) {
        int size = size(opp);
        if (size == 0) {
            return -1;
        }
        switch (anchor) {
            case FIRST:
                return 0;
            case LAST:
                return size - 1;
            case LEAD_CREATION:
                return leadPosition[opp];
            case OPPORTUNITY_CREATION:
                return opportunityPosition[opp];
            default:
                throw new AssertionError(anchor);
        }
    }

    /**
     * The position in opportunity {@code opp}'s journey of the last touch at or before the opportunity
     * reached stage {@code stage} ({@link Dataset#stageReached}, a stage of {@link Dataset#stageIndex()}),
     * or -1 when it never reached it, reached it after the journey's end, or no touch of the journey
     * precedes it. The milestone a custom model's stage anchor weighs.
     */
    public int stagePosition(int opp, int stage) {
        int from = start[opp];
        int to = start[opp + 1];
        if (from == to) {
            return -1;
        }
        long at = data.stageReached(opp, stage);
        if (at == Dataset.NO_INSTANT) {
            return -1;
        }
        long end = data.status(opp) == OpportunityStatus.OPEN
                ? (settings.asOf() == null ? Long.MAX_VALUE : JourneySettings.nanos(settings.asOf()))
                : data.closedAt(opp);
        if (at > end) {
            return -1;
        }
        long[] times = timeParts()[opp >>> PART_BITS];
        int base = local(opp) - from;
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[base + mid] <= at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - from - 1;
    }

    /**
     * The original source of opportunity {@code opp}: the earliest candidate touch at or before the
     * journey's end, ignoring lookback and cycles (a dataset touch index), or -1 when there is none.
     */
    public int originalSource(int opp) {
        return originalSource[opp];
    }

    /** Where opportunity {@code opp}'s journey starts in its part's arrays. */
    int local(int opp) {
        return start[opp] - start[opp & -PART];
    }

    /** Per part, the journeys' touches, for the {@link Cursor}; never exposed outside the package. */
    int[][] touchParts() {
        return touches;
    }

    int[][] channelParts() {
        return channels;
    }

    /** Per part, the times of {@link #touchParts()}'s touches, copied on the first call (by any thread). */
    long[][] timeParts() {
        long[][] t = times;
        if (t == null) {
            synchronized (this) {
                t = times;
                if (t == null) {
                    t = new long[touches.length][];
                    for (int k = 0; k < t.length; k++) {
                        int[] part = touches[k];
                        long[] tk = t[k] = new long[part.length];
                        for (int i = 0; i < part.length; i++) {
                            tk[i] = data.touchTime(part[i]);
                        }
                    }
                    times = t;
                }
            }
        }
        return t;
    }

    /**
     * A read-only view of opportunity {@code opp}'s journey, as models see it.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= opp < opportunityCount()}
     */
    public Journey journey(int opp) {
        return new Cursor(this).moveTo(opp);
    }

    /** Builds the journeys; one instance per build. */
    private static final class Assembler {
        private final Dataset data;
        private final TouchSorter sorter;
        private final int threads;
        private final long lookback;
        private final long cycleGap;
        private final long asOf;
        private final boolean lookbackSet;
        private final boolean cycleSet;
        private final boolean asOfSet;
        private final JourneySettings settings;
        private int[] accountStart;
        private int[] accountTouches;
        private int[] personStart;
        private int[] personTouches;
        private long[] accountLead;

        Assembler(Dataset data, JourneySettings settings, int threads) {
            this.data = data;
            this.settings = settings;
            this.threads = threads;
            this.sorter = new TouchSorter(data);
            lookbackSet = settings.lookback() != null;
            lookback = lookbackSet ? JourneySettings.nanos(settings.lookback()) : 0;
            cycleSet = settings.cycleGap() != null;
            cycleGap = cycleSet ? JourneySettings.nanos(settings.cycleGap()) : 0;
            asOfSet = settings.asOf() != null;
            asOf = asOfSet ? JourneySettings.nanos(settings.asOf()) : Long.MAX_VALUE;
        }

        Journeys assemble() {
            int accounts = data.accountCount();
            accountStart = new int[accounts + 1];
            accountTouches = group(data::touchAccount, accounts, accountStart);
            if (data.hasContacts()) {
                int persons = data.personCount();
                personStart = new int[persons + 1];
                personTouches = group(data::touchPerson, persons, personStart);
            }
            accountLead = new long[accounts];
            Arrays.fill(accountLead, Long.MAX_VALUE);
            for (int p = 0; p < data.personCount(); p++) {
                int a = data.personAccount(p);
                long lead = data.leadCreatedAt(p);
                if (a >= 0 && lead != Dataset.NO_INSTANT && lead < accountLead[a]) {
                    accountLead[a] = lead;
                }
            }
            return cut();
        }

        /** Groups touches by key (skipping key -1), each group sorted in journey order. */
        private int[] group(IntUnaryOperator keyOf, int keys, int[] groupStart) {
            int touches = data.touchCount();
            for (int t = 0; t < touches; t++) {
                int k = keyOf.applyAsInt(t);
                if (k >= 0) {
                    groupStart[k + 1]++;
                }
            }
            for (int k = 0; k < keys; k++) {
                groupStart[k + 1] += groupStart[k];
            }
            int[] fill = Arrays.copyOf(groupStart, keys);
            int[] grouped = new int[groupStart[keys]];
            for (int t = 0; t < touches; t++) {
                int k = keyOf.applyAsInt(t);
                if (k >= 0) {
                    grouped[fill[k]++] = t;
                }
            }
            Parallel.run(threads, Parallel.chunks(keys, ACCOUNTS_PER_TASK), task -> {
                int from = task * ACCOUNTS_PER_TASK;
                int to = Math.min(keys, from + ACCOUNTS_PER_TASK);
                int largest = 0;
                for (int k = from; k < to; k++) {
                    largest = Math.max(largest, groupStart[k + 1] - groupStart[k]);
                }
                int[] scratch = new int[largest];
                for (int k = from; k < to; k++) {
                    sorter.sort(grouped, groupStart[k], groupStart[k + 1], scratch);
                }
            });
            return grouped;
        }

        private Journeys cut() {
            int opps = data.opportunityCount();
            int tasks = Parallel.chunks(opps, PART);
            int[][] parts = new int[tasks][];
            int[][] channels = new int[tasks][];
            int[] size = new int[opps];
            int[] lead = new int[opps];
            int[] created = new int[opps];
            int[] original = new int[opps];
            // a task's buffer goes back to the pool for the next task: one large array per thread, not one
            // per part (each of which was a new humongous region for the collector)
            ConcurrentLinkedQueue<IntBuffer> spare = new ConcurrentLinkedQueue<>();
            Parallel.run(threads, tasks, task -> {
                int from = task * PART;
                int to = Math.min(opps, from + PART);
                IntBuffer out = spare.poll();
                if (out == null) {
                    out = new IntBuffer(1024);
                }
                out.clear();
                out.ensure(candidateCount(from, to)); // no growing: a journey is a subset of its candidates
                IntBuffer candidates = new IntBuffer(64);
                IntBuffer scratch = new IntBuffer(64);
                for (int o = from; o < to; o++) {
                    int before = out.size();
                    cutOne(o, out, candidates, scratch, lead, created, original);
                    size[o] = out.size() - before;
                }
                int[] part = parts[task] = Arrays.copyOf(out.array(), out.size());
                int[] c = channels[task] = new int[part.length];
                for (int i = 0; i < part.length; i++) {
                    c[i] = data.touchChannel(part[i]);
                }
                spare.add(out);
            });
            int[] start = new int[opps + 1];
            for (int o = 0; o < opps; o++) {
                start[o + 1] = Math.addExact(start[o], size[o]);
            }
            return new Journeys(data, settings, start, parts, channels, lead, created, original);
        }

        /** The touches the journeys of opportunities {@code from .. to} are cut from: a bound on their sum. */
        private int candidateCount(int from, int to) {
            long n = 0;
            for (int o = from; o < to; o++) {
                int contacts = data.contactCount(o);
                if (contacts == 0) {
                    int account = data.opportunityAccount(o);
                    n += accountStart[account + 1] - accountStart[account];
                } else {
                    for (int k = 0; k < contacts; k++) {
                        int p = data.contact(o, k);
                        n += personStart[p + 1] - personStart[p];
                    }
                }
            }
            return (int) Math.min(n, Integer.MAX_VALUE - 16);
        }

        private void cutOne(
                int o,
                IntBuffer out,
                IntBuffer candidates,
                IntBuffer scratch,
                int[] leadOut,
                int[] createdOut,
                int[] originalOut) {
            int[] sorted;
            int from;
            int to;
            long leadInstant;
            int contacts = data.contactCount(o);
            if (contacts == 0) {
                int account = data.opportunityAccount(o);
                sorted = accountTouches;
                from = accountStart[account];
                to = accountStart[account + 1];
                leadInstant = accountLead[account];
            } else {
                candidates.clear();
                leadInstant = Long.MAX_VALUE;
                for (int k = 0; k < contacts; k++) {
                    int p = data.contact(o, k);
                    candidates.addAll(personTouches, personStart[p], personStart[p + 1]);
                    long lead = data.leadCreatedAt(p);
                    if (lead != Dataset.NO_INSTANT && lead < leadInstant) {
                        leadInstant = lead;
                    }
                }
                sorted = candidates.array();
                from = 0;
                to = candidates.size();
                sorter.sort(sorted, from, to, scratch.ensure(to));
            }
            long end = data.status(o) == OpportunityStatus.OPEN ? asOf : data.closedAt(o);
            long createdAt = data.createdAt(o);
            int hi = upperBound(sorted, from, to, end);
            originalOut[o] = from < hi ? sorted[from] : -1;
            int lo = from;
            if (lookbackSet) {
                lo = lowerBound(sorted, from, hi, saturatingSubtract(createdAt, lookback));
            }
            if (cycleSet) {
                int createdEnd = upperBound(sorted, lo, hi, createdAt);
                for (int k = createdEnd - 1; k > lo; k--) {
                    if (sorter.time(sorted[k]) - sorter.time(sorted[k - 1]) > cycleGap) {
                        lo = k;
                        break;
                    }
                }
            }
            out.addAll(sorted, lo, hi);
            createdOut[o] = upperBound(sorted, lo, hi, createdAt) - lo - 1;
            leadOut[o] = leadInstant == Long.MAX_VALUE ? -1 : upperBound(sorted, lo, hi, leadInstant) - lo - 1;
        }

        /** The first index in {@code a[from..to)} whose time is greater than {@code t}. */
        private int upperBound(int[] a, int from, int to, long t) {
            int lo = from;
            int hi = to;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorter.time(a[mid]) <= t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** The first index in {@code a[from..to)} whose time is at least {@code t}. */
        private int lowerBound(int[] a, int from, int to, long t) {
            int lo = from;
            int hi = to;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorter.time(a[mid]) < t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private static long saturatingSubtract(long a, long b) {
            long r = a - b;
            return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
        }
    }
}
