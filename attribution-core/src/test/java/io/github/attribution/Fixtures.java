package io.github.attribution;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.Opportunity;
import io.github.attribution.data.Person;
import io.github.attribution.data.Touchpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Datasets of the worked examples of docs/models.md and helpers to read credits. */
final class Fixtures {
    static final Instant DAY0 = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {}

    static Instant day(double d) {
        return DAY0.plus(Duration.ofMillis(Math.round(d * 86_400_000)));
    }

    static Touchpoint touch(String id, String account, double day, String channel) {
        return Touchpoint.of(id, account, day(day), channel);
    }

    static Money usd(String amount) {
        return Money.parse("USD " + amount);
    }

    /** Journey E1 of docs/models.md (section "The example journey E1"). */
    static Dataset e1() {
        Dataset.Builder b = Dataset.builder();
        b.addTouchpoint(touch("t1", "A", 0, "Paid Search"));
        b.addTouchpoint(touch("t2", "A", 3, "Webinar"));
        b.addTouchpoint(touch("t3", "A", 5, "Content Syndication"));
        b.addTouchpoint(touch("t4", "A", 9, "Email"));
        b.addTouchpoint(touch("t5", "A", 14, "Sales Outreach"));
        b.addTouchpoint(touch("t6", "A", 20, "Email"));
        b.addTouchpoint(touch("t7", "A", 30, "Event"));
        b.addPerson(new Person("p1", "A", day(5)));
        b.addOpportunity(Opportunity.won("E1", "A", usd("1000.00"), day(14), day(30)));
        return b.build();
    }

    /** The credits of one opportunity under one model as "touch=amount" strings, in journey order. */
    static List<String> credits(Dataset data, String model, String opportunity) {
        return credits(Attributor.builder().threads(1).build(), data, model, opportunity);
    }

    static List<String> credits(Attributor attributor, Dataset data, String model, String opportunity) {
        AttributionResult result = attributor.attribute(data, Models.byName(model));
        return result.credits(result.models().get(0), opportunity).stream()
                .map(c -> (c.isUnattributed() ? "-" : c.touchpointId()) + "="
                        + c.credit().amount().toPlainString())
                .collect(Collectors.toList());
    }
}
