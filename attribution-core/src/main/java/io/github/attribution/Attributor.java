package io.github.attribution;

import io.github.attribution.data.Dataset;
import io.github.attribution.internal.JourneyCursor;
import io.github.attribution.internal.Lanes;
import io.github.attribution.internal.Parallel;
import io.github.attribution.internal.WeightBuffer;
import io.github.attribution.journey.Journey;
import io.github.attribution.journey.JourneySettings;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.model.JourneyWeigher;
import io.github.attribution.money.Apportioner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way in: builds a dataset's journeys once, runs each model over them, checks every weight
 * and turns weights into exact credits.
 *
 * <pre>{@code
 * Attributor attributor = Attributor.builder().cycleGapDays(30).build();
 * AttributionResult result = attributor.attribute(dataset, Models.byName("w-shaped"), Models.byName("linear"));
 * }</pre>
 *
 * <p>Opportunities are split into blocks that run on at most {@link Builder#threads(int)} threads at a
 * time, taken from one pool shared by every attributor (daemon threads, made on demand) or from the
 * caller's {@link Builder#executor(Executor)}; the output is identical for any thread count and any
 * executor. Large runs use {@link #stream} to consume credits block by block in opportunity order
 * without holding them all.
 *
 * <p>Immutable and thread-safe.
 */
public final class Attributor {
    private static final Logger LOG = LoggerFactory.getLogger(Attributor.class);
    /** Opportunities per block: large enough to amortise scheduling, small enough to stream. */
    static final int BLOCK = 2048;

    private final JourneySettings settings;
    private final int threads;
    private final Executor executor;

    private Attributor(JourneySettings settings, int threads, Executor executor) {
        this.settings = settings;
        this.threads = threads;
        this.executor = executor;
    }

    /** A builder with default settings (no lookback, no cycles, no as-of) and one thread per core. */
    public static Builder builder() {
        return new Builder();
    }

    /** An attributor with default settings. */
    public static Attributor create() {
        return builder().build();
    }

    /** The journey settings. */
    public JourneySettings settings() {
        return settings;
    }

    /** The number of threads. */
    public int threads() {
        return threads;
    }

    /** The journeys of {@code data} under this attributor's settings. */
    public Journeys journeys(Dataset data) {
        return Journeys.build(data, settings, threads);
    }

    /** Runs {@code models} over {@code data}'s journeys. */
    public AttributionResult attribute(Dataset data, AttributionModel... models) {
        return attribute(data, List.of(models));
    }

    /** Runs {@code models} over {@code data}'s journeys. */
    public AttributionResult attribute(Dataset data, List<AttributionModel> models) {
        return attribute(journeys(data), models);
    }

    /**
     * Runs {@code models}, in order, over {@code journeys}.
     *
     * @throws IllegalArgumentException if a model gives a negative or non-finite weight, or no weight,
     *     naming the model and the opportunity
     */
    public AttributionResult attribute(Journeys journeys, List<AttributionModel> models) {
        Objects.requireNonNull(journeys, "journeys must not be null");
        Objects.requireNonNull(models, "models must not be null");
        List<CreditTable> tables = new ArrayList<>(models.size());
        for (AttributionModel model : models) {
            Objects.requireNonNull(model, "model must not be null");
            CreditTable.Collector collector = new CreditTable.Collector(model.name(), journeys);
            stream(journeys, model, collector::append);
            tables.add(collector.table());
        }
        return new AttributionResult(journeys, tables);
    }

    /**
     * Runs {@code model} over {@code journeys} and hands {@code sink} the credits block by block, in
     * opportunity order, on the calling thread. Blocks are computed ahead on the worker threads while
     * the sink consumes earlier ones.
     *
     * <p>A block's arrays are recycled once the sink returns: a table is valid only during the call,
     * so copy what must be kept (as {@link #attribute} does).
     */
    public void stream(Journeys journeys, AttributionModel model, Consumer<CreditTable> sink) {
        Objects.requireNonNull(sink, "sink must not be null");
        stream(journeys, model, table -> table, (table, same) -> sink.accept(table));
    }

    /**
     * Like {@link #stream(Journeys, AttributionModel, Consumer)}, with a per-block step that runs on the
     * worker threads: {@code onWorker} turns each block into a value (say, its rows rendered as bytes),
     * then {@code sink} receives the block and that value in opportunity order on the calling thread.
     * {@code onWorker} must be thread-safe; the block is valid until {@code sink} returns.
     */
    public <T> void stream(
            Journeys journeys,
            AttributionModel model,
            Function<? super CreditTable, ? extends T> onWorker,
            BiConsumer<? super CreditTable, ? super T> sink) {
        Objects.requireNonNull(journeys, "journeys must not be null");
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(onWorker, "onWorker must not be null");
        Objects.requireNonNull(sink, "sink must not be null");
        long began = System.nanoTime();
        JourneyWeigher weigher = Objects.requireNonNull(model.bind(journeys), "model.bind returned null");
        int opps = journeys.opportunityCount();
        int blocks = Parallel.chunks(opps, BLOCK);
        if (threads == 1 || blocks <= 1) {
            BlockBuffers buffers = new BlockBuffers();
            for (int b = 0; b < blocks; b++) {
                CreditTable table = block(journeys, model, weigher, b, buffers);
                sink.accept(table, onWorker.apply(table));
            }
        } else {
            Executor lanes = new Lanes(executor, threads);
            int window = 4 * threads;
            ArrayDeque<BlockBuffers> free = new ArrayDeque<>();
            for (int i = 0; i < window; i++) {
                free.add(new BlockBuffers());
            }
            ArrayDeque<FutureTask<Done<T>>> ahead = new ArrayDeque<>();
            ArrayDeque<BlockBuffers> inUse = new ArrayDeque<>();
            try {
                int next = 0;
                while (next < blocks || !ahead.isEmpty()) {
                    while (next < blocks && !free.isEmpty()) {
                        int b = next++;
                        BlockBuffers buffers = free.poll();
                        inUse.add(buffers);
                        FutureTask<Done<T>> task = new FutureTask<>(() -> {
                            CreditTable table = block(journeys, model, weigher, b, buffers);
                            return new Done<T>(table, onWorker.apply(table));
                        });
                        ahead.add(task);
                        lanes.execute(task);
                    }
                    Done<T> done = await(ahead.poll());
                    sink.accept(done.table, done.value);
                    free.add(inUse.poll());
                }
            } finally {
                for (FutureTask<Done<T>> task : ahead) {
                    task.cancel(false); // after a failure: blocks not started are not computed
                }
            }
        }
        LOG.debug("{}: {} opportunities in {} ms", model.name(), opps, (System.nanoTime() - began) / 1_000_000);
    }

    /** A computed block and what the worker made of it. */
    private static final class Done<T> {
        final CreditTable table;
        final T value;

        Done(CreditTable table, T value) {
            this.table = table;
            this.value = value;
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Credits one block of opportunities. */
    private static CreditTable block(
            Journeys journeys, AttributionModel model, JourneyWeigher weigher, int b, BlockBuffers buffers) {
        Dataset data = journeys.dataset();
        int from = b * BLOCK;
        int to = Math.min(journeys.opportunityCount(), from + BLOCK);
        boolean original = model.creditsOriginalSource();
        int capacity = 0;
        int largest = 1;
        for (int o = from; o < to; o++) {
            int size = original ? 1 : Math.max(1, journeys.size(o));
            capacity += size;
            largest = Math.max(largest, size);
        }
        buffers.ensure(to - from + 1, capacity, largest);
        int[] rowStart = new int[to - from + 1];
        int[] touch = buffers.touch;
        double[] weight = buffers.weight;
        long[] credit = buffers.credit;
        long[] out = buffers.out;
        WeightBuffer weights = buffers.weights;
        Apportioner apportioner = buffers.apportioner;
        JourneyCursor journey = JourneyCursor.over(journeys);
        int row = 0;
        for (int o = from; o < to; o++) {
            rowStart[o - from] = row;
            if (original) {
                journey.moveToOriginalSource(o);
            } else {
                journey.moveTo(o);
            }
            int n = journey.size();
            long amount = data.amount(o);
            if (n == 0) {
                touch[row] = -1;
                weight[row] = 1;
                credit[row++] = amount;
                continue;
            }
            weights.reset(n);
            weigher.weigh(journey, weights);
            double total = check(model, journey, weights);
            if (weights.isExact()) {
                long[] shares = weights.shares();
                double scale = 1 / total;
                apportioner.apportionShares(amount, shares, n, out);
                for (int p = 0; p < n; p++) {
                    if (shares[p] > 0) {
                        touch[row] = journey.touch(p);
                        weight[row] = shares[p] * scale;
                        credit[row++] = out[p];
                    }
                }
            } else {
                double[] w = weights.weights();
                double scale = 1 / total;
                apportioner.apportionWeights(amount, w, n, out);
                for (int p = 0; p < n; p++) {
                    if (w[p] > 0) {
                        touch[row] = journey.touch(p);
                        weight[row] = w[p] * scale;
                        credit[row++] = out[p];
                    }
                }
            }
        }
        rowStart[to - from] = row;
        return new CreditTable(model.name(), journeys, from, rowStart, touch, weight, credit);
    }

    /**
     * Checks a model's weights for one journey and returns their sum.
     *
     * @throws IllegalArgumentException naming the model, the opportunity and the touch
     */
    private static double check(AttributionModel model, Journey journey, WeightBuffer weights) {
        Dataset data = journey.dataset();
        int n = journey.size();
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("model '" + model.name() + "' gave no weight to any of the " + n
                    + " touches of opportunity '" + data.opportunityId(journey.opportunity()) + "'");
        }
        double total = 0;
        if (weights.isExact()) {
            long sum = 0;
            for (int p = 0; p < n; p++) {
                long s = weights.share(p);
                if (s < 0) {
                    throw badWeight(model, journey, p, "a negative share " + s);
                }
                sum = Math.addExact(sum, s);
            }
            total = sum;
        } else {
            for (int p = 0; p < n; p++) {
                double w = weights.weight(p);
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw badWeight(model, journey, p, (w < 0 ? "a negative weight " : "a non-finite weight ") + w);
                }
                total += w;
            }
            if (Double.isInfinite(total)) {
                throw new IllegalArgumentException("model '" + model.name() + "' gave weights summing to infinity"
                        + " for opportunity '" + data.opportunityId(journey.opportunity()) + "'");
            }
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("model '" + model.name() + "' gave zero weight to every touch of"
                    + " opportunity '" + data.opportunityId(journey.opportunity()) + "'");
        }
        return total;
    }

    private static IllegalArgumentException badWeight(AttributionModel model, Journey journey, int p, String what) {
        Dataset data = journey.dataset();
        return new IllegalArgumentException("model '" + model.name() + "' gave " + what + " to touch '"
                + data.touchId(journey.touch(p)) + "' of opportunity '" + data.opportunityId(journey.opportunity())
                + "'");
    }

    /** The reusable arrays of one block in flight; used by one thread at a time. */
    private static final class BlockBuffers {
        int[] touch = new int[0];
        double[] weight = new double[0];
        long[] credit = new long[0];
        long[] out = new long[0];
        final WeightBuffer weights = new WeightBuffer();
        final Apportioner apportioner = new Apportioner();

        void ensure(int opportunities, int rows, int largest) {
            if (touch.length < rows) {
                int n = Math.max(rows, touch.length + touch.length / 4);
                touch = new int[n];
                weight = new double[n];
                credit = new long[n];
            }
            if (out.length < largest) {
                out = new long[Math.max(largest, 2 * out.length)];
            }
        }
    }

    /** Configures an {@link Attributor}. Not thread-safe. */
    public static final class Builder {
        private JourneySettings settings = JourneySettings.DEFAULT;
        private int threads = Parallel.defaultThreads();
        private Executor executor = Lanes.sharedPool();

        private Builder() {}

        /** The journey settings (lookback, cycle gap, as-of). */
        public Builder settings(JourneySettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings must not be null");
            return this;
        }

        /** Leave out touches more than {@code days} before opportunity creation. */
        public Builder lookbackDays(long days) {
            settings = settings.withLookbackDays(days);
            return this;
        }

        /** Start a new funnel cycle after a quiet gap longer than {@code days}. */
        public Builder cycleGapDays(long days) {
            settings = settings.withCycleGapDays(days);
            return this;
        }

        /** End open opportunities' journeys at {@code asOf}. */
        public Builder asOf(java.time.Instant asOf) {
            settings = settings.withAsOf(asOf);
            return this;
        }

        /**
         * The number of threads, at least 1; the default is the number of processors. Results do not
         * depend on it.
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Where blocks run when {@link #threads(int)} is more than 1: the caller's executor instead of the
         * library's shared pool. A run submits at most {@code threads} tasks to it at a time and waits for
         * them on the calling thread, so the executor must not be one the caller's own thread is needed
         * by. Results do not depend on it.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor must not be null");
            return this;
        }

        /** The attributor. */
        public Attributor build() {
            return new Attributor(settings, threads, executor);
        }
    }
}
