package io.github.attribution.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks on a fixed number of threads. Each task writes only its own slot of the
 * caller's output, so results do not depend on the thread count or on scheduling.
 */
public final class Parallel {
    private Parallel() {}

    /** The default thread count: the number of available processors. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs {@code task.accept(i)} for every {@code i} in {@code 0..tasks-1} on up to {@code threads}
     * threads and returns when all are done. The first exception thrown by a task is rethrown.
     */
    public static void run(int threads, int tasks, IntConsumer task) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        int workers = Math.min(threads, tasks);
        if (workers <= 1) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < tasks && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        };
        Thread[] started = new Thread[workers - 1];
        for (int w = 0; w < started.length; w++) {
            started[w] = new Thread(worker, "attribution-worker-" + w);
            started[w].setDaemon(true);
            started[w].start();
        }
        worker.run();
        for (Thread t : started) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for workers", e);
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /** The number of chunks of {@code size} needed for {@code count} items. */
    public static int chunks(int count, int size) {
        return (int) (((long) count + size - 1) / size);
    }
}
