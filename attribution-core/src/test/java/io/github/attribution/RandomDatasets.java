package io.github.attribution;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.Opportunity;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.Person;
import io.github.attribution.data.Touchpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/** Small random datasets for property tests: ties in time, empty journeys, several currencies, contacts. */
public final class RandomDatasets {
    private static final String[] CHANNELS = {"Paid Search", "Webinar", "Email", "Direct", "Event", "Partner"};
    private static final String[] CURRENCIES = {"USD", "JPY", "BHD", "EUR"};
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** The rows of one generated dataset, so tests can reorder them. */
    public record Rows(
            List<Touchpoint> touches, List<Opportunity> opportunities, List<Person> people, List<String[]> contacts) {
        Dataset build() {
            Dataset.Builder b = Dataset.builder();
            touches.forEach(b::addTouchpoint);
            opportunities.forEach(b::addOpportunity);
            people.forEach(b::addPerson);
            contacts.forEach(c -> b.addContact(c[0], c[1]));
            return b.build();
        }

        Rows shuffled(long seed) {
            Random random = new Random(seed);
            List<Touchpoint> t = new ArrayList<>(touches);
            List<Opportunity> o = new ArrayList<>(opportunities);
            List<Person> p = new ArrayList<>(people);
            List<String[]> c = new ArrayList<>(contacts);
            Collections.shuffle(t, random);
            Collections.shuffle(o, random);
            Collections.shuffle(p, random);
            Collections.shuffle(c, random);
            return new Rows(t, o, p, c);
        }
    }

    private RandomDatasets() {}

    public static Rows rows(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int accounts = 1 + r.nextInt(4);
        int touchCount = r.nextInt(40);
        int oppCount = 1 + r.nextInt(6);
        boolean withPeople = r.nextBoolean();
        boolean withContacts = r.nextInt(4) == 0;
        List<Touchpoint> touches = new ArrayList<>();
        for (int i = 0; i < touchCount; i++) {
            // coarse times so that ties happen
            Instant at = T0.plus(Duration.ofHours(12L * r.nextInt(120)));
            Touchpoint t = Touchpoint.of("TP-" + i, "A" + r.nextInt(accounts), at, CHANNELS[r.nextInt(CHANNELS.length)])
                    .withPerson(r.nextBoolean() ? "P" + r.nextInt(6) : null)
                    .withCampaign(r.nextBoolean() ? "C" + r.nextInt(3) : "");
            touches.add(t);
        }
        List<Person> people = new ArrayList<>();
        if (withPeople) {
            for (int p = 0; p < 6; p++) {
                Instant lead = r.nextInt(3) == 0 ? null : T0.plus(Duration.ofDays(r.nextInt(60)));
                people.add(new Person("P" + p, "A" + r.nextInt(accounts), lead));
            }
        }
        List<Opportunity> opps = new ArrayList<>();
        List<String[]> contacts = new ArrayList<>();
        for (int o = 0; o < oppCount; o++) {
            String currency = CURRENCIES[r.nextInt(CURRENCIES.length)];
            long minor = r.nextInt(5) == 0 ? r.nextLong(1_000_000_000_000L) : r.nextLong(10_000_000);
            Money amount = Money.ofMinor(currency, r.nextInt(10) == 0 ? 0 : minor);
            Instant created = T0.plus(Duration.ofHours(12L * r.nextInt(120)));
            Instant closed = created.plus(Duration.ofHours(12L * r.nextInt(40)));
            OpportunityStatus status = OpportunityStatus.values()[r.nextInt(3)];
            String id = "OPP-" + o;
            opps.add(new Opportunity(id, "A" + r.nextInt(accounts), amount, created, closed, status));
            if (withContacts && r.nextBoolean()) {
                for (int k = r.nextInt(3); k >= 0; k--) {
                    contacts.add(new String[] {id, "P" + r.nextInt(6)});
                }
            }
        }
        return new Rows(touches, opps, people, contacts);
    }

    /** Every model the contract covers: the whole catalog with defaults, a custom one, and a parameterised one. */
    public static List<String> modelSpecs() {
        List<String> specs = new ArrayList<>();
        Models.catalog().forEach(info -> specs.add(info.name()));
        specs.add("custom:first=0.25,lead=0.15,opportunity=0.35,last=0.05");
        specs.add("custom:lead=1");
        specs.add("time-decay:half-life-days=0.5");
        specs.add("last-non-direct:direct=Direct|Email");
        return specs;
    }
}
