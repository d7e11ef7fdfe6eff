package io.github.attribution.report;

import static io.github.attribution.report.ReportFixtures.at;
import static io.github.attribution.report.ReportFixtures.cost;
import static io.github.attribution.report.ReportFixtures.marketing;
import static io.github.attribution.report.ReportFixtures.sales;
import static io.github.attribution.report.ReportFixtures.won;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.attribution.Attributor;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Person;
import io.github.attribution.data.StageRecord;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The funnel's worked example (docs/models.md, "Funnel stages"), with every number written out. */
final class FunnelReportTest {
    /** Account A: two people, five touches, one won opportunity, and a stage history. */
    static Dataset example() {
        Dataset.Builder b = Dataset.builder()
                .addTouchpoint(marketing("t1", "A", "2026-01-05", "Paid Search", "Search Q1"))
                .addTouchpoint(marketing("t2", "A", "2026-01-10", "Webinar", "Webinar Q1"))
                .addTouchpoint(marketing("t3", "A", "2026-01-25", "Email", ""))
                .addTouchpoint(marketing("t4", "A", "2026-02-10", "Event", ""))
                .addTouchpoint(sales("t5", "A", "2026-03-01", "Sales Outreach"))
                .addOpportunity(won("OPP-1", "A", "USD 10000.00", "2026-02-15", "2026-03-20"))
                .addPerson(new Person("P1", "A", at("2026-01-10")))
                .addPerson(new Person("P2", "A", at("2026-01-20")));
        b.addStage(StageRecord.PERSON, "P1", "mql", at("2026-01-28"));
        b.addStage(StageRecord.PERSON, "P1", "sql", at("2026-02-12"));
        b.addStage(StageRecord.PERSON, "P2", "mql", at("2026-02-08"));
        b.addStage(StageRecord.PERSON, "P2", "mql", at("2026-04-01")); // recycled: counts once
        b.addStage(StageRecord.OPPORTUNITY, "OPP-1", "proposal", at("2026-03-05"));
        return b.build();
    }

    static FunnelTable linear() {
        return FunnelReport.run(
                Attributor.builder().threads(1).build(),
                example(),
                Models.byName("linear"),
                Funnel.parse("lead,mql,sql,opportunity,won"),
                ReportSpec.of(Dimension.CHANNEL),
                List.of(cost("Search Q1", "USD 400.00", "2026-Q1"), cost("Webinar Q1", "USD 1000.00", "2026-Q1")));
    }

    @Test
    void worked_stageCountsCostPerStageAndRoi() {
        FunnelTable t = linear();
        assertEquals(
                "channel,currency,lead,mql,sql,opportunity,won,pipeline,revenue,cost,cost_per_lead,cost_per_mql,"
                        + "cost_per_sql,cost_per_opportunity,cost_per_won,cac,roi\n"
                        + "Email,USD,0.000000,0.666666,0.250000,0.250000,0.200000,2000.00,2000.00,0.00,,0.00,0.00,"
                        + "0.00,0.00,0.00,\n"
                        + "Event,USD,0.000000,0.000000,0.250000,0.250000,0.200000,2000.00,2000.00,0.00,,,0.00,0.00,"
                        + "0.00,0.00,\n"
                        + "Paid Search,USD,1.000000,0.666668,0.250000,0.250000,0.200000,2000.00,2000.00,400.00,"
                        + "400.00,600.00,1600.00,1600.00,2000.00,2000.00,4.0000\n"
                        + "Sales Outreach,USD,0.000000,0.000000,0.000000,0.000000,0.200000,2000.00,2000.00,0.00,,,"
                        + ",,0.00,0.00,\n"
                        + "Webinar,USD,1.000000,0.666666,0.250000,0.250000,0.200000,2000.00,2000.00,1000.00,1000.00,"
                        + "1500.00,4000.00,4000.00,5000.00,5000.00,1.0000\n",
                t.toCsv());
        assertEquals(
                "(total)|USD|2.000000|2.000000|1.000000|1.000000|1.000000|10000.00|10000.00|1400.00|700.00|700.00"
                        + "|1400.00|1400.00|1400.00|1400.00|6.1429",
                String.join("|", t.total().values(true)));
        assertEquals(2, t.events(0));
        assertEquals(2, t.events(1));
    }

    @Test
    void worked_conversionAndVelocity() {
        List<String> rows = linear().conversion().stream()
                .filter(r -> r.sourcing().equals("original_source"))
                .map(r -> String.join("|", r.values()))
                .collect(Collectors.toList());
        assertEquals(
                List.of(
                        "original_source|Paid Search|lead|mql|2|2|1.0000|2|18.50|18.50|0",
                        "original_source|Paid Search|mql|sql|2|1|0.5000|1|15.00|15.00|0",
                        "original_source|Paid Search|sql|opportunity|1|1|1.0000|1|3.00|3.00|0",
                        "original_source|Paid Search|opportunity|won|1|1|1.0000|1|33.00|33.00|0",
                        "original_source|Paid Search|lead|won|2|2|1.0000|2|64.00|64.00|0"),
                rows);
        assertEquals(
                List.of("stage 'mql': 1 re-entries of records already in it (recycling) count once, at each record's"
                        + " first entry"),
                linear().notes());
    }

    @Test
    void worked_customStageAnchors() {
        Dataset data = example();
        Attributor attributor = Attributor.builder().threads(1).build();
        // the won opportunity: first t1, mql (P1's, the account's earliest) at t3, last t5; t2 and t4 between
        assertEquals(
                List.of(
                        "Email|USD|3000.00|3000.00|0.300000|0.300000|1",
                        "Event|USD|500.00|500.00|0.050000|0.050000|1",
                        "Paid Search|USD|3000.00|3000.00|0.300000|0.300000|1",
                        "Sales Outreach|USD|3000.00|3000.00|0.300000|0.300000|1",
                        "Webinar|USD|500.00|500.00|0.050000|0.050000|1"),
                ReportFixtures.lines(Report.run(
                        attributor,
                        attributor.journeys(data),
                        Models.byName("custom:first=0.3,mql=0.3,last=0.3"),
                        ReportSpec.of(Dimension.CHANNEL),
                        List.of())));
        // P1 becoming an MQL: first t1, mql and last both t3, t2 between
        FunnelTable t = FunnelReport.run(
                attributor,
                data,
                Models.byName("custom:first=0.3,mql=0.3,last=0.3"),
                Funnel.parse("mql"),
                ReportSpec.of(Dimension.CHANNEL),
                List.of());
        assertEquals(
                "channel,currency,mql,pipeline,revenue\n"
                        + "Email,USD,1.200000,3000.00,3000.00\n"
                        + "Event,USD,0.000000,500.00,500.00\n"
                        + "Paid Search,USD,0.600000,3000.00,3000.00\n"
                        + "Sales Outreach,USD,0.000000,3000.00,3000.00\n"
                        + "Webinar,USD,0.200000,500.00,500.00\n",
                t.toCsv());
    }

    @Test
    void of_unknownStage_namesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> FunnelReport.run(
                        Attributor.create(),
                        example(),
                        Models.byName("linear"),
                        Funnel.parse("lead,MQL"),
                        ReportSpec.of(Dimension.CHANNEL),
                        List.of()));
        assertEquals(
                "funnel stage 'MQL' is not in the stage history; the stages are: mql, sql, proposal, lead,"
                        + " opportunity, won",
                e.getMessage());
    }

    @Test
    void standard_buildsTheFunnelFromTheFiles() {
        assertEquals(
                "lead,mql,sql,opportunity,proposal,won",
                Funnel.standard(example()).toString());
        Dataset plain = Dataset.builder()
                .addTouchpoint(marketing("t1", "A", "2026-01-05", "Paid Search", ""))
                .addOpportunity(won("OPP-1", "A", "USD 1.00", "2026-02-15", "2026-03-20"))
                .build();
        assertEquals("opportunity,won", Funnel.standard(plain).toString());
    }

    @Test
    void parse_rejectsEmptyAndRepeatedStages() {
        assertEquals(
                "funnel stage 'mql' is given twice",
                assertThrows(IllegalArgumentException.class, () -> Funnel.parse("lead,mql,mql"))
                        .getMessage());
        assertEquals(
                "a funnel stage name must not be empty",
                assertThrows(IllegalArgumentException.class, () -> Funnel.parse("lead,,won"))
                        .getMessage());
    }
}
