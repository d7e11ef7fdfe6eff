package io.github.attribution;

import static io.github.attribution.Fixtures.credits;
import static io.github.attribution.Fixtures.day;
import static io.github.attribution.Fixtures.touch;
import static io.github.attribution.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.Opportunity;
import io.github.attribution.data.Person;
import io.github.attribution.data.Touchpoint;
import io.github.attribution.journey.Anchor;
import io.github.attribution.journey.Journey;
import io.github.attribution.journey.JourneySettings;
import io.github.attribution.journey.Journeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Journey assembly (docs/models.md, "Journeys") on the edge cases it names. */
final class JourneyEdgeCasesTest {

    @Test
    void window_touchAfterCloseEarnsNothing() {
        Dataset data = Dataset.of(
                List.of(touch("a", "A", 1, "Webinar"), touch("b", "A", 5, "Email"), touch("late", "A", 9, "Event")),
                List.of(Opportunity.won("O", "A", usd("10.00"), day(4), day(5))));
        assertEquals(List.of("a=5.00", "b=5.00"), credits(data, "linear", "O"));
        assertEquals(List.of("b=10.00"), credits(data, "last-touch", "O"));
    }

    @Test
    void window_touchExactlyAtCloseCounts() {
        Dataset data = Dataset.of(
                List.of(touch("a", "A", 1, "Webinar"), touch("b", "A", 5, "Email")),
                List.of(Opportunity.lost("O", "A", usd("10.00"), day(4), day(5))));
        assertEquals(List.of("b=10.00"), credits(data, "last-touch", "O"));
    }

    @Test
    void order_tiesInTimeBreakByIdAsStringCompareTo() {
        // TP-10 < TP-9 as strings; input order is the reverse
        Dataset data = Dataset.of(
                List.of(touch("TP-9", "A", 1, "Webinar"), touch("TP-10", "A", 1, "Email")),
                List.of(Opportunity.won("O", "A", usd("3.00"), day(1), day(2))));
        assertEquals(List.of("TP-10=3.00"), credits(data, "first-touch", "O"));
        assertEquals(List.of("TP-9=3.00"), credits(data, "last-touch", "O"));
    }

    @Test
    void order_nanosecondPrecisionIsKept() {
        Instant t = Instant.parse("2026-01-01T00:00:00.000000001Z");
        Dataset data = Dataset.of(
                List.of(Touchpoint.of("b", "A", t, "Email"), Touchpoint.of("a", "A", t.plusNanos(1), "Webinar")),
                List.of(Opportunity.won("O", "A", usd("1.00"), day(1), day(2))));
        assertEquals(List.of("b=1.00"), credits(data, "first-touch", "O"));
    }

    @Test
    void leadCreation_beforeAnyTouchIsAbsentAndFallsBackToFirst() {
        Dataset.Builder b = Dataset.builder();
        b.addTouchpoint(touch("a", "A", 3, "Webinar"));
        b.addTouchpoint(touch("b", "A", 6, "Email"));
        b.addPerson(new Person("p", "A", day(1)));
        b.addOpportunity(Opportunity.won("O", "A", usd("10.00"), day(6), day(7)));
        Dataset data = b.build();
        Journeys js = Journeys.build(data, JourneySettings.DEFAULT);
        assertEquals(-1, js.anchor(0, Anchor.LEAD_CREATION));
        assertEquals(List.of("a=10.00"), credits(data, "lead-creation", "O"));
        // u-shaped without a lead-creation touch reduces to first touch
        assertEquals(List.of("a=10.00"), credits(data, "u-shaped", "O"));
    }

    @Test
    void leadCreation_usesEarliestLeadOfTheAccountsPeople() {
        Dataset.Builder b = Dataset.builder();
        b.addTouchpoint(touch("a", "A", 1, "Webinar"));
        b.addTouchpoint(touch("b", "A", 3, "Email"));
        b.addTouchpoint(touch("c", "A", 5, "Event"));
        b.addPerson(new Person("late", "A", day(5)));
        b.addPerson(new Person("early", "A", day(3.5)));
        b.addPerson(new Person("other", "B", day(1)));
        b.addOpportunity(Opportunity.won("O", "A", usd("10.00"), day(5), day(6)));
        assertEquals(List.of("b=10.00"), credits(b.build(), "lead-creation", "O"));
    }

    /**
     * A lead that went quiet for 60 days and came back: a new funnel cycle (docs/models.md, "Example: a
     * recycled lead").
     */
    private static Dataset recycled() {
        return Dataset.of(
                List.of(
                        touch("old1", "A", 0, "Paid Search"),
                        touch("old2", "A", 10, "Webinar"),
                        touch("new1", "A", 70, "Event"),
                        touch("new2", "A", 80, "Email"),
                        touch("after", "A", 150, "Direct")),
                List.of(Opportunity.won("O", "A", usd("100.00"), day(90), day(120))));
    }

    @Test
    void cycleGap_movesFirstTouchButNotOriginalSource() {
        Attributor cycles = Attributor.builder().threads(1).cycleGapDays(30).build();
        assertEquals(List.of("new1=100.00"), credits(cycles, recycled(), "first-touch", "O"));
        assertEquals(List.of("old1=100.00"), credits(cycles, recycled(), "original-source", "O"));
        assertEquals(List.of("new1=50.00", "new2=50.00"), credits(cycles, recycled(), "linear", "O"));
        // without cycles the first touch is the original source
        assertEquals(List.of("old1=100.00"), credits(recycled(), "first-touch", "O"));
    }

    @Test
    void cycleGap_gapsAfterOpportunityCreationDoNotCut() {
        Dataset data = Dataset.of(
                List.of(touch("a", "A", 0, "Webinar"), touch("b", "A", 10, "Email"), touch("c", "A", 100, "Event")),
                List.of(Opportunity.won("O", "A", usd("3.00"), day(10), day(100))));
        Attributor cycles = Attributor.builder().threads(1).cycleGapDays(30).build();
        assertEquals(List.of("a=1.00", "b=1.00", "c=1.00"), credits(cycles, data, "linear", "O"));
    }

    @Test
    void cycleGap_gapEqualToTheSettingIsNotLonger() {
        Dataset data = Dataset.of(
                List.of(touch("a", "A", 0, "Webinar"), touch("b", "A", 30, "Email")),
                List.of(Opportunity.won("O", "A", usd("2.00"), day(30), day(31))));
        Attributor cycles = Attributor.builder().threads(1).cycleGapDays(30).build();
        assertEquals(List.of("a=2.00"), credits(cycles, data, "first-touch", "O"));
    }

    @Test
    void lookback_dropsOldTouchesButOriginalSourceIgnoresIt() {
        Attributor lookback = Attributor.builder().threads(1).lookbackDays(30).build();
        assertEquals(List.of("new1=50.00", "new2=50.00"), credits(lookback, recycled(), "linear", "O"));
        assertEquals(List.of("old1=100.00"), credits(lookback, recycled(), "original-source", "O"));
    }

    @Test
    void openOpportunity_asOfBoundsTheJourney() {
        Dataset data = Dataset.of(
                List.of(touch("a", "A", 1, "Webinar"), touch("b", "A", 5, "Email"), touch("c", "A", 9, "Event")),
                List.of(Opportunity.open("O", "A", usd("10.00"), day(2))));
        assertEquals(List.of("c=10.00"), credits(data, "last-touch", "O"));
        Attributor asOf = Attributor.builder().threads(1).asOf(day(6)).build();
        assertEquals(List.of("b=10.00"), credits(asOf, data, "last-touch", "O"));
    }

    @Test
    void severalOpportunitiesPerAccount_eachGetsItsOwnWindow() {
        Dataset data = Dataset.of(
                List.of(touch("a", "A", 1, "Webinar"), touch("b", "A", 5, "Email"), touch("c", "A", 9, "Event")),
                List.of(
                        Opportunity.won("first", "A", usd("10.00"), day(2), day(5)),
                        Opportunity.won("second", "A", usd("30.00"), day(6), day(9))));
        assertEquals(List.of("a=5.00", "b=5.00"), credits(data, "linear", "first"));
        assertEquals(List.of("a=10.00", "b=10.00", "c=10.00"), credits(data, "linear", "second"));
    }

    @Test
    void emptyJourney_isUnattributedWithTheWholeAmount() {
        Dataset data = Dataset.of(
                List.of(touch("a", "A", 10, "Webinar")),
                List.of(
                        Opportunity.won("none", "B", usd("12.34"), day(1), day(2)),
                        Opportunity.won("before", "A", usd("5.00"), day(1), day(2))));
        for (String model : Models.ruleBasedNames()) {
            assertEquals(List.of("-=12.34"), credits(data, model, "none"), model);
            assertEquals(List.of("-=5.00"), credits(data, model, "before"), model);
        }
    }

    @Test
    void originalSource_creditedEvenWhenTheJourneyIsEmpty() {
        Dataset data = Dataset.of(
                List.of(touch("old", "A", 0, "Partner"), touch("new", "A", 100, "Email")),
                List.of(Opportunity.won("O", "A", usd("8.00"), day(100), day(101))));
        Attributor lookback = Attributor.builder().threads(1).lookbackDays(10).build();
        assertEquals(List.of("new=8.00"), credits(lookback, data, "first-touch", "O"));
        Attributor tight = Attributor.builder().threads(1).lookbackDays(0).build();
        Dataset onlyOld = Dataset.of(
                List.of(touch("old", "A", 0, "Partner")),
                List.of(Opportunity.won("O", "A", usd("8.00"), day(100), day(101))));
        assertEquals(List.of("-=8.00"), credits(tight, onlyOld, "first-touch", "O"));
        assertEquals(List.of("old=8.00"), credits(tight, onlyOld, "original-source", "O"));
    }

    @Test
    void contactBased_onlyContactsTouchesCountWhateverTheirAccount() {
        Dataset.Builder b = Dataset.builder();
        b.addTouchpoint(touch("mine", "A", 1, "Webinar").withPerson("alice"));
        b.addTouchpoint(touch("colleague", "A", 2, "Email").withPerson("bob"));
        b.addTouchpoint(touch("elsewhere", "OTHER", 3, "Event").withPerson("alice"));
        b.addTouchpoint(touch("anon", "A", 4, "Direct"));
        b.addOpportunity(Opportunity.won("withContacts", "A", usd("10.00"), day(5), day(6)));
        b.addOpportunity(Opportunity.won("noContacts", "A", usd("9.00"), day(5), day(6)));
        b.addContact("withContacts", "alice");
        b.addContact("withContacts", "alice");
        Dataset data = b.build();
        assertEquals(List.of("mine=5.00", "elsewhere=5.00"), credits(data, "linear", "withContacts"));
        // an opportunity without contact rows falls back to its account
        assertEquals(List.of("mine=3.00", "colleague=3.00", "anon=3.00"), credits(data, "linear", "noContacts"));
    }

    @Test
    void contactBased_leadCreationFromContactsOnly() {
        Dataset.Builder b = Dataset.builder();
        b.addTouchpoint(touch("a", "A", 1, "Webinar").withPerson("alice"));
        b.addTouchpoint(touch("b", "A", 3, "Email").withPerson("alice"));
        b.addTouchpoint(touch("c", "A", 5, "Event").withPerson("alice"));
        b.addPerson(new Person("alice", "A", day(3)));
        b.addPerson(new Person("bob", "A", day(1)));
        b.addOpportunity(Opportunity.won("O", "A", usd("10.00"), day(5), day(6)));
        b.addContact("O", "alice");
        assertEquals(List.of("b=10.00"), credits(b.build(), "lead-creation", "O"));
    }

    @Test
    void journey_anchorsAreReportedByPosition() {
        Journeys js = Journeys.build(Fixtures.e1(), JourneySettings.DEFAULT);
        Journey j = js.journey(0);
        assertEquals(7, j.size());
        assertEquals(0, j.position(Anchor.FIRST));
        assertEquals(2, j.position(Anchor.LEAD_CREATION));
        assertEquals(4, j.position(Anchor.OPPORTUNITY_CREATION));
        assertEquals(6, j.position(Anchor.LAST));
        assertEquals("t1", js.dataset().touchId(js.originalSource(0)));
    }

    @Test
    void money_jpyAndBhdApportionInTheirMinorUnits() {
        Dataset data = Dataset.of(
                List.of(touch("a", "A", 1, "Webinar"), touch("b", "A", 2, "Email"), touch("c", "A", 3, "Event")),
                List.of(
                        Opportunity.won("yen", "A", Money.parse("JPY 1000"), day(3), day(4)),
                        Opportunity.won("dinar", "A", Money.parse("BHD 1.000"), day(3), day(4))));
        assertEquals(List.of("a=334", "b=333", "c=333"), credits(data, "linear", "yen"));
        assertEquals(List.of("a=0.334", "b=0.333", "c=0.333"), credits(data, "linear", "dinar"));
        AttributionResult r = Attributor.create().attribute(data, Models.byName("linear"));
        assertEquals(Money.parse("JPY 1000"), r.table("linear").totals().get(Money.currency("JPY")));
        assertEquals(Money.parse("BHD 1.000"), r.table("linear").totals().get(Money.currency("BHD")));
    }

    @Test
    void zeroAmount_getsZeroCreditsButKeepsItsRows() {
        Dataset data = Dataset.of(
                List.of(touch("a", "A", 1, "Webinar"), touch("b", "A", 2, "Email")),
                List.of(Opportunity.won("free", "A", usd("0"), day(2), day(3))));
        assertEquals(List.of("a=0.00", "b=0.00"), credits(data, "linear", "free"));
    }
}
