package io.github.attribution.sample;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.DatasetSink;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.TouchType;
import io.github.attribution.data.TouchpointRow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Journeys simulated from a known causal process (models.md "Ground truth"), so that models can be
 * scored against the truth. Each opportunity has its own account and is independent of the others.
 * Each channel of a scenario has a <em>presence</em> probability {@code π}, a <em>role</em> that fixes
 * where its touches go in the journey (opener first, middle in random order, closer last), a range of
 * touch counts, an <em>effect</em> {@code β} on winning and a <em>speed-up</em> of the close in days.
 * Channels of the same exclusive group are never together: one of them (or none) is drawn with
 * probabilities {@code π}; the others are present independently.
 *
 * <p>The deal is won with probability {@code Σ β(c)} over the channels present (a scenario keeps it
 * at most 1; with no effective channel it is never won), closes {@code 60 - Σ speed-up(c)} days
 * after it is created, and its amount, drawn independently of the channels, is USD 10,000 to 100,000
 * in steps of 1,000. Touches are one day apart in role order: openers and middle touches end the day
 * before the opportunity is created, closers start the day after (sales touches of an open deal).
 *
 * <p><b>Truth.</b> Because winning is additive in the channels and the amount independent of them, a
 * channel's expected revenue contribution per opportunity is exactly {@code β(c) π(c) E[amount]}: this
 * is at once the expected revenue lost by removing the channel's touches from the process and the
 * channel's Shapley value in the game "expected revenue given the channels present", and the
 * contributions add up to the expected won revenue. The true share of a channel is its contribution
 * over their sum, {@code β(c) π(c) / Σ β π}, computed exactly from the process, not from a sample.
 */
public final class Scenario {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Map<String, Scenario> ALL = new LinkedHashMap<>();

    /** Where a channel's touches go in a journey. */
    public enum Role {
        /** Before every other touch. */
        OPENER,
        /** Between openers and closers, in random order. */
        MIDDLE,
        /** After every other touch. */
        CLOSER
    }

    /**
     * One channel of a scenario.
     *
     * @param name the channel
     * @param role where its touches go
     * @param presence {@code π}, the probability the journey has it
     * @param minTouches fewest touches when present, at least 1
     * @param maxTouches most touches when present
     * @param effect {@code β}, what its presence adds to the probability of winning
     * @param speedUpDays how many days its presence takes off the time to close
     * @param group exclusive group: channels with the same group above 0 are never together
     */
    public record ChannelSpec(
            String name,
            Role role,
            BigDecimal presence,
            int minTouches,
            int maxTouches,
            BigDecimal effect,
            int speedUpDays,
            int group) {}

    static {
        add(
                "late-no-effect",
                "Sales Outreach is the last touch of nine journeys in ten but causes nothing; Paid Search,"
                        + " Webinar and Email cause every win",
                ch("Paid Search", Role.OPENER, "0.6", 1, 2, "0.3", 10, 0),
                ch("Webinar", Role.MIDDLE, "0.5", 1, 1, "0.25", 5, 0),
                ch("Email", Role.MIDDLE, "0.7", 1, 3, "0.15", 5, 0),
                ch("Sales Outreach", Role.CLOSER, "0.9", 1, 2, "0", 0, 0));
        add(
                "opener",
                "Paid Social opens most journeys and causes half of the revenue",
                ch("Paid Social", Role.OPENER, "0.8", 1, 1, "0.35", 5, 0),
                ch("Email", Role.MIDDLE, "0.6", 1, 3, "0.1", 5, 0),
                ch("Webinar", Role.MIDDLE, "0.4", 1, 1, "0.1", 5, 0),
                ch("Sales Outreach", Role.CLOSER, "0.7", 1, 1, "0.15", 10, 0));
        add(
                "repetition",
                "Email repeats 4 to 12 times in most journeys but does little per journey",
                ch("Paid Search", Role.OPENER, "0.6", 1, 1, "0.2", 5, 0),
                ch("Email", Role.MIDDLE, "0.9", 4, 12, "0.05", 0, 0),
                ch("Event", Role.MIDDLE, "0.4", 1, 1, "0.3", 10, 0),
                ch("Sales Outreach", Role.CLOSER, "0.5", 1, 1, "0.2", 10, 0));
        add(
                "direct-last",
                "Direct (a return visit) ends most journeys and causes little; last touch inflates it",
                ch("Organic Search", Role.OPENER, "0.6", 1, 1, "0.25", 5, 0),
                ch("Webinar", Role.MIDDLE, "0.5", 1, 1, "0.25", 5, 0),
                ch("Email", Role.MIDDLE, "0.6", 1, 2, "0.15", 5, 0),
                ch("Direct", Role.CLOSER, "0.85", 1, 1, "0.02", 0, 0));
        add(
                "simple-split",
                "only the closing channel causes the win, so last touch is the truth: Display and Email"
                        + " come first and do nothing; one of Paid Search, Direct, Partner closes",
                ch("Display", Role.OPENER, "0.7", 1, 2, "0", 0, 0),
                ch("Email", Role.MIDDLE, "0.7", 1, 3, "0", 0, 0),
                ch("Paid Search", Role.CLOSER, "0.5", 1, 1, "0.4", 5, 1),
                ch("Direct", Role.CLOSER, "0.3", 1, 1, "0.6", 5, 1),
                ch("Partner", Role.CLOSER, "0.2", 1, 1, "0.2", 5, 1));
    }

    private final String name;
    private final String description;
    private final List<ChannelSpec> channels;

    private Scenario(String name, String description, List<ChannelSpec> channels) {
        this.name = name;
        this.description = description;
        this.channels = List.copyOf(channels);
    }

    private static ChannelSpec ch(
            String name, Role role, String presence, int min, int max, String effect, int speedUp, int group) {
        return new ChannelSpec(name, role, new BigDecimal(presence), min, max, new BigDecimal(effect), speedUp, group);
    }

    private static void add(String name, String description, ChannelSpec... channels) {
        ALL.put(name, new Scenario(name, description, List.of(channels)));
    }

    /** The names of the built-in scenarios. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /**
     * The scenario called {@code name}.
     *
     * @throws IllegalArgumentException naming the known scenarios if there is none
     */
    public static Scenario byName(String name) {
        Scenario s = ALL.get(name);
        if (s == null) {
            throw new IllegalArgumentException(
                    "unknown scenario '" + name + "'; scenarios: " + String.join(", ", ALL.keySet()));
        }
        return s;
    }

    /** The scenario's name. */
    public String name() {
        return name;
    }

    /** What it shows, for people. */
    public String description() {
        return description;
    }

    /** Its channels. */
    public List<ChannelSpec> channels() {
        return channels;
    }

    /** The mean amount in USD: 55,000 (10,000 to 100,000 in steps of 1,000, uniform). */
    public static BigDecimal meanAmount() {
        return new BigDecimal("55000");
    }

    /**
     * One channel's truth.
     *
     * @param channel the channel
     * @param effect {@code β}
     * @param presence {@code π}
     * @param contribution expected revenue it causes per opportunity, {@code β π E[amount]}, in USD
     * @param share its true share of revenue, {@code β π / Σ β π}, exact to 12 decimals (half-up)
     */
    public record Truth(
            String channel, BigDecimal effect, BigDecimal presence, BigDecimal contribution, BigDecimal share) {}

    /** Every channel's truth, channels by name. */
    public List<Truth> truth() {
        BigDecimal sum = BigDecimal.ZERO;
        for (ChannelSpec c : channels) {
            sum = sum.add(c.effect().multiply(c.presence()));
        }
        Map<String, Truth> out = new TreeMap<>();
        for (ChannelSpec c : channels) {
            BigDecimal product = c.effect().multiply(c.presence());
            out.put(
                    c.name(),
                    new Truth(
                            c.name(),
                            c.effect(),
                            c.presence(),
                            product.multiply(meanAmount()).setScale(2, RoundingMode.HALF_UP),
                            product.divide(sum, MathContext.DECIMAL128).setScale(12, RoundingMode.HALF_UP)));
        }
        return List.copyOf(out.values());
    }

    /**
     * Simulates {@code opportunities} opportunities as a dataset (see {@link #generate(int, long,
     * DatasetSink)}).
     *
     * @throws IllegalArgumentException if {@code opportunities} is negative
     */
    public Dataset generate(int opportunities, long seed) {
        Dataset.Builder b = Dataset.builder();
        generate(opportunities, seed, SampleGenerator.into(b, true));
        return b.build();
    }

    /**
     * Simulates {@code opportunities} opportunities into {@code sink}: per opportunity its account's
     * touchpoints in time order, then the opportunity (no people, contacts or costs).
     *
     * @throws IllegalArgumentException if {@code opportunities} is negative
     */
    public void generate(int opportunities, long seed, DatasetSink sink) {
        if (opportunities < 0) {
            throw new IllegalArgumentException("opportunities must not be negative: " + opportunities);
        }
        Objects.requireNonNull(sink, "sink must not be null");
        SplittableRandom random = new SplittableRandom(seed);
        int width = Math.max(6, String.valueOf(opportunities).length());
        for (int i = 0; i < opportunities; i++) {
            String id = String.format("%0" + width + "d", i + 1);
            String account = "ACC-" + id;
            List<ChannelSpec> present = draw(random);
            List<String> openers = new ArrayList<>();
            List<String> middle = new ArrayList<>();
            List<String> closers = new ArrayList<>();
            BigDecimal p = BigDecimal.ZERO;
            int speedUp = 0;
            for (ChannelSpec c : present) {
                int n = c.minTouches() + random.nextInt(c.maxTouches() - c.minTouches() + 1);
                List<String> into = c.role() == Role.OPENER ? openers : c.role() == Role.MIDDLE ? middle : closers;
                for (int k = 0; k < n; k++) {
                    into.add(c.name());
                }
                p = p.add(c.effect());
                speedUp += c.speedUpDays();
            }
            Collections.shuffle(middle, new java.util.Random(random.nextLong()));
            List<String> touches = new ArrayList<>(openers);
            touches.addAll(middle);
            touches.addAll(closers);
            Instant created = START.plus(Duration.ofHours(3L * i));
            // openers and middle touches one day apart, ending the day before creation; closers one day
            // apart from the day after creation (before the close, which is 30 days or more later)
            int before = openers.size() + middle.size();
            for (int k = 0; k < touches.size(); k++) {
                Instant day = k < before
                        ? created.minus(Duration.ofDays(before - k))
                        : created.plus(Duration.ofDays(k - before + 1L));
                Instant at = day.minus(Duration.ofHours(random.nextInt(12)));
                sink.touchpoint(new TouchpointRow(
                        "T-" + id + "-" + (k + 1),
                        account,
                        null,
                        nanos(at),
                        touches.get(k),
                        "",
                        "",
                        "",
                        TouchType.MARKETING));
            }
            boolean won = random.nextDouble() < p.doubleValue();
            long amount = (10_000L + 1_000L * random.nextInt(91)) * 100;
            Instant closed = created.plus(Duration.ofDays(60 - speedUp));
            sink.opportunity(
                    "OPP-" + id,
                    account,
                    USD,
                    amount,
                    nanos(created),
                    nanos(closed),
                    won ? OpportunityStatus.WON : OpportunityStatus.LOST);
        }
    }

    /** The channels present in one journey. */
    private List<ChannelSpec> draw(SplittableRandom random) {
        List<ChannelSpec> present = new ArrayList<>();
        Map<Integer, Double> groupDraw = new TreeMap<>();
        Map<Integer, Double> groupSeen = new TreeMap<>();
        for (ChannelSpec c : channels) {
            double u = random.nextDouble();
            if (c.group() == 0) {
                if (u < c.presence().doubleValue()) {
                    present.add(c);
                }
                continue;
            }
            double g = groupDraw.computeIfAbsent(c.group(), k -> u);
            double before = groupSeen.getOrDefault(c.group(), 0.0);
            double after = before + c.presence().doubleValue();
            groupSeen.put(c.group(), after);
            if (g >= before && g < after) {
                present.add(c);
            }
        }
        return present;
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Override
    public String toString() {
        return "Scenario[" + name + "]";
    }
}
