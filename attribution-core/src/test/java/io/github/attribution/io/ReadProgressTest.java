package io.github.attribution.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DatasetReader.Progress}: told, on the reading thread, the bytes read of each file, growing to
 * the file's size, by the byte-level touchpoint route, the general route and the other files alike.
 */
final class ReadProgressTest {
    @TempDir
    Path dir;

    private record Report(String file, long read, long total, Thread thread) {}

    private Path touchpoints(int rows, boolean quoted) throws IOException {
        StringBuilder s = new StringBuilder("touchpoint_id,account_id,occurred_at,channel,campaign\n");
        for (int i = 0; i < rows; i++) {
            s.append('t')
                    .append(i)
                    .append(",A")
                    .append(i % 50)
                    .append(",2026-01-05T10:00:00Z,")
                    .append(i % 3 == 0 ? "Email" : "Paid Search")
                    .append(',')
                    .append(quoted && i == rows / 2 ? "\"Spring, 2026\"" : "Spring")
                    .append('\n');
        }
        Path p = dir.resolve("touchpoints.csv");
        Files.writeString(p, s);
        return p;
    }

    private Path opportunities(int rows) throws IOException {
        StringBuilder s = new StringBuilder("opportunity_id,account_id,amount,currency,created_at,closed_at,status\n");
        for (int i = 0; i < rows; i++) {
            s.append('O').append(i).append(",A").append(i % 50).append(",100.00,USD,2026-02-01,2026-03-01,won\n");
        }
        Path p = dir.resolve("opportunities.csv");
        Files.writeString(p, s);
        return p;
    }

    private static void check(List<Report> reports, String file, long size) {
        List<Report> of = reports.stream().filter(r -> r.file().equals(file)).toList();
        assertTrue(!of.isEmpty(), "no progress for " + file + ": " + reports);
        long before = 0;
        for (Report r : of) {
            assertEquals(size, r.total(), r.toString());
            assertTrue(r.read() >= before && r.read() <= size, of.toString());
            assertEquals(Thread.currentThread(), r.thread(), "told on the reading thread");
            before = r.read();
        }
        assertEquals(size, before, "the last report is the whole file: " + of);
    }

    @Test
    void progress_growsToEachFilesSize_byEveryRoute() throws IOException {
        for (boolean quoted : new boolean[] {false, true}) { // a quoted field: the general route
            List<Report> reports = new ArrayList<>();
            DatasetReader reader = new DatasetReader(
                    Money.currency("USD"),
                    null,
                    (file, read, total) -> reports.add(new Report(file, read, total, Thread.currentThread())));
            Path t = touchpoints(20_000, quoted);
            Path o = opportunities(5_000);
            Dataset.Builder b = Dataset.builder();
            assertEquals(20_000, reader.readTouchpoints(t, b));
            assertEquals(5_000, reader.readOpportunities(o, b));
            check(reports, "touchpoints.csv", Files.size(t));
            check(reports, "opportunities.csv", Files.size(o));
            // now and then, not per row
            assertTrue(reports.size() < 100, reports.size() + " reports");
        }
    }
}
