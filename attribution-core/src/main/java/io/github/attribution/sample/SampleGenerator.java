package io.github.attribution.sample;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.DatasetSink;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.StageRecord;
import io.github.attribution.data.TouchType;
import io.github.attribution.data.TouchpointRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Synthetic but realistic B2B data: accounts with several people and opportunities, marketing touches
 * over nine channels plus sales outreach, campaigns and offers, lead recycling (a quiet spell of more
 * than 30 days, then a return), won, lost and open opportunities, and a few accounts that never
 * touched marketing at all. About 20 touches per opportunity on average; amounts in USD.
 *
 * <p>Deterministic: the same size and seed give the same rows in the same order, on any JVM (one
 * {@link SplittableRandom} drawn in a fixed order, {@link StrictMath} for the few real functions, no
 * hash-ordered output). Rows are generated account by account and handed to a {@link DatasetSink}, so
 * writing a million opportunities to files needs only one account's worth of memory; {@link
 * #generate(int, long)} builds a {@link Dataset} instead.
 *
 * <p>Stateless; thread-safe.
 */
public final class SampleGenerator {
    /** The instant the synthetic world ends: open opportunities are open as of this day. */
    public static final Instant NOW = Instant.parse("2026-06-30T00:00:00Z");

    private static final Currency USD = Currency.getInstance("USD");
    private static final long SECOND = 1_000_000_000L;
    private static final long DAY = 86_400L * SECOND;
    private static final long START = epochNanos(Instant.parse("2024-01-01T00:00:00Z"));
    private static final long END = epochNanos(NOW);

    private static final String SALES_OUTREACH = "Sales Outreach";

    /** Marketing channels with their relative frequency, sources, campaign themes and offers. */
    private static final Channel[] MARKETING = {
        new Channel(
                "Paid Search",
                16,
                new String[] {"google", "bing"},
                new String[] {"Brand Search", "Competitor Search", "Generic Search"},
                new String[] {"Demo Request", "Free Trial"},
                1_800),
        new Channel(
                "Paid Social",
                12,
                new String[] {"linkedin", "facebook"},
                new String[] {"LinkedIn ABM", "Retargeting"},
                new String[] {"Ebook", "Demo Request"},
                1_400),
        new Channel(
                "Organic Search",
                14,
                new String[] {"google", "bing", "duckduckgo"},
                new String[] {""},
                new String[] {"", "Blog Post", "Pricing Page"},
                0),
        new Channel(
                "Webinar",
                9,
                new String[] {"on24", "zoom"},
                new String[] {"Webinar: \"Pipeline, Not Leads\"", "Webinar: Attribution 101"},
                new String[] {"Webinar Registration"},
                4_000),
        new Channel(
                "Event",
                6,
                new String[] {"trade-show", "field-event"},
                new String[] {"User Conference", "Trade Show", "Field Dinner"},
                new String[] {"Booth Visit", "Dinner Invitation"},
                15_000),
        new Channel(
                "Content Syndication",
                8,
                new String[] {"techtarget", "integrate"},
                new String[] {"Analyst Report", "Ebook Syndication"},
                new String[] {"Whitepaper", "Ebook"},
                6_000),
        new Channel(
                "Email",
                20,
                new String[] {"marketo"},
                new String[] {"Nurture", "Newsletter", "Product Launch"},
                new String[] {"", "Case Study", "Product Update"},
                150),
        new Channel(
                "Partner",
                5,
                new String[] {"partner-portal", "reseller"},
                new String[] {"Partner Referral", "Co-marketing"},
                new String[] {"Referral", "Joint Webinar"},
                5_000),
        new Channel("Direct", 10, new String[] {"direct"}, new String[] {""}, new String[] {"", "Contact Sales"}, 0),
    };

    private static final Channel SALES = new Channel(
            SALES_OUTREACH,
            0,
            new String[] {"salesloft", "phone"},
            new String[] {"Outbound Sequence", ""},
            new String[] {"Meeting", "Call", "Proposal"},
            0);

    /** Marketing-channel weights during the sales cycle (after opportunity creation). */
    private static final int[] LATE_WEIGHTS = {4, 4, 5, 5, 5, 2, 20, 3, 10};

    private static final int MARKETING_TOTAL =
            Arrays.stream(MARKETING).mapToInt(c -> c.weight).sum();
    private static final int LATE_TOTAL = Arrays.stream(LATE_WEIGHTS).sum();

    /** Mixed into the seed of the stage-history stream. */
    private static final long STAGE_SEED = 0x5A6E_57A6_E5C0_FFEEL;

    private SampleGenerator() {}

    /**
     * A dataset of {@code opportunities} opportunities with their touchpoints and people (no
     * opportunity contacts, so journeys are account-based).
     *
     * @throws IllegalArgumentException if {@code opportunities} is negative
     */
    public static Dataset generate(int opportunities, long seed) {
        return generate(opportunities, seed, false);
    }

    /**
     * A dataset of {@code opportunities} opportunities with their touchpoints and people, and with
     * opportunity contacts (which make journeys contact-based) when {@code withContacts}.
     *
     * @throws IllegalArgumentException if {@code opportunities} is negative
     */
    public static Dataset generate(int opportunities, long seed, boolean withContacts) {
        Dataset.Builder b = Dataset.builder();
        generate(opportunities, seed, into(b, withContacts));
        return b.build();
    }

    /**
     * A sink that adds every row to {@code b}: what {@link #generate(int, long, boolean)} and {@link
     * Scenario#generate(int, long)} build their datasets with. Contacts are added only when {@code
     * withContacts}.
     */
    static DatasetSink into(Dataset.Builder b, boolean withContacts) {
        return new DatasetSink() {
            @Override
            public void touchpoint(TouchpointRow touch) {
                b.addTouchpoint(touch);
            }

            @Override
            public void person(String id, String accountId, long leadCreatedAt) {
                b.addPerson(id, accountId, leadCreatedAt);
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
                b.addOpportunity(id, accountId, currency, amountMinor, createdAt, closedAt, status);
            }

            @Override
            public void contact(String opportunityId, String personId) {
                if (withContacts) {
                    b.addContact(opportunityId, personId);
                }
            }

            @Override
            public void stage(StageRecord kind, String recordId, String stage, long enteredAt) {
                b.addStage(kind, recordId, stage, enteredAt);
            }
        };
    }

    /**
     * Generates {@code opportunities} opportunities and everything around them into {@code sink}. For
     * each account, in this order: its touchpoints (in time order), its people, its opportunities, the
     * opportunities' contacts, then its stage history; after every account, the campaign costs by
     * quarter.
     *
     * @throws IllegalArgumentException if {@code opportunities} is negative
     */
    public static void generate(int opportunities, long seed, DatasetSink sink) {
        if (opportunities < 0) {
            throw new IllegalArgumentException("opportunities must not be negative: " + opportunities);
        }
        Objects.requireNonNull(sink, "sink must not be null");
        // stage history draws from a stream of its own, so the other files stay as they were without it
        new Run(new SplittableRandom(seed), new SplittableRandom(seed ^ STAGE_SEED), sink).run(opportunities);
    }

    private static final class Channel {
        final String name;
        final int weight;
        final String[] sources;
        final String[] themes;
        final String[] offers;
        /** Cost per touch in cents, for the campaign costs. */
        final long costPerTouch;

        Channel(String name, int weight, String[] sources, String[] themes, String[] offers, long costPerTouch) {
            this.name = name;
            this.weight = weight;
            this.sources = sources;
            this.themes = themes;
            this.offers = offers;
            this.costPerTouch = costPerTouch;
        }
    }

    /** One generation run; holds one account's rows at a time. */
    private static final class Run {
        private final SplittableRandom rnd;
        private final SplittableRandom stageRnd;
        private final DatasetSink sink;
        /** Touches per campaign, keyed by campaign name, for the costs; sorted so output is stable. */
        private final Map<String, long[]> campaignTouches = new TreeMap<>();

        private long nextTouch;
        private int nextOpp;
        private int nextAccount;
        private int nextPerson;

        // the current account's touches, sorted by time before they are emitted
        private long[] time = new long[256];
        private Channel[] channel = new Channel[256];
        private int[] person = new int[256];
        private int touches;

        // the current account's lead-creation instants and contacts, for its stage history
        private long[] lead = new long[8];
        private int[] contactFirst = new int[4];
        private int[] contactCount = new int[4];

        Run(SplittableRandom rnd, SplittableRandom stageRnd, DatasetSink sink) {
            this.rnd = rnd;
            this.stageRnd = stageRnd;
            this.sink = sink;
        }

        void run(int opportunities) {
            while (nextOpp < opportunities) {
                account(opportunities - nextOpp);
            }
            for (Map.Entry<String, long[]> e : campaignTouches.entrySet()) {
                String campaign = e.getKey();
                long[] v = e.getValue();
                // a quarter's spend: touches times cost per touch, give or take 20%, whole dollars
                long cents = v[0] * v[1] * (80 + rnd.nextInt(41)) / 100;
                sink.cost(campaign, USD, cents / 100 * 100, campaign.substring(0, 7));
            }
        }

        private void account(int remaining) {
            String account = "ACC-" + pad(++nextAccount, 6);
            int people = 2 + rnd.nextInt(6);
            int firstPerson = nextPerson;
            nextPerson += people;
            int opps = Math.min(remaining, 1 + (rnd.nextInt(100) < 35 ? 1 : 0) + (rnd.nextInt(100) < 12 ? 1 : 0));
            boolean silent = rnd.nextInt(100) < 4; // outbound-only accounts: no marketing touches at all
            long accountStart = START + (long) (rnd.nextDouble() * (END - 200 * DAY - START));
            accountStart -= accountStart % SECOND;
            touches = 0;

            String[] oppIds = new String[opps];
            long[] created = new long[opps];
            long[] closed = new long[opps];
            long[] amount = new long[opps];
            OpportunityStatus[] status = new OpportunityStatus[opps];
            long cursor = accountStart + days(30, 200);
            int made = 0;
            for (; made < opps; made++) {
                if (made > 0 && cursor >= END - DAY) {
                    break;
                }
                long c = Math.min(cursor, END - DAY);
                long cycle = days(15, 180);
                created[made] = c;
                if (c + cycle >= END) {
                    status[made] = OpportunityStatus.OPEN;
                    closed[made] = Dataset.NO_INSTANT;
                } else {
                    status[made] = rnd.nextInt(100) < 30 ? OpportunityStatus.WON : OpportunityStatus.LOST;
                    closed[made] = c + cycle;
                }
                amount[made] = amount();
                oppIds[made] = "OPP-" + pad(++nextOpp, 7);
                if (!silent) {
                    journey(c, closed[made], status[made], people);
                }
                cursor = c + days(60, 300);
            }

            emitTouches(account, firstPerson);
            emitPeople(account, firstPerson, people);
            for (int k = 0; k < made; k++) {
                sink.opportunity(oppIds[k], account, USD, amount[k], created[k], closed[k], status[k]);
            }
            if (contactFirst.length < made) {
                contactFirst = new int[made];
                contactCount = new int[made];
            }
            for (int k = 0; k < made; k++) {
                int contacts = 1 + rnd.nextInt(Math.min(3, people));
                int first = rnd.nextInt(people);
                contactFirst[k] = first;
                contactCount[k] = contacts;
                for (int j = 0; j < contacts; j++) {
                    sink.contact(oppIds[k], personId(firstPerson + (first + j) % people));
                }
            }
            emitStages(firstPerson, people, made, oppIds, created, closed, status);
        }

        /**
         * The account's stage history, from {@link #stageRnd} only: each lead's {@code lead} row; an MQL
         * for most leads who become an opportunity's contact (entered between lead and opportunity) and
         * for about a fifth of the others; an SQL for most of those MQLs; now and then an SQL without an
         * MQL (a skipped stage), a recycled MQL that becomes an MQL again months later, or an SQL dated a
         * little before its MQL (out of order, as CRM back-dating produces); and a {@code proposal} stage
         * for most won deals, about half of the lost and open ones.
         */
        private void emitStages(
                int firstPerson,
                int people,
                int made,
                String[] oppIds,
                long[] created,
                long[] closed,
                OpportunityStatus[] status) {
            for (int p = 0; p < people; p++) {
                long l = lead[p];
                if (l == Dataset.NO_INSTANT) {
                    continue;
                }
                String id = personId(firstPerson + p);
                sink.stage(StageRecord.PERSON, id, "lead", l);
                long opp = Long.MAX_VALUE; // creation of the first opportunity after the lead with this contact
                for (int k = 0; k < made; k++) {
                    boolean contact = (p - contactFirst[k] + people) % people < contactCount[k];
                    if (contact && created[k] > l && created[k] < opp) {
                        opp = created[k];
                    }
                }
                boolean contact = opp != Long.MAX_VALUE;
                if (stageRnd.nextInt(100) >= (contact ? 85 : 20)) {
                    continue;
                }
                long mql;
                long sql;
                if (contact) {
                    mql = l + (long) ((opp - l) * (0.15 + 0.45 * stageRnd.nextDouble()));
                    sql = mql + (long) ((opp - mql) * (0.3 + 0.6 * stageRnd.nextDouble()));
                } else {
                    mql = l + stageDays(1, 45);
                    sql = mql + stageDays(3, 30);
                }
                mql -= mql % SECOND;
                sql -= sql % SECOND;
                boolean toSql = stageRnd.nextInt(100) < (contact ? 80 : 35);
                boolean skip = toSql && stageRnd.nextInt(100) < 6;
                if (toSql && stageRnd.nextInt(200) == 0) {
                    sql = mql - stageDays(1, 3); // back-dated
                }
                if (!skip && mql < END) {
                    sink.stage(StageRecord.PERSON, id, "mql", mql);
                }
                if (toSql && sql < END) {
                    sink.stage(StageRecord.PERSON, id, "sql", sql);
                } else if (!toSql && stageRnd.nextInt(100) < 25) {
                    long again = mql + stageDays(45, 200); // recycled to nurture, then an MQL again
                    if (again < END) {
                        sink.stage(StageRecord.PERSON, id, "mql", again);
                    }
                }
            }
            for (int k = 0; k < made; k++) {
                int chance = status[k] == OpportunityStatus.WON ? 92 : status[k] == OpportunityStatus.LOST ? 55 : 45;
                if (stageRnd.nextInt(100) >= chance) {
                    continue;
                }
                long end = closed[k] == Dataset.NO_INSTANT ? END : closed[k];
                long at = created[k] + (long) ((end - created[k]) * (0.3 + 0.5 * stageRnd.nextDouble()));
                at -= at % SECOND;
                if (at < END) {
                    sink.stage(StageRecord.OPPORTUNITY, oppIds[k], "proposal", at);
                }
            }
        }

        private long stageDays(int min, int max) {
            long nanos = (min + stageRnd.nextInt(max - min + 1)) * DAY + stageRnd.nextLong(DAY);
            return nanos - nanos % SECOND;
        }

        /** The touches of one opportunity: an optional earlier cycle, nurture, the sales cycle, after. */
        private void journey(long created, long closed, OpportunityStatus status, int people) {
            int n = 2 + rnd.nextInt(37);
            int early = Math.max(1, n * 6 / 10);
            int late = n - early;
            long preDays = days(20, 150);
            if (rnd.nextInt(100) < 30) {
                // lead recycling: a burst, a quiet spell of more than 30 days, then the main nurture
                long quiet = days(35, 180);
                long burstEnd = created - preDays - quiet;
                int burst = 2 + rnd.nextInt(4);
                for (int i = 0; i < burst; i++) {
                    add(burstEnd - within(20 * DAY), marketing(), people, false);
                }
            }
            for (int i = 0; i < early; i++) {
                add(created - within(preDays), marketing(), people, false);
            }
            long end = closed == Dataset.NO_INSTANT ? END : closed;
            for (int i = 0; i < late; i++) {
                boolean sales = rnd.nextInt(100) < 45;
                add(created + within(end - created), sales ? SALES : lateMarketing(), people, sales);
            }
            if (status == OpportunityStatus.WON) {
                add(closed - within(DAY / 4), SALES, people, true);
                int after = rnd.nextInt(3);
                for (int i = 0; i < after; i++) {
                    long t = closed + days(1, 60);
                    if (t < END) {
                        add(t, MARKETING[6], people, false);
                    }
                }
            }
        }

        private void add(long t, Channel c, int people, boolean named) {
            if (touches == time.length) {
                time = Arrays.copyOf(time, touches * 2);
                channel = Arrays.copyOf(channel, touches * 2);
                person = Arrays.copyOf(person, touches * 2);
            }
            time[touches] = Math.max(START - 365 * DAY, t - t % SECOND);
            channel[touches] = c;
            // anonymous web touches have no person; sales always knows whom it talked to
            boolean anonymous = !named && c.themes[0].isEmpty() && rnd.nextInt(100) < 40;
            person[touches] = anonymous ? -1 : rnd.nextInt(people);
            touches++;
        }

        private void emitTouches(String account, int firstPerson) {
            Integer[] order = new Integer[touches];
            for (int i = 0; i < touches; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(time[a], time[b])); // stable: ties keep generation order
            for (int k = 0; k < touches; k++) {
                int i = order[k];
                Channel c = channel[i];
                String quarter = quarter(time[i]);
                String theme = c.themes[rnd.nextInt(c.themes.length)];
                String campaign = theme.isEmpty() ? "" : quarter + " " + theme;
                if (!campaign.isEmpty() && c.costPerTouch > 0) {
                    long[] v = campaignTouches.computeIfAbsent(campaign, x -> new long[] {0, c.costPerTouch});
                    v[0]++;
                }
                sink.touchpoint(new TouchpointRow(
                        "TP-" + pad(++nextTouch, 9),
                        account,
                        person[i] < 0 ? null : personId(firstPerson + person[i]),
                        time[i],
                        c.name,
                        c.sources[rnd.nextInt(c.sources.length)],
                        campaign,
                        c.offers[rnd.nextInt(c.offers.length)],
                        c == SALES ? TouchType.SALES : TouchType.MARKETING));
            }
        }

        /** Each person becomes a lead at their second touch (their first if they have one), or is unknown. */
        private void emitPeople(String account, int firstPerson, int people) {
            long[] first = new long[people];
            long[] second = new long[people];
            Arrays.fill(first, Long.MAX_VALUE);
            Arrays.fill(second, Long.MAX_VALUE);
            for (int i = 0; i < touches; i++) {
                int p = person[i];
                if (p < 0) {
                    continue;
                }
                long t = time[i];
                if (t < first[p]) {
                    second[p] = first[p];
                    first[p] = t;
                } else if (t < second[p]) {
                    second[p] = t;
                }
            }
            if (lead.length < people) {
                lead = new long[people];
            }
            for (int p = 0; p < people; p++) {
                long l = Dataset.NO_INSTANT;
                if (first[p] != Long.MAX_VALUE && rnd.nextInt(100) < 85) {
                    l = second[p] != Long.MAX_VALUE ? second[p] : first[p];
                }
                lead[p] = l;
                sink.person(personId(firstPerson + p), account, l);
            }
        }

        private Channel marketing() {
            int r = rnd.nextInt(MARKETING_TOTAL);
            for (Channel c : MARKETING) {
                r -= c.weight;
                if (r < 0) {
                    return c;
                }
            }
            throw new AssertionError("weights exhausted");
        }

        private Channel lateMarketing() {
            int r = rnd.nextInt(LATE_TOTAL);
            for (int i = 0; i < LATE_WEIGHTS.length; i++) {
                r -= LATE_WEIGHTS[i];
                if (r < 0) {
                    return MARKETING[i];
                }
            }
            throw new AssertionError("weights exhausted");
        }

        /** A log-normal deal size around USD 40,000, mostly whole hundreds, within 2,000..2,000,000. */
        private long amount() {
            double u1 = 1 - rnd.nextDouble();
            double u2 = rnd.nextDouble();
            double normal = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
            double dollars = StrictMath.exp(StrictMath.log(40_000) + 0.9 * normal);
            long cents = Math.max(200_000, Math.min(200_000_000, (long) (dollars * 100)));
            return rnd.nextInt(100) < 80 ? cents / 10_000 * 10_000 : cents;
        }

        private long days(int min, int max) {
            long nanos = (min + rnd.nextInt(max - min + 1)) * DAY + rnd.nextLong(DAY);
            return nanos - nanos % SECOND;
        }

        private long within(long span) {
            return span <= 0 ? 0 : rnd.nextLong(span);
        }
    }

    private static String personId(int person) {
        return "P-" + pad(person + 1, 7);
    }

    private static String quarter(long nanos) {
        LocalDate d = LocalDate.ofInstant(Instant.ofEpochSecond(Math.floorDiv(nanos, SECOND)), ZoneOffset.UTC);
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    /** {@code n} in decimal, left-padded with zeros to {@code width} digits. */
    static String pad(long n, int width) {
        String s = Long.toString(n);
        if (s.length() >= width) {
            return s;
        }
        char[] c = new char[width];
        Arrays.fill(c, 0, width - s.length(), '0');
        s.getChars(0, s.length(), c, width - s.length());
        return new String(c);
    }

    private static long epochNanos(Instant i) {
        return i.getEpochSecond() * SECOND + i.getNano();
    }
}
