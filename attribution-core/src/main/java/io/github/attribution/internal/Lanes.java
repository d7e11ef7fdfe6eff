package io.github.attribution.internal;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on another executor, at most {@code lanes} at a time, in submission order: how one run
 * uses at most its thread count of a shared pool or of a caller's executor.
 */
public final class Lanes implements Executor {
    private final Executor executor;
    private final int lanes;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger active = new AtomicInteger();

    /** Runs on {@code executor}, at most {@code lanes} tasks at a time (at least 1). */
    public Lanes(Executor executor, int lanes) {
        this.executor = Objects.requireNonNull(executor, "executor must not be null");
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be at least 1: " + lanes);
        }
        this.lanes = lanes;
    }

    /**
     * The library's shared pool: daemon threads made on demand and ended after a minute idle, so runs
     * reuse threads and an idle application holds none. Bounded per run by {@link Lanes}, not here.
     */
    public static ExecutorService sharedPool() {
        return SharedPool.POOL;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(Objects.requireNonNull(task, "task must not be null"));
        schedule();
    }

    /** Starts a lane when one is free and tasks wait. */
    private void schedule() {
        while (!queue.isEmpty()) {
            int running = active.get();
            if (running >= lanes) {
                return; // a running lane takes the task when it is done with its own
            }
            if (active.compareAndSet(running, running + 1)) {
                try {
                    executor.execute(this::drain);
                } catch (RuntimeException | Error e) {
                    active.decrementAndGet();
                    throw e;
                }
                return;
            }
        }
    }

    private void drain() {
        try {
            for (Runnable task = queue.poll(); task != null; task = queue.poll()) {
                task.run();
            }
        } finally {
            active.decrementAndGet();
            schedule(); // a task queued while this lane was finishing
        }
    }

    private static final class SharedPool {
        static final ExecutorService POOL = pool();

        private static ExecutorService pool() {
            AtomicInteger made = new AtomicInteger();
            ThreadPoolExecutor pool =
                    new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                        Thread t = new Thread(r, "attribution-" + made.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            return pool;
        }
    }
}
