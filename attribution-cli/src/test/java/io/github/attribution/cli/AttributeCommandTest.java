package io.github.attribution.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AttributeCommandTest {
    @TempDir
    Path dir;

    private String touchpoints;
    private String opportunities;

    @BeforeEach
    void files() {
        // columns in another order and case, an unknown column, a quoted campaign with a comma and a quote
        touchpoints = Cli.file(
                dir,
                "touchpoints.csv",
                "Channel,touchpoint_id,ACCOUNT_ID,occurred_at,campaign,touch_type,ignored",
                "Paid Search,t1,A,2026-01-01T00:00:00Z,\"Spring \"\"Big\"\" Sale, 2026\",marketing,x",
                "Webinar,t2,A,2026-01-04,,,",
                "Email,t3,A,2026-01-06T02:00:00+02:00,Nurture,Marketing,",
                "Sales Outreach,t4,A,2026-01-10T00:00:00.5Z,,SALES,",
                "Direct,c1,C,2026-01-01T00:00:00Z,,,",
                "Direct,c2,C,2026-01-02T00:00:00Z,,,",
                "Direct,c3,C,2026-01-03T00:00:00Z,,,");
        opportunities = Cli.file(
                dir,
                "opportunities.csv",
                "opportunity_id,account_id,amount,currency,created_at,closed_at,status",
                "O1,A,1000.00,USD,2026-01-06T00:00:00Z,2026-01-11T00:00:00Z,won",
                "O2,B,500,,2026-01-02,2026-02-01,Lost",
                "O3,C,1000,jpy,2026-01-01,,OPEN");
    }

    private Cli attribute(String... more) {
        List<String> args = new java.util.ArrayList<>(
                List.of("attribute", "--touchpoints", touchpoints, "--opportunities", opportunities));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void attribute_writesRowsOfEveryModelInOrder() throws IOException {
        Path out = dir.resolve("credits.csv");
        Cli cli = attribute(
                "--model",
                "linear",
                "--model",
                "first-touch",
                "--model",
                "last-non-direct:direct=Direct",
                "--out",
                out.toString());
        assertEquals(0, cli.exit, cli.toString());
        assertEquals(
                String.join(
                        "\n",
                        "model,opportunity_id,touchpoint_id,channel,campaign,weight,credit,currency",
                        "linear,O1,t1,Paid Search,\"Spring \"\"Big\"\" Sale, 2026\",0.250000000000,250.00,USD",
                        "linear,O1,t2,Webinar,,0.250000000000,250.00,USD",
                        "linear,O1,t3,Email,Nurture,0.250000000000,250.00,USD",
                        "linear,O1,t4,Sales Outreach,,0.250000000000,250.00,USD",
                        "linear,O2,,(unattributed),,1.000000000000,500.00,USD",
                        "linear,O3,c1,Direct,,0.333333333333,334,JPY",
                        "linear,O3,c2,Direct,,0.333333333333,333,JPY",
                        "linear,O3,c3,Direct,,0.333333333333,333,JPY",
                        "first-touch,O1,t1,Paid Search,\"Spring \"\"Big\"\" Sale, 2026\",1.000000000000,1000.00,USD",
                        "first-touch,O2,,(unattributed),,1.000000000000,500.00,USD",
                        "first-touch,O3,c1,Direct,,1.000000000000,1000,JPY",
                        "last-non-direct:direct=Direct,O1,t4,Sales Outreach,,1.000000000000,1000.00,USD",
                        "last-non-direct:direct=Direct,O2,,(unattributed),,1.000000000000,500.00,USD",
                        "last-non-direct:direct=Direct,O3,c3,Direct,,1.000000000000,1000,JPY",
                        ""),
                Files.readString(out, StandardCharsets.UTF_8));
        assertTrue(cli.out.isEmpty(), "nothing on standard output with --out");
        assertTrue(cli.err.contains("summary: read 10 rows (7 touchpoints, 3 opportunities)"), cli.err);
        assertTrue(cli.err.contains("1 won (won revenue USD 1,000.00), 1 lost, 1 open"), cli.err);
        assertTrue(cli.err.contains("2 journeys; 1 unattributed (USD 500.00)"), cli.err);
        assertTrue(
                cli.err.contains(
                        "credited to touches from all opportunities (won, lost and open): USD 1,000.00, JPY 1,000 by each of 3 models"),
                cli.err);
    }

    @Test
    void attribute_positionBasedSplitsExactlyToStandardOutput() {
        Cli cli = attribute("--model", "position-based", "--as-of", "2026-01-02T12:00:00Z");
        assertEquals(0, cli.exit, cli.toString());
        assertEquals(
                String.join(
                        "\n",
                        "model,opportunity_id,touchpoint_id,channel,campaign,weight,credit,currency",
                        "position-based,O1,t1,Paid Search,\"Spring \"\"Big\"\" Sale, 2026\",0.400000000000,400.00,USD",
                        "position-based,O1,t2,Webinar,,0.100000000000,100.00,USD",
                        "position-based,O1,t3,Email,Nurture,0.100000000000,100.00,USD",
                        "position-based,O1,t4,Sales Outreach,,0.400000000000,400.00,USD",
                        "position-based,O2,,(unattributed),,1.000000000000,500.00,USD",
                        // as-of cuts the open opportunity's journey after c2: two touches, 50/50
                        "position-based,O3,c1,Direct,,0.500000000000,500,JPY",
                        "position-based,O3,c2,Direct,,0.500000000000,500,JPY",
                        ""),
                cli.out);
    }

    @Test
    void attribute_writesJson() {
        Cli cli = attribute("--model", "time-decay:half-life-days=14", "--format", "json");
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(
                cli.out.startsWith("[\n{\"model\":\"time-decay:half-life-days=14\",\"opportunity_id\":\"O1\","
                        + "\"touchpoint_id\":\"t1\",\"channel\":\"Paid Search\",\"campaign\":\"Spring \\\"Big\\\" Sale,"
                        + " 2026\",\"weight\":0."),
                cli.out);
        assertTrue(
                cli.out.contains("{\"model\":\"time-decay:half-life-days=14\",\"opportunity_id\":\"O2\","
                        + "\"touchpoint_id\":null,\"channel\":\"(unattributed)\",\"campaign\":\"\","
                        + "\"weight\":1.000000000000,\"credit\":500.00,\"currency\":\"USD\"}"),
                cli.out);
        assertTrue(cli.out.endsWith("}\n]\n"), cli.out);
        assertEquals(8, cli.out.split("\\{\"model\":", -1).length - 1, "rows");
    }

    @Test
    void attribute_warnsWhenAModelNeedsPeople() {
        Cli cli = attribute("--model", "u-shaped", "--model", "linear", "--model", "custom:first=0.5,lead=0.2");
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(cli.err.contains("warning: model 'u-shaped' uses the lead-creation milestone"), cli.err);
        assertTrue(cli.err.contains("warning: model 'custom:first=0.5,lead=0.2'"), cli.err);
        assertFalse(cli.err.contains("warning: model 'linear'"), cli.err);
    }

    @Test
    void attribute_usesPeopleForLeadCreation() {
        String people = Cli.file(dir, "people.csv", "person_id,account_id,lead_created_at", "p1,A,2026-01-04");
        Cli cli = attribute("--model", "lead-creation", "--people", people);
        assertEquals(0, cli.exit, cli.toString());
        assertFalse(cli.err.contains("warning"), cli.err);
        assertTrue(cli.out.contains("lead-creation,O1,t2,Webinar,,1.000000000000,1000.00,USD\n"), cli.out);
    }

    @Test
    void attribute_contactsMakeJourneysContactBased() {
        Cli.file(
                dir,
                "touchpoints.csv",
                "touchpoint_id,account_id,person_id,occurred_at,channel",
                "t1,A,p1,2026-01-01T00:00:00Z,Paid Search",
                "t2,A,p2,2026-01-02T00:00:00Z,Webinar");
        String contacts = Cli.file(dir, "contacts.csv", "opportunity_id,person_id", "O1,p2");
        Cli cli = attribute("--model", "first-touch", "--contacts", contacts);
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(cli.out.contains("first-touch,O1,t2,Webinar,,1.000000000000,1000.00,USD\n"), cli.out);
    }

    @Test
    void attribute_defaultCurrencyComesFromTheOption() {
        Cli cli = attribute("--model", "first-touch", "--currency", "eur");
        assertEquals(0, cli.exit, cli.toString());
        assertTrue(cli.out.contains("first-touch,O2,,(unattributed),,1.000000000000,500.00,EUR\n"), cli.out);
        assertTrue(cli.out.contains("first-touch,O1,t1,"), cli.out);
        assertTrue(cli.out.contains(",1000.00,USD\n"), cli.out);
    }
}
