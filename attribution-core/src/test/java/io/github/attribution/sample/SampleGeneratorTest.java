package io.github.attribution.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attribution.Attributor;
import io.github.attribution.CreditTable;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.DatasetSink;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.TouchType;
import io.github.attribution.data.TouchpointRow;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

final class SampleGeneratorTest {

    /** Every row the generator emits, as text, in order. */
    private static List<String> rows(int opportunities, long seed) {
        List<String> rows = new ArrayList<>();
        SampleGenerator.generate(opportunities, seed, new DatasetSink() {
            @Override
            public void touchpoint(TouchpointRow t) {
                rows.add("T|" + t.id() + "|" + t.accountId() + "|" + t.personId() + "|" + t.occurredAt() + "|"
                        + t.channel() + "|" + t.source() + "|" + t.campaign() + "|" + t.offer() + "|" + t.type());
            }

            @Override
            public void person(String id, String accountId, long leadCreatedAt) {
                rows.add("P|" + id + "|" + accountId + "|" + leadCreatedAt);
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
                rows.add("O|" + id + "|" + accountId + "|" + currency + "|" + amountMinor + "|" + createdAt + "|"
                        + closedAt + "|" + status);
            }

            @Override
            public void contact(String opportunityId, String personId) {
                rows.add("C|" + opportunityId + "|" + personId);
            }

            @Override
            public void cost(String campaign, Currency currency, long costMinor, String period) {
                rows.add("$|" + campaign + "|" + currency + "|" + costMinor + "|" + period);
            }
        });
        return rows;
    }

    @Test
    void generate_sameSeedGivesSameRows() {
        assertEquals(rows(300, 42), rows(300, 42));
    }

    @Test
    void generate_otherSeedGivesOtherRows() {
        assertNotEquals(rows(300, 42), rows(300, 43));
    }

    @Test
    void generate_makesExactlyTheRequestedOpportunities() {
        for (int n : new int[] {0, 1, 2, 3, 17, 1000}) {
            assertEquals(n, SampleGenerator.generate(n, 7).opportunityCount(), "opportunities for " + n);
        }
    }

    @Test
    void generate_looksLikeB2bData() {
        Dataset data = SampleGenerator.generate(2000, 1);
        double touchesPerOpp = (double) data.touchCount() / data.opportunityCount();
        assertTrue(touchesPerOpp > 15 && touchesPerOpp < 30, "touches per opportunity " + touchesPerOpp);
        assertTrue(data.accountCount() < data.opportunityCount(), "accounts have several opportunities");
        assertTrue(data.hasPeople(), "people");
        int[] byStatus = new int[3];
        for (int o = 0; o < data.opportunityCount(); o++) {
            byStatus[data.status(o).ordinal()]++;
        }
        for (OpportunityStatus s : OpportunityStatus.values()) {
            assertTrue(byStatus[s.ordinal()] > 50, s + ": " + byStatus[s.ordinal()]);
        }
        Set<String> channels = new TreeSet<>();
        int sales = 0;
        for (int t = 0; t < data.touchCount(); t++) {
            channels.add(data.channelName(data.touchChannel(t)));
            if (data.touchType(t) == TouchType.SALES) {
                sales++;
                assertEquals("Sales Outreach", data.channelName(data.touchChannel(t)));
            }
        }
        assertEquals(
                new TreeSet<>(List.of(
                        "Paid Search",
                        "Paid Social",
                        "Organic Search",
                        "Webinar",
                        "Event",
                        "Content Syndication",
                        "Email",
                        "Partner",
                        "Direct",
                        "Sales Outreach")),
                channels);
        assertTrue(sales > 0, "sales touches");
        assertTrue(data.campaignCount() > 20, "campaigns " + data.campaignCount());
        assertTrue(data.offerCount() > 5, "offers " + data.offerCount());
    }

    @Test
    void generate_hasUnattributedOpportunitiesAndRecycledLeads() {
        Dataset data = SampleGenerator.generate(2000, 3);
        Attributor attributor = Attributor.builder().threads(1).build();
        int[] unattributed = {0};
        attributor.stream(attributor.journeys(data), Models.byName("first-touch"), (CreditTable t) -> {
            for (int o = t.firstOpportunity(); o < t.endOpportunity(); o++) {
                if (t.isUnattributed(o)) {
                    unattributed[0]++;
                }
            }
        });
        assertTrue(unattributed[0] > 0 && unattributed[0] < 200, "unattributed " + unattributed[0]);
        // with 30-day funnel cycles, first touch moves for recycled leads
        Attributor cycles = Attributor.builder().threads(1).cycleGapDays(30).build();
        var plain = attributor
                .attribute(data, Models.byName("first-touch"))
                .tables()
                .get(0);
        var cycled =
                cycles.attribute(data, Models.byName("first-touch")).tables().get(0);
        int moved = 0;
        for (int o = 0; o < data.opportunityCount(); o++) {
            if (!plain.isUnattributed(o) && plain.touch(plain.rowStart(o)) != cycled.touch(cycled.rowStart(o))) {
                moved++;
            }
        }
        assertTrue(moved > 100, "first touch moved by recycling for " + moved + " opportunities");
    }

    @Test
    void generate_rejectsNegativeSize() {
        assertThrows(IllegalArgumentException.class, () -> SampleGenerator.generate(-1, 1));
    }

    @Test
    void pad_padsWithZeros() {
        assertEquals("000042", SampleGenerator.pad(42, 6));
        assertEquals("1234567", SampleGenerator.pad(1234567, 6));
    }
}
