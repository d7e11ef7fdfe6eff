package io.github.attribution.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.StageIndex;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** stages.csv: read by the CSV reader, one-line errors naming file, line, column and value, rejects. */
final class StageReaderTest {
    private static final String PEOPLE = "person_id,account_id,lead_created_at\nP1,A,2026-01-10\nP2,A,\n";
    private static final String OPPS = "opportunity_id,account_id,amount,created_at,closed_at,status\n"
            + "OPP-1,A,100.00,2026-02-01,2026-03-01,won\n";

    private static Dataset.Builder base(DatasetReader reader) {
        Dataset.Builder b = Dataset.builder();
        reader.readOpportunities(new CsvReader(new StringReader(OPPS), "opportunities.csv"), b);
        reader.readPeople(new CsvReader(new StringReader(PEOPLE), "people.csv"), b);
        return b;
    }

    private static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void readStages_crmExportWithAliasesReentriesAndImpliedStages() {
        DatasetReader reader = DatasetReader.strict(Money.currency("USD"));
        Dataset.Builder b = base(reader);
        String csv = "entered_at,stage,record_id,record_type\n"
                + "2026-01-10,lead,P1,Lead\n" // the same instant as lead_created_at: one entry
                + "2026-01-20T09:00:00Z,MQL,P1,contact\n"
                + "2026-02-20T09:00:00Z,MQL,P1,person\n" // recycled: a re-entry
                + "2026-01-15,MQL,P2,person\n"
                + "2026-02-10,Proposal,OPP-1,opportunity\n";
        assertEquals(5, reader.readStages(new CsvReader(new StringReader(csv), "stages.csv"), b));
        Dataset data = b.build();
        assertEquals(5, data.stageRowCount());
        StageIndex index = data.stageIndex();
        assertEquals(List.of("lead", "MQL", "Proposal", "opportunity", "won"), index.names());
        int mql = index.find("MQL");
        assertEquals(2, index.personRecords(mql));
        assertEquals(1, index.reentries(mql));
        assertEquals(nanos("2026-01-20T09:00:00Z"), index.personEntered(0, mql));
        assertEquals(0, index.reentries(index.find("lead")));
        assertEquals(1, index.personRecords(index.find("lead")));
        assertEquals(1, index.opportunityRecords(index.find("won")));
        assertEquals(nanos("2026-02-10T00:00:00Z"), index.opportunityEntered(0, index.find("Proposal")));
    }

    @Test
    void readStages_badRows_oneLineErrorsNamingFileLineColumnAndValue() {
        assertEquals(
                "stages.csv line 2, column record_id: unknown person: 'P9' is not among the people (people.csv)",
                error("person,P9,mql,2026-01-01\n"));
        assertEquals(
                "stages.csv line 2, column record_id: unknown opportunity: 'OPP-9' is not among the opportunities",
                error("opportunity,OPP-9,proposal,2026-01-01\n"));
        assertEquals(
                "stages.csv line 2, column record_type: record_type must be 'person' (or lead, contact) or"
                        + " 'opportunity' (or opp, deal): 'account'",
                error("account,A,mql,2026-01-01\n"));
        assertEquals(
                "stages.csv line 2, column stage: stage must not be empty (stage row of P1)",
                error("person,P1, ,2026-01-01\n"));
        String date = error("person,P1,mql,yesterday\n");
        assertEquals("stages.csv line 2, column entered_at: ", date.substring(0, date.indexOf(": ") + 2));
    }

    private static String error(String row) {
        DatasetReader reader = DatasetReader.strict(Money.currency("USD"));
        Dataset.Builder b = base(reader);
        CsvReader csv = new CsvReader(new StringReader("record_type,record_id,stage,entered_at\n" + row), "stages.csv");
        return assertThrows(DataFileException.class, () -> reader.readStages(csv, b))
                .getMessage();
    }

    @Test
    void readStages_skipInvalid_keepsGoodRowsAndHandsOverEachBadOne() {
        List<String> rejected = new ArrayList<>();
        DatasetReader reader = new DatasetReader(
                Money.currency("USD"), (e, record) -> rejected.add(e.line() + ":" + e.column() + ":" + record));
        Dataset.Builder b = base(reader);
        String csv = "record_type,record_id,stage,entered_at\n"
                + "person,P1,mql,2026-01-20\n"
                + "person,P7,mql,2026-01-20\n"
                + "person,P2,sql,\n"
                + "person,P2,sql,2026-02-01\n";
        assertEquals(2, reader.readStages(new CsvReader(new StringReader(csv), "stages.csv"), b));
        assertEquals(
                List.of("3:record_id:[person, P7, mql, 2026-01-20]", "4:entered_at:[person, P2, sql, ]"), rejected);
        assertEquals(2, reader.rejected());
        assertEquals(2, b.build().stageRowCount());
    }

    @Test
    void readStages_missingColumn_isAnError() {
        DatasetReader reader = DatasetReader.strict(Money.currency("USD"));
        Dataset.Builder b = base(reader);
        CsvReader csv = new CsvReader(new StringReader("record_type,record_id,stage\nperson,P1,mql\n"), "stages.csv");
        DataFileException e = assertThrows(DataFileException.class, () -> reader.readStages(csv, b));
        assertEquals("stages.csv", e.file());
    }
}
