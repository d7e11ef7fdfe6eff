package io.github.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.data.Dataset;
import io.github.attribution.journey.Journeys;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.sample.SampleGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link Attributor.Builder#executor}: a caller's executor gives the same credits as the shared pool and one thread. */
final class AttributorExecutorTest {
    /** More than two blocks of opportunities, so that several run at once. */
    private static final Dataset DATA = SampleGenerator.generate(3 * Attributor.BLOCK + 100, 11);

    private static final List<String> MODELS = List.of("w-shaped", "time-decay", "markov", "original-source");

    /** Every credit row of every model, in block order: opportunity, touch, weight, credit. */
    private static List<String> rows(Attributor attributor) {
        Journeys journeys = attributor.journeys(DATA);
        List<String> rows = new ArrayList<>();
        for (String spec : MODELS) {
            AttributionModel model = Models.byName(spec);
            attributor.stream(journeys, model, table -> {
                for (int o = table.firstOpportunity(); o < table.endOpportunity(); o++) {
                    for (int r = table.rowStart(o); r < table.rowEnd(o); r++) {
                        rows.add(spec + " " + DATA.opportunityId(o) + " " + table.touch(r) + " " + table.weight(r) + " "
                                + table.credit(r));
                    }
                }
            });
        }
        return rows;
    }

    @Test
    void callersExecutor_sameRowsAsOneThreadAndTheSharedPool_andIsUsed() {
        List<String> oneThread = rows(Attributor.builder().threads(1).build());
        assertEquals(oneThread, rows(Attributor.builder().threads(3).build()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            AtomicInteger submitted = new AtomicInteger();
            Attributor attributor = Attributor.builder()
                    .threads(4)
                    .executor(task -> {
                        submitted.incrementAndGet();
                        pool.execute(task);
                    })
                    .build();
            assertEquals(oneThread, rows(attributor));
            assertTrue(submitted.get() > 0, "the caller's executor ran the blocks");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void directExecutor_runsEverythingOnTheCallingThread_sameRows() {
        Thread caller = Thread.currentThread();
        AtomicLong elsewhere = new AtomicLong();
        Attributor attributor = Attributor.builder()
                .threads(2)
                .executor(task -> {
                    if (Thread.currentThread() != caller) {
                        elsewhere.incrementAndGet();
                    }
                    task.run();
                })
                .build();
        assertEquals(rows(Attributor.builder().threads(1).build()), rows(attributor));
        assertEquals(0, elsewhere.get());
    }
}
