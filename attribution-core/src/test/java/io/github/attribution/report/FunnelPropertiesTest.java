package io.github.attribution.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.attribution.Attributor;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.StageIndex;
import io.github.attribution.data.StageRecord;
import io.github.attribution.data.TouchType;
import io.github.attribution.data.TouchpointRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the funnel report on random data with recycled, skipped and out-of-order stages:
 * every stage column adds up to exactly its events, cohorts never exceed themselves, and the output
 * depends neither on the order of the input rows nor on the thread count.
 */
final class FunnelPropertiesTest {
    private static final long DAY = 86_400_000_000_000L;
    private static final long START = Instant.parse("2025-11-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final String[] STAGES = {"mql", "sql", "lead", "proposal", "won"};
    private static final List<String> MODELS = List.of(
            "linear",
            "w-shaped",
            "first-touch",
            "original-source",
            "time-decay:half-life-days=3",
            "custom:first=0.2,lead=0.1,mql=0.2,sql=0.1,opportunity=0.2,last=0.1",
            "markov",
            "shapley");
    private static final List<String> GROUPINGS =
            List.of("channel", "campaign,month", "original_source_channel", "touch_type,quarter", "");

    /** The rows of a random dataset, each a call on a builder, so they can be shuffled. */
    static List<List<Consumer<Dataset.Builder>>> rows(long seed) {
        Random r = new Random(seed);
        int accounts = 1 + r.nextInt(4);
        int people = 1 + r.nextInt(8);
        int opps = r.nextInt(8);
        boolean contacts = r.nextInt(3) == 0;
        List<Consumer<Dataset.Builder>> touches = new ArrayList<>();
        for (int t = r.nextInt(60); t > 0; t--) {
            String id = "t" + t;
            String account = "a" + r.nextInt(accounts);
            String person = r.nextBoolean() ? "p" + r.nextInt(people) : null;
            long at = START + (long) r.nextInt(200) * DAY / 2;
            String channel = "ch" + r.nextInt(5);
            String campaign = r.nextInt(3) == 0 ? "" : "cmp" + r.nextInt(4);
            TouchType type = r.nextInt(4) == 0 ? TouchType.SALES : TouchType.MARKETING;
            touches.add(
                    b -> b.addTouchpoint(new TouchpointRow(id, account, person, at, channel, "", campaign, "", type)));
        }
        List<Consumer<Dataset.Builder>> opportunities = new ArrayList<>();
        for (int o = 0; o < opps; o++) {
            String id = "o" + o;
            String account = "a" + r.nextInt(accounts + 1);
            long created = START + (long) r.nextInt(200) * DAY / 2;
            OpportunityStatus status = OpportunityStatus.values()[r.nextInt(3)];
            long closed = status == OpportunityStatus.OPEN ? Dataset.NO_INSTANT : created + r.nextInt(60) * DAY;
            long amount = r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(1_000_000);
            opportunities.add(
                    b -> b.addOpportunity(id, account, Money.currency("USD"), amount, created, closed, status));
        }
        List<Consumer<Dataset.Builder>> persons = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            String id = "p" + p;
            String account = "a" + r.nextInt(accounts);
            long lead = r.nextInt(4) == 0 ? Dataset.NO_INSTANT : START + (long) r.nextInt(200) * DAY / 2;
            persons.add(b -> b.addPerson(id, account, lead));
        }
        List<Consumer<Dataset.Builder>> after = new ArrayList<>();
        for (int o = 0; o < opps && contacts; o++) {
            String id = "o" + o;
            String person = "p" + r.nextInt(people);
            after.add(b -> b.addContact(id, person));
        }
        // stage rows, with re-entries, skips and back-dated ones; mql and sql always present
        after.add(b -> b.addStage(StageRecord.PERSON, "p0", "mql", START + 3 * DAY));
        after.add(b -> b.addStage(StageRecord.PERSON, "p0", "sql", START + 2 * DAY));
        for (int s = r.nextInt(30); s > 0; s--) {
            boolean person = opps == 0 || r.nextInt(3) > 0;
            String id = person ? "p" + r.nextInt(people) : "o" + r.nextInt(opps);
            String stage = STAGES[r.nextInt(person ? 3 : STAGES.length)];
            long at = START + (long) r.nextInt(200) * DAY / 2;
            StageRecord kind = person ? StageRecord.PERSON : StageRecord.OPPORTUNITY;
            after.add(b -> b.addStage(kind, id, stage, at));
        }
        return List.of(touches, opportunities, persons, after);
    }

    static Dataset build(List<List<Consumer<Dataset.Builder>>> rows, long shuffle) {
        Dataset.Builder b = Dataset.builder();
        Random r = new Random(shuffle);
        for (List<Consumer<Dataset.Builder>> group : rows) {
            List<Consumer<Dataset.Builder>> copy = new ArrayList<>(group);
            if (shuffle != 0) {
                Collections.shuffle(copy, r);
            }
            copy.forEach(c -> c.accept(b));
        }
        return b.build();
    }

    private static FunnelTable funnel(Dataset data, String model, String by, int threads) {
        return FunnelReport.run(
                Attributor.builder().threads(threads).cycleGapDays(20).build(),
                data,
                Models.byName(model),
                Funnel.standard(data),
                ReportSpec.parse(by),
                List.of());
    }

    @Test
    void stageColumns_addUpToTheirEventsExactly() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            Dataset data = build(rows(seed), 0);
            StageIndex index = data.stageIndex();
            String model = MODELS.get((int) Math.floorMod(seed, (long) MODELS.size()));
            String by = GROUPINGS.get((int) Math.floorMod(seed >> 8, (long) GROUPINGS.size()));
            FunnelTable t = funnel(data, model, by, 1);
            for (int k = 0; k < t.funnel().size(); k++) {
                int id = index.find(t.funnel().stages().get(k));
                long events = index.personRecords(id) + index.opportunityRecords(id);
                assertEquals(events, t.events(k));
                BigDecimal sum = BigDecimal.ZERO;
                for (FunnelRow row : t.rows()) {
                    assertTrue(row.stages().get(k).signum() >= 0);
                    sum = sum.add(row.stages().get(k));
                }
                assertEquals(0, sum.compareTo(BigDecimal.valueOf(events)), model + " " + t.funnel());
                assertEquals(0, t.total().stages().get(k).compareTo(BigDecimal.valueOf(events)));
            }
        });
    }

    @Test
    void cohorts_neverExceedThemselvesAndPartitionTheStage() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            Dataset data = build(rows(seed), 0);
            FunnelTable t = funnel(data, "linear", "channel", 1);
            Map<String, Long> cohort = new HashMap<>();
            for (ConversionRow row : t.conversion()) {
                assertTrue(row.reached() <= row.entered());
                assertTrue(row.timed() <= row.reached());
                assertTrue(row.timed() + row.outOfOrder() <= row.entered());
                cohort.merge(row.sourcing() + "|" + row.from() + ">" + row.to(), row.entered(), Long::sum);
            }
            List<String> stages = t.funnel().stages();
            for (Map.Entry<String, Long> e : cohort.entrySet()) {
                String from = e.getKey()
                        .substring(e.getKey().indexOf('|') + 1, e.getKey().indexOf('>'));
                assertEquals(t.events(stages.indexOf(from)), e.getValue(), e.getKey());
            }
        });
    }

    @Test
    void output_doesNotDependOnRowOrderOrThreads() {
        qt().withExamples(40).forAll(longs().all()).checkAssert(seed -> {
            List<List<Consumer<Dataset.Builder>>> rows = rows(seed);
            String model = MODELS.get((int) Math.floorMod(seed, (long) MODELS.size()));
            String by = GROUPINGS.get((int) Math.floorMod(seed >> 8, (long) GROUPINGS.size()));
            String one = funnel(build(rows, 0), model, by, 1).toText();
            assertEquals(one, funnel(build(rows, seed | 1), model, by, 1).toText());
            assertEquals(one, funnel(build(rows, 0), model, by, 3).toText());
        });
    }
}
