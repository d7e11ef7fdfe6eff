package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SkipInvalidTest {
    @TempDir
    Path dir;

    @Test
    void attribute_skipsBadRowsAndWritesThemWithReasons() throws IOException {
        String touchpoints = Cli.file(
                dir,
                "touchpoints.csv",
                "touchpoint_id,account_id,occurred_at,channel,campaign",
                "t1,A,2026-01-01T00:00:00Z,Paid Search,\"a, b\"",
                "t2,A,not-a-date,Email,",
                "t3,A,2026-01-03T00:00:00Z,Webinar,",
                "t3,A,2026-01-04T00:00:00Z,Webinar,",
                "t4,A,2026-01-05T00:00:00Z");
        String opportunities = Cli.file(
                dir,
                "opportunities.csv",
                "opportunity_id,account_id,amount,created_at,closed_at,status",
                "O1,A,100.00,2026-01-01,2026-01-10,won",
                "O2,A,1.001,2026-01-01,2026-01-10,won",
                "O3,A,50,2026-01-01,,won");
        Path rejects = dir.resolve("rejects.csv");
        Path out = dir.resolve("out.csv");
        Cli cli = Cli.run(
                "attribute",
                "--touchpoints",
                touchpoints,
                "--opportunities",
                opportunities,
                "--model",
                "linear",
                "--skip-invalid",
                "--rejects",
                rejects.toString(),
                "--out",
                out.toString());
        assertEquals(0, cli.exit, cli.toString());
        assertEquals(
                String.join(
                        "\n",
                        "model,opportunity_id,touchpoint_id,channel,campaign,weight,credit,currency",
                        "linear,O1,t1,Paid Search,\"a, b\",0.500000000000,50.00,USD",
                        "linear,O1,t3,Webinar,,0.500000000000,50.00,USD",
                        ""),
                Files.readString(out, StandardCharsets.UTF_8));
        assertEquals(
                String.join(
                        "\n",
                        "file,line,column,value,reason,record",
                        "touchpoints.csv,3,occurred_at,not-a-date,'not-a-date' is not a date or an instant; expected"
                                + " ISO-8601 such as 2026-03-01 or 2026-03-01T09:30:00Z,\"t2,A,not-a-date,Email,\"",
                        "touchpoints.csv,5,touchpoint_id,t3,duplicate touchpoint_id: 't3' appears more than once,"
                                + "\"t3,A,2026-01-04T00:00:00Z,Webinar,\"",
                        "touchpoints.csv,6,channel,,the record has 3 fields but the header has 5,"
                                + "\"t4,A,2026-01-05T00:00:00Z\"",
                        "opportunities.csv,3,amount,1.001,'1.001' has more than 2 decimal digits for USD,"
                                + "\"O2,A,1.001,2026-01-01,2026-01-10,won\"",
                        "opportunities.csv,4,closed_at,,closed_at is required for a won opportunity (opportunity O3),"
                                + "\"O3,A,50,2026-01-01,,won\"",
                        ""),
                Files.readString(rejects, StandardCharsets.UTF_8));
        assertTrue(cli.err.contains("summary: read 8 rows (2 touchpoints, 1 opportunities), 5 rejected"), cli.err);
    }

    @Test
    void attribute_skipInvalidWithoutRejectsShowsReasons() {
        String touchpoints =
                Cli.file(dir, "touchpoints.csv", "touchpoint_id,account_id,occurred_at,channel", "t1,A,bad,Email");
        String opportunities = Cli.file(
                dir,
                "opportunities.csv",
                "opportunity_id,account_id,amount,created_at,status",
                "O1,A,1,2026-01-01,open");
        Cli cli = Cli.run(
                "attribute",
                "--touchpoints",
                touchpoints,
                "--opportunities",
                opportunities,
                "--model",
                "linear",
                "--skip-invalid");
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(cli.err.contains("skipped: touchpoints.csv line 2, column occurred_at: 'bad'"), cli.err);
        assertTrue(cli.out.contains("linear,O1,,(unattributed),,1.000000000000,1.00,USD"), cli.out);
    }

    @Test
    void attribute_rejectsWithoutSkipInvalidIsAUsageError() {
        Cli cli = Cli.run(
                "attribute",
                "--rejects",
                dir.resolve("r.csv").toString(),
                "--model",
                "linear",
                "--touchpoints",
                "x",
                "--opportunities",
                "y");
        assertEquals(2, cli.exit, cli.toString());
    }
}
