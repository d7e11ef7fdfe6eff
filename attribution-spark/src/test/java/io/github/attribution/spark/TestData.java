package io.github.attribution.spark;

import io.github.attribution.RandomDatasets;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.DatasetSink;
import io.github.attribution.data.Opportunity;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.Person;
import io.github.attribution.data.Touchpoint;
import io.github.attribution.data.TouchpointRow;
import io.github.attribution.io.CsvReader;
import io.github.attribution.io.DatasetWriter;
import io.github.attribution.sample.SampleGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;

/** Input files for the tests: generated datasets in several currencies, small random ones, shuffled copies. */
final class TestData {
    private static final String[] CURRENCIES = {"USD", "EUR", "JPY", "BHD"};

    private TestData() {}

    /**
     * {@code opportunities} generated opportunities (open, won and lost, with people and contacts),
     * their currencies spread over USD, EUR, JPY and BHD (the generated minor units kept as they are).
     */
    static Path generated(Path dir, int opportunities, long seed) {
        try (DatasetWriter w = DatasetWriter.open(dir)) {
            SampleGenerator.generate(opportunities, seed, new DatasetSink() {
                private int n;

                @Override
                public void touchpoint(TouchpointRow touch) {
                    w.touchpoint(touch);
                }

                @Override
                public void person(String id, String accountId, long leadCreatedAt) {
                    w.person(id, accountId, leadCreatedAt);
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
                    Currency c = Currency.getInstance(CURRENCIES[n++ % CURRENCIES.length]);
                    w.opportunity(id, accountId, c, amountMinor, createdAt, closedAt, status);
                }

                @Override
                public void contact(String opportunityId, String personId) {
                    w.contact(opportunityId, personId);
                }
            });
            w.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * The small random datasets of seeds {@code 0..count-1} in one set of files, ids prefixed by the
     * seed: ties in time, empty journeys, zero amounts, four currencies, contacts whose people sit under
     * other accounts, people without rows.
     */
    static Path random(Path dir, int count) {
        Dataset.Builder b = Dataset.builder();
        for (int s = 0; s < count; s++) {
            String p = "s" + s + "-";
            RandomDatasets.Rows rows = RandomDatasets.rows(s);
            for (Touchpoint t : rows.touches()) {
                b.addTouchpoint(new Touchpoint(
                        p + t.id(),
                        p + t.accountId(),
                        t.personId() == null ? null : p + t.personId(),
                        t.occurredAt(),
                        t.channel(),
                        t.source(),
                        t.campaign(),
                        t.offer(),
                        t.touchType()));
            }
            for (Opportunity o : rows.opportunities()) {
                b.addOpportunity(new Opportunity(
                        p + o.id(), p + o.accountId(), o.amount(), o.createdAt(), o.closedAt(), o.status()));
            }
            for (Person x : rows.people()) {
                b.addPerson(new Person(p + x.id(), p + x.accountId(), x.leadCreatedAt()));
            }
            for (String[] c : rows.contacts()) {
                b.addContact(p + c[0], p + c[1]);
            }
        }
        try {
            DatasetWriter.write(b.build(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A copy of the files of {@code from} in {@code to}, each file's rows (not its header) shuffled. */
    static Path shuffled(Path from, Path to, long seed) {
        try {
            Files.createDirectories(to);
            Random random = new Random(seed);
            for (String name : DatasetWriter.FILES) {
                List<String> lines = new ArrayList<>(Files.readAllLines(from.resolve(name), StandardCharsets.UTF_8));
                List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
                Collections.shuffle(rows, random);
                rows.add(0, lines.get(0));
                Files.write(to.resolve(name), rows, StandardCharsets.UTF_8);
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Costs for some of the generated data's campaigns (by quarter, by month, without a period, in a
     * second currency) and for a campaign without touches: every placement rule of the report.
     */
    static Path costs(Path dir) throws java.io.IOException {
        java.util.TreeSet<String> campaigns = new java.util.TreeSet<>();
        Path file = dir.resolve("touchpoints.csv");
        int column;
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(file)) {
            column = List.of(lines.findFirst().orElseThrow().split(",")).indexOf("campaign");
        }
        for (List<String> t : csv(file)) {
            if (!t.get(column).isBlank()) {
                campaigns.add(t.get(column));
            }
        }
        StringBuilder csv = new StringBuilder("campaign,cost,currency,period\n");
        int i = 0;
        for (String c : campaigns) {
            String quoted = "\"" + c.replace("\"", "\"\"") + "\"";
            switch (i++ % 4) {
                case 0 -> csv.append(quoted).append(",1250.50,USD,2025-Q3\n");
                case 1 -> csv.append(quoted).append(",310.07,,2025-08\n");
                case 2 -> csv.append(quoted).append(",99.99,USD,\n");
                default -> csv.append(quoted).append(",4000,EUR,2024-11\n");
            }
        }
        csv.append("Ghost Campaign,500.00,USD,2025-Q4\n");
        return java.nio.file.Files.writeString(dir.resolve("costs-test.csv"), csv);
    }

    /** The records of a CSV file, header left out. */
    static List<List<String>> csv(Path file) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader r = CsvReader.open(file)) {
            while (r.next()) {
                rows.add(List.copyOf(r.record()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static Instant instant(String s) {
        return Instant.parse(s);
    }
}
