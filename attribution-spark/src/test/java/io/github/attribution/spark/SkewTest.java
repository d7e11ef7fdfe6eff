package io.github.attribution.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.data.DatasetSink;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.TouchpointRow;
import io.github.attribution.io.DatasetWriter;
import io.github.attribution.sample.SampleGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One account with about 30% of all touches and opportunities: journeys are grouped by opportunity,
 * so no task holds the account; the largest batch a task builds stays far below its touches, and the
 * credits still equal the command line's.
 */
final class SkewTest {
    @TempDir
    static Path tmp;

    /** Generated data with every third of each ten accounts renamed {@code BIG}. */
    private static Path skewed(Path dir, int opportunities) throws IOException {
        try (DatasetWriter w = DatasetWriter.open(dir)) {
            SampleGenerator.generate(opportunities, 3, new DatasetSink() {
                private String last;
                private int accounts;

                private String account(String id) {
                    if (!id.equals(last)) {
                        last = id;
                        accounts++;
                    }
                    return accounts % 10 < 3 ? "BIG" : id;
                }

                @Override
                public void touchpoint(TouchpointRow t) {
                    w.touchpoint(new TouchpointRow(
                            t.id(),
                            account(t.accountId()),
                            t.personId(),
                            t.occurredAt(),
                            t.channel(),
                            t.source(),
                            t.campaign(),
                            t.offer(),
                            t.type()));
                }

                @Override
                public void person(String id, String accountId, long leadCreatedAt) {
                    w.person(id, account(accountId), leadCreatedAt);
                }

                @Override
                public void opportunity(
                        String id,
                        String accountId,
                        Currency currency,
                        long amountMinor,
                        long createdAt,
                        long closedAt,
                        OpportunityStatus status) {
                    w.opportunity(id, account(accountId), currency, amountMinor, createdAt, closedAt, status);
                }

                @Override
                public void contact(String opportunityId, String personId) {
                    w.contact(opportunityId, personId);
                }
            });
            w.commit();
        }
        return dir;
    }

    @Test
    void credits_oneAccountWithAThirdOfTouches_smallBatchesAndTheCliResult() throws IOException {
        Path dir = skewed(tmp.resolve("skewed"), 120);
        long big = TestData.csv(dir.resolve("touchpoints.csv")).stream()
                .filter(r -> r.get(1).equals("BIG"))
                .count();
        long all = TestData.csv(dir.resolve("touchpoints.csv")).size();
        assertTrue(big > all / 5, big + " of " + all);
        List<String> models = List.of("linear", "markov");
        SparkInputs in = SparkInputs.read(
                TestSpark.session(),
                "csv",
                dir.resolve("touchpoints.csv").toString(),
                dir.resolve("opportunities.csv").toString(),
                dir.resolve("people.csv").toString(),
                dir.resolve("opportunity_contacts.csv").toString());
        SparkAttribution run =
                SparkAttribution.builder().partitions(3).batchTouches(50).build();
        Engine.Counters counters = Engine.Counters.of(TestSpark.session().sparkContext());
        List<Row> rows = run.ordered(in, models, counters).collectAsList();
        assertEquals(Runs.sorted(Runs.cli(dir, true, List.of(), models), models), Runs.spark(rows));
        long largest = counters.largestBatch().value();
        assertTrue(largest > 0 && largest < big / 4, "largest batch " + largest + " touch rows; BIG has " + big);
    }
}
