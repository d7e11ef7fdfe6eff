package io.github.attribution.data;

import io.github.attribution.internal.DatasetAccess;
import io.github.attribution.internal.DatasetAccess.TouchField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Touchpoints, opportunities, people and opportunity contacts, held column-wise: primitive arrays
 * indexed by row, with every repeated string (account, person, channel, source, campaign, offer)
 * interned once into a dictionary. This is what the engine iterates over; {@link #touchpoint(int)}
 * and {@link #opportunity(int)} give the friendly record view of one row.
 *
 * <p>Instants are held as nanoseconds since the epoch. Rows keep their input order: touch {@code i}
 * is the i-th touchpoint added, opportunity {@code j} the j-th opportunity added.
 *
 * <p>Immutable and thread-safe once built. Build one with {@link #builder()} or {@link #of}.
 */
public final class Dataset {
    /** Marks an absent instant (no close date, no lead-creation date) in the nanosecond columns. */
    public static final long NO_INSTANT = Records.NONE;

    static {
        DatasetAccess.install(new Hooks());
    }

    private final IdColumn touchId;
    private static final TouchType[] TOUCH_TYPES = TouchType.values();
    private static final OpportunityStatus[] STATUSES = OpportunityStatus.values();

    private final int touchCount;
    private final int[] touchAccount;
    /** Null when the builder did not keep touches' people ({@link Builder#withoutTouchPersons}). */
    private final int[] touchPerson;

    private final long[] touchTime;
    private final CodeColumn touchChannel;
    private final CodeColumn touchSource;
    private final CodeColumn touchCampaign;
    private final CodeColumn touchOffer;
    private final byte[] touchType;

    private final String[] oppId;
    private final int[] oppAccount;
    private final long[] oppAmount;
    private final int[] oppCurrency;
    private final long[] oppCreated;
    private final long[] oppClosed;
    private final byte[] oppStatus;

    private final int[] personAccount;
    private final long[] personLeadCreated;
    private final boolean[] personKnown;

    private final int[] contactStart;
    private final int[] contactPerson;

    /** Account and person ids: millions of them, held as bytes (names made on request). */
    private final Dictionary accounts;

    private final Dictionary persons;
    private final String[] channels;
    private final String[] sources;
    private final String[] campaigns;
    private final String[] offers;
    private final Currency[] currencies;

    // stage history, rows as given: the record's kind (a StageRecord ordinal) and index, the stage, when
    private final int stageRows;
    private final byte[] stageKind;
    private final int[] stageRecord;
    private final int[] stageOf;
    private final long[] stageTime;
    private final String[] stageNames;
    /** For a dataset of stage events ({@link #events}): each event's record kind and index; else null. */
    private final byte[] eventKind;

    private final int[] eventRecord;
    private volatile StageIndex stageIndex;

    private Dataset(Builder b) {
        // columns sized from an estimate of the file keep their little slack (a trimmed copy would be
        // fresh memory, which costs seconds a GB on some VMs); others are trimmed one column at a time
        // and the builder's array dropped at once, so the peak is the data plus one column
        int t = b.touchCount;
        touchCount = t;
        touchId = b.touchId;
        touchId.trim();
        b.touchId = null;
        touchAccount = fit(b.touchAccount, t);
        b.touchAccount = null;
        touchPerson = b.touchPerson == null ? null : fit(b.touchPerson, t);
        b.touchPerson = null;
        touchTime = fit(b.touchTime, t);
        b.touchTime = null;
        touchChannel = b.touchChannel;
        touchChannel.trim(t);
        b.touchChannel = null;
        touchSource = b.touchSource;
        touchSource.trim(t);
        b.touchSource = null;
        touchCampaign = b.touchCampaign;
        touchCampaign.trim(t);
        b.touchCampaign = null;
        touchOffer = b.touchOffer;
        touchOffer.trim(t);
        b.touchOffer = null;
        touchType = fit(b.touchType, t);
        b.touchType = null;
        b.touchIds = null;
        int o = b.oppCount;
        oppId = Arrays.copyOf(b.oppId, o);
        oppAccount = Arrays.copyOf(b.oppAccount, o);
        oppAmount = Arrays.copyOf(b.oppAmount, o);
        oppCurrency = Arrays.copyOf(b.oppCurrency, o);
        oppCreated = Arrays.copyOf(b.oppCreated, o);
        oppClosed = Arrays.copyOf(b.oppClosed, o);
        oppStatus = Arrays.copyOf(b.oppStatus, o);
        int p = b.persons.size();
        personAccount = Arrays.copyOf(b.personAccount, p);
        personLeadCreated = Arrays.copyOf(b.personLeadCreated, p);
        personKnown = Arrays.copyOf(b.personKnown, p);
        // contacts: counting sort of (opportunity, person) pairs, duplicates removed
        int[] count = new int[o + 1];
        for (int i = 0; i < b.contactCount; i++) {
            count[b.contactOpp[i] + 1]++;
        }
        for (int i = 0; i < o; i++) {
            count[i + 1] += count[i];
        }
        int[] fill = Arrays.copyOf(count, o + 1);
        int[] persons = new int[b.contactCount];
        for (int i = 0; i < b.contactCount; i++) {
            persons[fill[b.contactOpp[i]]++] = b.contactPerson[i];
        }
        int[] start = new int[o + 1];
        int n = 0;
        for (int i = 0; i < o; i++) {
            start[i] = n;
            int from = count[i];
            int to = count[i + 1];
            Arrays.sort(persons, from, to);
            for (int k = from; k < to; k++) {
                if (k == from || persons[k] != persons[k - 1]) {
                    persons[n++] = persons[k];
                }
            }
        }
        start[o] = n;
        contactStart = start;
        contactPerson = Arrays.copyOf(persons, n);
        accounts = b.accounts;
        accounts.seal();
        this.persons = b.persons;
        this.persons.seal();
        channels = b.channels.names();
        sources = b.sources.names();
        campaigns = b.campaigns.names();
        offers = b.offers.names();
        currencies = b.currencies.toArray(new Currency[0]);
        stageRows = b.stageCount;
        stageKind = Arrays.copyOf(b.stageKind, stageRows);
        stageRecord = Arrays.copyOf(b.stageRecord, stageRows);
        stageOf = Arrays.copyOf(b.stageOf, stageRows);
        stageTime = Arrays.copyOf(b.stageTime, stageRows);
        stageNames = b.stageNames.names();
        eventKind = null;
        eventRecord = null;
    }

    /** A dataset of stage events sharing {@code base}'s touches, people and dictionaries; see {@link #events}. */
    private Dataset(Dataset base, byte[] kind, int[] record, long[] at) {
        touchId = base.touchId;
        touchCount = base.touchCount;
        touchAccount = base.touchAccount;
        touchPerson = base.touchPerson;
        touchTime = base.touchTime;
        touchChannel = base.touchChannel;
        touchSource = base.touchSource;
        touchCampaign = base.touchCampaign;
        touchOffer = base.touchOffer;
        touchType = base.touchType;
        personAccount = base.personAccount;
        personLeadCreated = base.personLeadCreated;
        personKnown = base.personKnown;
        accounts = base.accounts;
        persons = base.persons;
        channels = base.channels;
        sources = base.sources;
        campaigns = base.campaigns;
        offers = base.offers;
        currencies = base.currencies.length > 0 ? base.currencies : new Currency[] {Currency.getInstance("USD")};
        stageRows = base.stageRows;
        stageKind = base.stageKind;
        stageRecord = base.stageRecord;
        stageOf = base.stageOf;
        stageTime = base.stageTime;
        stageNames = base.stageNames;
        stageIndex = base.stageIndex();
        int n = kind.length;
        eventKind = kind;
        eventRecord = record;
        oppId = new String[n];
        oppAccount = new int[n];
        oppAmount = new long[n];
        oppCurrency = new int[n];
        oppCreated = new long[n];
        oppClosed = at;
        oppStatus = new byte[n];
        Arrays.fill(oppStatus, (byte) OpportunityStatus.WON.ordinal());
        boolean contacts = base.hasContacts();
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int r = record[i];
            if (kind[i] == PERSON) {
                oppId[i] = base.persons.name(r);
                oppAccount[i] = base.personAccount[r];
                oppCreated[i] = at[i];
                start[i + 1] = start[i] + (contacts ? 1 : 0);
            } else {
                oppId[i] = base.oppId[r];
                oppAccount[i] = base.oppAccount[r];
                oppCreated[i] = Math.min(base.oppCreated[r], at[i]);
                start[i + 1] = start[i] + (contacts ? base.contactCount(r) : 0);
            }
        }
        int[] people = new int[start[n]];
        for (int i = 0; i < n; i++) {
            int r = record[i];
            if (!contacts) {
                continue;
            }
            if (kind[i] == PERSON) {
                people[start[i]] = r;
            } else {
                System.arraycopy(base.contactPerson, base.contactStart[r], people, start[i], base.contactCount(r));
            }
        }
        contactStart = start;
        contactPerson = people;
    }

    private static final byte PERSON = (byte) StageRecord.PERSON.ordinal();

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A dataset of these touchpoints and opportunities, in iteration order. */
    public static Dataset of(Collection<Touchpoint> touchpoints, Collection<Opportunity> opportunities) {
        Objects.requireNonNull(touchpoints, "touchpoints must not be null");
        Objects.requireNonNull(opportunities, "opportunities must not be null");
        Builder b = builder();
        touchpoints.forEach(b::addTouchpoint);
        opportunities.forEach(b::addOpportunity);
        return b.build();
    }

    // ---- touches

    /** Number of touchpoints. */
    public int touchCount() {
        return touchCount;
    }

    /** {@code touch}, checked against the count (columns may be a little longer than the data). */
    private int checked(int touch) {
        return Objects.checkIndex(touch, touchCount);
    }

    private static int[] fit(int[] column, int count) {
        return column.length - count <= column.length >> 4 ? column : Arrays.copyOf(column, count);
    }

    private static long[] fit(long[] column, int count) {
        return column.length - count <= column.length >> 4 ? column : Arrays.copyOf(column, count);
    }

    private static byte[] fit(byte[] column, int count) {
        return column.length - count <= column.length >> 4 ? column : Arrays.copyOf(column, count);
    }

    /** The id of touch {@code touch}. */
    public String touchId(int touch) {
        return touchId.get(checked(touch));
    }

    /**
     * Copies the id of touch {@code touch} into {@code dst} at {@code at} as bytes when they are its
     * CSV field as is: plain ASCII without a comma, quote, CR or LF (nothing to quote, and the bytes
     * are its UTF-8): lets writers emit ids without a string each.
     *
     * @return the number of bytes copied, or -1 when the id has other characters, any control
     *     character (to keep the check short; the caller's general way writes those right) or {@code
     *     dst} lacks room (use {@link #touchId} then)
     */
    int copyTouchIdCsv(int touch, byte[] dst, int at) {
        return touchId.copyCsvPlain(checked(touch), dst, at);
    }

    /** The account id (an index into {@link #accountName}) of touch {@code touch}. */
    public int touchAccount(int touch) {
        return touchAccount[checked(touch)];
    }

    /**
     * The person (an index into {@link #personName}) of touch {@code touch}, or -1 when unknown.
     *
     * @throws IllegalStateException when the dataset was built {@link Builder#withoutTouchPersons()
     *     without touches' people}
     */
    public int touchPerson(int touch) {
        return touchPeople()[checked(touch)];
    }

    /** Whether touches' people were kept (see {@link Builder#withoutTouchPersons()}). */
    public boolean hasTouchPersons() {
        return touchPerson != null;
    }

    private int[] touchPeople() {
        if (touchPerson == null) {
            throw new IllegalStateException("this dataset was built without the person_id of touchpoints"
                    + " (Dataset.Builder.withoutTouchPersons)");
        }
        return touchPerson;
    }

    /** When touch {@code touch} happened, in nanoseconds since the epoch. */
    public long touchTime(int touch) {
        return touchTime[checked(touch)];
    }

    /** The channel (an index into {@link #channelName}) of touch {@code touch}. */
    public int touchChannel(int touch) {
        return touchChannel.get(checked(touch));
    }

    /** The source (an index into {@link #sourceName}) of touch {@code touch}. */
    public int touchSource(int touch) {
        return touchSource.get(checked(touch));
    }

    /** The campaign (an index into {@link #campaignName}) of touch {@code touch}. */
    public int touchCampaign(int touch) {
        return touchCampaign.get(checked(touch));
    }

    /** The offer (an index into {@link #offerName}) of touch {@code touch}. */
    public int touchOffer(int touch) {
        return touchOffer.get(checked(touch));
    }

    /** Whether touch {@code touch} is a marketing or a sales touch. */
    public TouchType touchType(int touch) {
        return TOUCH_TYPES[touchType[checked(touch)]];
    }

    /**
     * Touch {@code touch} as a record.
     *
     * @throws IllegalStateException when the dataset was built {@link Builder#withoutTouchPersons()
     *     without touches' people}
     */
    public Touchpoint touchpoint(int touch) {
        int person = touchPeople()[checked(touch)];
        return new Touchpoint(
                touchId.get(touch),
                accounts.name(touchAccount[touch]),
                person < 0 ? null : persons.name(person),
                Records.instant(touchTime[touch]),
                channels[touchChannel.get(touch)],
                sources[touchSource.get(touch)],
                campaigns[touchCampaign.get(touch)],
                offers[touchOffer.get(touch)],
                touchType(touch));
    }

    // ---- opportunities

    /** Number of opportunities. */
    public int opportunityCount() {
        return oppId.length;
    }

    /** The id of opportunity {@code opp}. */
    public String opportunityId(int opp) {
        return oppId[opp];
    }

    /** The account (an index into {@link #accountName}) of opportunity {@code opp}. */
    public int opportunityAccount(int opp) {
        return oppAccount[opp];
    }

    /** The amount of opportunity {@code opp} in minor units of {@link #currency}. */
    public long amount(int opp) {
        return oppAmount[opp];
    }

    /** The currency of opportunity {@code opp}. */
    public Currency currency(int opp) {
        return currencies[oppCurrency[opp]];
    }

    /** The currency of opportunity {@code opp} as an index into {@link #currencies()}. */
    public int currencyIndex(int opp) {
        return oppCurrency[opp];
    }

    /** Every currency used, indexed as {@link #currencyIndex}. */
    public List<Currency> currencies() {
        return List.of(currencies);
    }

    /** When opportunity {@code opp} was created, in nanoseconds since the epoch. */
    public long createdAt(int opp) {
        return oppCreated[opp];
    }

    /** When opportunity {@code opp} closed, in nanoseconds since the epoch, or {@link #NO_INSTANT}. */
    public long closedAt(int opp) {
        return oppClosed[opp];
    }

    /** The status of opportunity {@code opp}. */
    public OpportunityStatus status(int opp) {
        return STATUSES[oppStatus[opp]];
    }

    /** Opportunity {@code opp} as a record. */
    public Opportunity opportunity(int opp) {
        return new Opportunity(
                oppId[opp],
                accounts.name(oppAccount[opp]),
                Money.ofMinor(currency(opp), oppAmount[opp]),
                Records.instant(oppCreated[opp]),
                Records.instant(oppClosed[opp]),
                status(opp));
    }

    // ---- people and contacts

    /** Number of distinct person ids seen in touchpoints, people and contacts. */
    public int personCount() {
        return persons.size();
    }

    /** The account of person {@code person} from the people rows, or -1 when it has none. */
    public int personAccount(int person) {
        return personAccount[person];
    }

    /** When person {@code person} became a lead, in nanoseconds since the epoch, or {@link #NO_INSTANT}. */
    public long leadCreatedAt(int person) {
        return personLeadCreated[person];
    }

    /** Whether any opportunity contacts were given, which makes journeys contact-based. */
    public boolean hasContacts() {
        return contactPerson.length > 0;
    }

    /** Number of distinct contacts of opportunity {@code opp}. */
    public int contactCount(int opp) {
        return contactStart[opp + 1] - contactStart[opp];
    }

    /** The k-th contact (a person index, ascending) of opportunity {@code opp}. */
    public int contact(int opp, int k) {
        return contactPerson[contactStart[opp] + k];
    }

    /** Whether any people rows were given. */
    public boolean hasPeople() {
        for (boolean known : personKnown) {
            if (known) {
                return true;
            }
        }
        return false;
    }

    // ---- stage history

    /** Number of stage-history rows, as given. */
    public int stageRowCount() {
        return stageRows;
    }

    /** Whether stage-history row {@code row} is about a person or an opportunity. */
    public StageRecord stageRowKind(int row) {
        return StageRecord.values()[stageKind[Objects.checkIndex(row, stageRows)]];
    }

    /** The person or opportunity index stage-history row {@code row} is about. */
    public int stageRowRecord(int row) {
        return stageRecord[Objects.checkIndex(row, stageRows)];
    }

    /** The stage name (an index into {@link #stageRowName}'s dictionary) of stage-history row {@code row}. */
    public String stageRowName(int row) {
        return stageNames[stageOf[Objects.checkIndex(row, stageRows)]];
    }

    int stageRowStage(int row) {
        return stageOf[row];
    }

    /** When the record of stage-history row {@code row} entered its stage, in nanoseconds since the epoch. */
    public long stageRowTime(int row) {
        return stageTime[Objects.checkIndex(row, stageRows)];
    }

    /** The distinct stage names of the stage-history rows, in order of first appearance. */
    public List<String> stageRowNames() {
        return List.of(stageNames);
    }

    /**
     * Every record's first entry into every stage: the stage-history rows together with the stages the
     * other files imply ({@link StageIndex#LEAD}, {@link StageIndex#OPPORTUNITY}, {@link StageIndex#WON}).
     * Built on first use.
     */
    public StageIndex stageIndex() {
        StageIndex index = stageIndex;
        if (index == null) {
            synchronized (this) {
                index = stageIndex;
                if (index == null) {
                    index = new StageIndex(this);
                    stageIndex = index;
                }
            }
        }
        return index;
    }

    /**
     * A dataset of stage events in place of the opportunities, to attribute funnel stages with the
     * engine that attributes opportunities. Event {@code i} is record {@code record[i]} (a person when
     * {@code kind[i]} is the ordinal of {@link StageRecord#PERSON}, else an opportunity) entering a stage
     * at {@code at[i]}. It becomes a won opportunity of amount zero in the record's account whose id is
     * the record's id, created at {@code at[i]} for a person and at the opportunity's creation (or {@code
     * at[i]}, when earlier) for an opportunity, and closed at {@code at[i]}; its contacts, when this
     * dataset has contacts, are the person itself or the opportunity's contacts. So its journey is the
     * record's touches up to the event, cut by the same lookback, cycle and milestone rules. Touches,
     * people and dictionaries are shared with this dataset, not copied; the arrays are kept.
     *
     * @throws IllegalArgumentException if the arrays differ in length, or a person has no account
     */
    public Dataset events(byte[] kind, int[] record, long[] at) {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(record, "record must not be null");
        Objects.requireNonNull(at, "at must not be null");
        if (kind.length != record.length || kind.length != at.length) {
            throw new IllegalArgumentException("kind, record and at must have the same length");
        }
        for (int i = 0; i < kind.length; i++) {
            if (kind[i] == PERSON && personAccount[record[i]] < 0) {
                throw new IllegalArgumentException("person '" + persons.name(record[i])
                        + "' has no account: only people of people.csv have stages");
            }
        }
        return new Dataset(this, kind, record, at);
    }

    /**
     * When opportunity {@code opp}'s journey reached stage {@code stage} of {@link #stageIndex()}, for
     * milestones: {@link StageIndex#reached} of the opportunity; for a dataset of stage events, the
     * event's person's first entry, or {@link StageIndex#reached} of the event's opportunity. {@link
     * #NO_INSTANT} when never.
     */
    public long stageReached(int opp, int stage) {
        StageIndex index = stageIndex();
        if (eventKind == null) {
            return index.reached(opp, stage);
        }
        return eventKind[opp] == PERSON
                ? index.personEntered(eventRecord[opp], stage)
                : index.reached(eventRecord[opp], stage);
    }

    /** Whether this is a dataset of stage events ({@link #events}). */
    public boolean isEvents() {
        return eventKind != null;
    }

    /** For a dataset of stage events, whether event {@code opp} is of a person or an opportunity. */
    public StageRecord eventKind(int opp) {
        return StageRecord.values()[eventKind[opp]];
    }

    /** For a dataset of stage events, the index of event {@code opp}'s record (a person or opportunity). */
    public int eventRecord(int opp) {
        return eventRecord[opp];
    }

    // ---- dictionaries

    /** Number of distinct accounts. */
    public int accountCount() {
        return accounts.size();
    }

    /** The account id string of account index {@code account}. */
    public String accountName(int account) {
        return accounts.name(account);
    }

    /** The person id string of person index {@code person}. */
    public String personName(int person) {
        return persons.name(person);
    }

    /** Number of distinct channels. */
    public int channelCount() {
        return channels.length;
    }

    /** The name of channel {@code channel}. */
    public String channelName(int channel) {
        return channels[channel];
    }

    /** Number of distinct sources (the empty source included when used). */
    public int sourceCount() {
        return sources.length;
    }

    /** The name of source {@code source}; {@code ""} for none. */
    public String sourceName(int source) {
        return sources[source];
    }

    /** Number of distinct campaigns (the empty campaign included when used). */
    public int campaignCount() {
        return campaigns.length;
    }

    /** The name of campaign {@code campaign}; {@code ""} for none. */
    public String campaignName(int campaign) {
        return campaigns[campaign];
    }

    /** Number of distinct offers (the empty offer included when used). */
    public int offerCount() {
        return offers.length;
    }

    /** The name of offer {@code offer}; {@code ""} for none. */
    public String offerName(int offer) {
        return offers[offer];
    }

    @Override
    public String toString() {
        return "Dataset[" + touchCount() + " touchpoints, " + opportunityCount() + " opportunities, " + personCount()
                + " people]";
    }

    /**
     * Collects rows into a {@link Dataset}. Every {@code add} validates its row and throws {@link
     * InvalidRecordException} (naming the field and quoting the value) for a bad one, which is then
     * not added. Not thread-safe; a builder builds one dataset.
     */
    public static final class Builder {
        private IdColumn touchId = new IdColumn();
        private int[] touchAccount = new int[64];
        /** Null when touches' people are not kept ({@link #withoutTouchPersons}). */
        private int[] touchPerson = new int[64];

        private long[] touchTime = new long[64];
        private CodeColumn touchChannel = new CodeColumn(64);
        private CodeColumn touchSource = new CodeColumn(64);
        private CodeColumn touchCampaign = new CodeColumn(64);
        private CodeColumn touchOffer = new CodeColumn(64);
        private byte[] touchType = new byte[64];
        private int touchCount;
        private IdIndex touchIds = new IdIndex();
        /** True while touches appended as columns have not had their ids checked for repeats. */
        private boolean touchesAppended;
        /** False when touches appended as columns are not in {@link #touchIds}. */
        private boolean touchIdsIndexed = true;

        private String[] oppId = new String[16];
        private int[] oppAccount = new int[16];
        private long[] oppAmount = new long[16];
        private int[] oppCurrency = new int[16];
        private long[] oppCreated = new long[16];
        private long[] oppClosed = new long[16];
        private byte[] oppStatus = new byte[16];
        private int oppCount;
        private Dictionary oppIds = new Dictionary();

        private int[] personAccount = new int[16];
        private long[] personLeadCreated = new long[16];
        private boolean[] personKnown = new boolean[16];

        private int[] contactOpp = new int[16];
        private int[] contactPerson = new int[16];
        private int contactCount;

        private Dictionary accounts = new Dictionary();
        private Dictionary persons = new Dictionary();
        private Dictionary channels = new Dictionary();
        private Dictionary sources = new Dictionary();
        private Dictionary campaigns = new Dictionary();
        private Dictionary offers = new Dictionary();
        private List<Currency> currencies = new ArrayList<>();
        /** Per currency (as {@link #currencies}), the sum of the amounts added so far. */
        private long[] amountTotals = new long[4];

        private byte[] stageKind = new byte[16];
        private int[] stageRecord = new int[16];
        private int[] stageOf = new int[16];
        private long[] stageTime = new long[16];
        private int stageCount;
        private Dictionary stageNames = new Dictionary();
        private boolean built;

        private Builder() {}

        /**
         * Keeps no person for touchpoints: their {@code person_id} is checked as before (a file's bad
         * value is still an error) but not kept, which saves 4 bytes a touch and the dictionary of
         * person ids, at a million opportunities some 2.7 million ids and seconds of reading. For runs
         * whose journeys are account-based and that read no people, contacts or stages: the command
         * line does this for them. The dataset then answers {@link Dataset#touchPerson} and {@link
         * Dataset#touchpoint} with an {@link IllegalStateException}, adding a contact throws, and
         * people added come only from {@link #addPerson}.
         *
         * @throws IllegalStateException when a touchpoint was added already
         */
        public Builder withoutTouchPersons() {
            requireOpen();
            if (touchCount > 0) {
                throw new IllegalStateException("withoutTouchPersons must come before the first touchpoint");
            }
            touchPerson = null;
            return this;
        }

        /** Adds a touchpoint. */
        public Builder addTouchpoint(Touchpoint t) {
            Objects.requireNonNull(t, "touchpoint must not be null");
            return addTouchpoint(new TouchpointRow(
                    t.id(),
                    t.accountId(),
                    t.personId(),
                    Records.epochNanos("occurred_at", t.occurredAt(), "touchpoint " + t.id()),
                    t.channel(),
                    t.source(),
                    t.campaign(),
                    t.offer(),
                    t.touchType()));
        }

        /**
         * Adds a touchpoint as a file row holds it (for readers, the sample generator and other {@link
         * DatasetSink}s).
         *
         * @throws InvalidRecordException for a missing required field or a duplicate id
         */
        public Builder addTouchpoint(TouchpointRow touch) {
            Objects.requireNonNull(touch, "touch must not be null");
            String id = touch.id();
            String accountId = touch.accountId();
            String personId = touch.personId();
            String channel = touch.channel();
            String source = touch.source();
            String campaign = touch.campaign();
            String offer = touch.offer();
            TouchType type = touch.type();
            requireOpen();
            Records.requireText("touchpoint_id", id, "touchpoint");
            Records.requireText("account_id", accountId, "touchpoint", id);
            Records.requireText("channel", channel, "touchpoint", id);
            if (touchCount == touchAccount.length) {
                growTouches();
            }
            if (touchesAppended || !touchIdsIndexed) {
                indexTouchIds();
            }
            int row = touchCount;
            if (touchIds.add(touchId, row, id) >= 0) {
                throw new InvalidRecordException(
                        "touchpoint_id", id, "duplicate touchpoint_id: '" + id + "' appears more than once");
            }
            touchAccount[row] = accounts.intern(accountId);
            if (touchPerson != null) {
                touchPerson[row] = personId == null || personId.isBlank() ? -1 : person(personId);
            }
            touchTime[row] = touch.occurredAt();
            touchChannel.set(row, channels.intern(channel));
            touchSource.set(row, sources.intern(source == null ? "" : source));
            touchCampaign.set(row, campaigns.intern(campaign == null ? "" : campaign));
            touchOffer.set(row, offers.intern(offer == null ? "" : offer));
            touchType[row] = (byte) (type == null ? TouchType.MARKETING : type).ordinal();
            touchId.add(id);
            touchCount++;
            return this;
        }

        /**
         * For file readers that number values themselves (by their bytes): the id the dataset gives
         * {@code value} of {@code field}, numbering it now when it is new. Ids are dense and in order of
         * first appearance, as with {@link #addTouchpoint(TouchpointRow)}. No check is made: the caller passes a non-blank account, person
         * and channel, and any source, campaign or offer ({@code ""} when unknown).
         */
        int intern(TouchField field, String value) {
            requireOpen();
            Objects.requireNonNull(value, "value must not be null");
            switch (field) {
                case ACCOUNT:
                    return accounts.intern(value);
                case PERSON:
                    return person(value);
                case CHANNEL:
                    return channels.intern(value);
                case SOURCE:
                    return sources.intern(value);
                case CAMPAIGN:
                    return campaigns.intern(value);
                default:
                    return offers.intern(value);
            }
        }

        /**
         * As {@link #intern(TouchField, String)} of the Latin-1 text of {@code b[from .. to)} (file
         * readers pass ASCII values this way, with no string made for them).
         */
        int intern(TouchField field, byte[] b, int from, int to) {
            requireOpen();
            switch (field) {
                case ACCOUNT:
                    return accounts.intern(b, from, to);
                case PERSON:
                    return person(persons.intern(b, from, to));
                case CHANNEL:
                    return channels.intern(b, from, to);
                case SOURCE:
                    return sources.intern(b, from, to);
                case CAMPAIGN:
                    return campaigns.intern(b, from, to);
                default:
                    return offers.intern(b, from, to);
            }
        }

        /**
         * For file readers: appends {@code count} touchpoints given as columns, whose dictionary fields
         * are ids from {@link #intern(TouchField, String)} ({@code person} -1 when unknown) and whose ids
         * are the ASCII bytes {@code ids[idEnd[r - 1] .. idEnd[r])} (from 0 for the first), non-blank
         * and not checked. Repeated ids are found by {@link #distinctTouchIds} once every row is in, not
         * here. Only for a builder whose touches all come this way.
         */
        void appendTouches(
                int count,
                int[] account,
                int[] person,
                long[] time,
                int[] channel,
                int[] source,
                int[] campaign,
                int[] offer,
                byte[] type,
                byte[] ids,
                int[] idEnd) {
            requireOpen();
            if (!touchesAppended) {
                if (touchCount > 0) {
                    throw new IllegalStateException("touches were added one at a time already");
                }
                touchesAppended = true;
            }
            int at = touchCount;
            if (at + count > touchAccount.length) {
                resizeTouches(Math.max(at + count, at + (at >> 1) + 16));
            }
            System.arraycopy(account, 0, touchAccount, at, count);
            if (touchPerson != null) {
                System.arraycopy(person, 0, touchPerson, at, count);
            }
            System.arraycopy(time, 0, touchTime, at, count);
            touchChannel.set(at, channel, count);
            touchSource.set(at, source, count);
            touchCampaign.set(at, campaign, count);
            touchOffer.set(at, offer, count);
            System.arraycopy(type, 0, touchType, at, count);
            int start = 0;
            for (int r = 0; r < count; r++) {
                touchId.addLatin1(ids, start, idEnd[r]);
                start = idEnd[r];
            }
            touchCount = at + count;
        }

        /**
         * After {@link #appendTouches}: whether every touchpoint id is distinct. Numbered ids in
         * increasing order (as exports are usually sorted) are distinct by that alone, one sequential
         * pass; otherwise each id is hashed now, after the scan, and the hashes checked on up to {@code
         * threads} threads ({@link IdHashes}).
         */
        boolean distinctTouchIds(int threads) {
            requireOpen();
            if (!touchesAppended) {
                return true;
            }
            touchesAppended = false;
            touchIdsIndexed = false;
            return touchId.numberedAndIncreasing() || IdHashes.of(touchId).distinct(touchId, threads);
        }

        /** Puts touches appended as columns into the duplicate-id index, for touches added one at a time after them. */
        private void indexTouchIds() {
            touchesAppended = false;
            touchIdsIndexed = true;
            touchIds = new IdIndex();
            touchIds.expect(touchCount);
            for (int row = 0; row < touchCount; row++) {
                touchIds.add(touchId, row, touchId.get(row));
            }
        }

        /**
         * Whether nothing at all has been added yet (no touchpoint, opportunity, person, contact, nor any
         * account, channel or other value).
         */
        public boolean isEmpty() {
            return touchCount == 0
                    && oppCount == 0
                    && contactCount == 0
                    && accounts.size() == 0
                    && persons.size() == 0
                    && channels.size() == 0
                    && sources.size() == 0
                    && campaigns.size() == 0
                    && offers.size() == 0
                    && currencies.isEmpty()
                    && stageCount == 0;
        }

        /**
         * Discards everything added, leaving the builder as {@link Dataset#builder()} returns it (for a
         * file reader that gives up part-way and reads the file again by another route).
         */
        Builder reset() {
            requireOpen();
            touchId = new IdColumn();
            touchAccount = new int[64];
            touchPerson = touchPerson == null ? null : new int[64]; // keeps withoutTouchPersons
            touchTime = new long[64];
            touchChannel = new CodeColumn(64);
            touchSource = new CodeColumn(64);
            touchCampaign = new CodeColumn(64);
            touchOffer = new CodeColumn(64);
            touchType = new byte[64];
            touchCount = 0;
            touchIds = new IdIndex();
            touchesAppended = false;
            touchIdsIndexed = true;
            oppId = new String[16];
            oppAccount = new int[16];
            oppAmount = new long[16];
            oppCurrency = new int[16];
            oppCreated = new long[16];
            oppClosed = new long[16];
            oppStatus = new byte[16];
            oppCount = 0;
            oppIds = new Dictionary();
            personAccount = new int[16];
            personLeadCreated = new long[16];
            personKnown = new boolean[16];
            contactOpp = new int[16];
            contactPerson = new int[16];
            contactCount = 0;
            accounts = new Dictionary();
            persons = new Dictionary();
            channels = new Dictionary();
            sources = new Dictionary();
            campaigns = new Dictionary();
            offers = new Dictionary();
            currencies = new ArrayList<>();
            amountTotals = new long[4];
            stageKind = new byte[16];
            stageRecord = new int[16];
            stageOf = new int[16];
            stageTime = new long[16];
            stageCount = 0;
            stageNames = new Dictionary();
            return this;
        }

        /**
         * A hint: about {@code count} touchpoints will be added in all, so the columns are sized for
         * them at once (a large file's reader passes its estimate). Never shrinks. When the dataset is
         * built, a column with at most 1/16 of its length to spare is kept as it is (a trimmed copy
         * would be fresh memory), a longer one is copied to the real count.
         */
        Builder expectTouchpoints(int count) {
            requireOpen();
            if (count > touchAccount.length) {
                resizeTouches(count);
                touchId.expect(count);
                if (!touchesAppended) {
                    touchIds.expect(count);
                }
            }
            return this;
        }

        /** Adds an opportunity. */
        public Builder addOpportunity(Opportunity o) {
            Objects.requireNonNull(o, "opportunity must not be null");
            String what = "opportunity " + o.id();
            return addOpportunity(
                    o.id(),
                    o.accountId(),
                    o.amount().currency(),
                    o.amount().minor(),
                    Records.epochNanos("created_at", o.createdAt(), what),
                    o.closedAt() == null ? NO_INSTANT : Records.epochNanos("closed_at", o.closedAt(), what),
                    o.status());
        }

        /**
         * Adds an opportunity from its fields (for file readers).
         *
         * @param amountMinor the amount in minor units of {@code currency}, not negative
         * @param createdAt nanoseconds since the epoch
         * @param closedAt nanoseconds since the epoch, or {@link #NO_INSTANT}; required for won and lost
         * @throws InvalidRecordException for a bad field, a duplicate id, or an amount that takes the sum
         *     of its currency's amounts past {@link Long#MAX_VALUE} minor units (every credit sum and
         *     report total of a currency is at most that sum, so none can overflow)
         */
        public Builder addOpportunity(
                String id,
                String accountId,
                Currency currency,
                long amountMinor,
                long createdAt,
                long closedAt,
                OpportunityStatus status) {
            requireOpen();
            Records.requireText("opportunity_id", id, "opportunity");
            Records.requireText("account_id", accountId, "opportunity", id);
            Objects.requireNonNull(currency, "currency must not be null");
            Objects.requireNonNull(status, "status must not be null");
            Money.fractionDigits(currency);
            Records.checkOpportunity(id, amountMinor, currency, createdAt, closedAt, status);
            int c = currencies.indexOf(currency);
            long total = c < 0 ? 0 : amountTotals[c];
            if (amountMinor > Long.MAX_VALUE - total) {
                String amount = Money.ofMinor(currency, amountMinor).amount().toPlainString();
                throw new InvalidRecordException(
                        "amount",
                        amount,
                        "'" + amount + "' takes the sum of " + currency.getCurrencyCode() + " amounts past "
                                + Money.ofMinor(currency, Long.MAX_VALUE)
                                        .amount()
                                        .toPlainString()
                                + ", the largest sum of one currency's amounts supported");
            }
            if (oppIds.intern(id) < oppCount) { // one probe: an id seen before has a smaller number
                throw new InvalidRecordException(
                        "opportunity_id", id, "duplicate opportunity_id: '" + id + "' appears more than once");
            }
            if (oppCount == oppId.length) {
                int n = oppCount * 2;
                oppId = Arrays.copyOf(oppId, n);
                oppAccount = Arrays.copyOf(oppAccount, n);
                oppAmount = Arrays.copyOf(oppAmount, n);
                oppCurrency = Arrays.copyOf(oppCurrency, n);
                oppCreated = Arrays.copyOf(oppCreated, n);
                oppClosed = Arrays.copyOf(oppClosed, n);
                oppStatus = Arrays.copyOf(oppStatus, n);
            }
            int row = oppCount++;
            oppId[row] = id;
            oppAccount[row] = accounts.intern(accountId);
            oppAmount[row] = amountMinor;
            if (c < 0) {
                c = currencies.size();
                currencies.add(currency);
                if (c == amountTotals.length) {
                    amountTotals = Arrays.copyOf(amountTotals, c * 2);
                }
            }
            amountTotals[c] += amountMinor;
            oppCurrency[row] = c;
            oppCreated[row] = createdAt;
            oppClosed[row] = closedAt;
            oppStatus[row] = (byte) status.ordinal();
            return this;
        }

        /** Adds a person. */
        public Builder addPerson(Person p) {
            Objects.requireNonNull(p, "person must not be null");
            return addPerson(
                    p.id(),
                    p.accountId(),
                    p.leadCreatedAt() == null
                            ? NO_INSTANT
                            : Records.epochNanos("lead_created_at", p.leadCreatedAt(), "person " + p.id()));
        }

        /**
         * Adds a person from its fields (for file readers).
         *
         * @param leadCreatedAt nanoseconds since the epoch, or {@link #NO_INSTANT} when unknown
         * @throws InvalidRecordException for a missing field or a duplicate id
         */
        public Builder addPerson(String id, String accountId, long leadCreatedAt) {
            requireOpen();
            Records.requireText("person_id", id, "person");
            Records.requireText("account_id", accountId, "person", id);
            int p = person(id);
            if (personKnown[p]) {
                throw new InvalidRecordException(
                        "person_id", id, "duplicate person_id: '" + id + "' appears more than once");
            }
            personKnown[p] = true;
            personAccount[p] = accounts.intern(accountId);
            personLeadCreated[p] = leadCreatedAt;
            return this;
        }

        /**
         * Links a contact to an opportunity, which must have been added already. Once any contact is
         * given, journeys are contact-based (docs/models.md, "Candidate touchpoints"); repeating a pair changes nothing.
         *
         * @throws InvalidRecordException if the opportunity is unknown
         */
        public Builder addContact(String opportunityId, String personId) {
            requireOpen();
            if (touchPerson == null) {
                throw new IllegalStateException(
                        "contacts make journeys contact-based, which needs the person_id of touchpoints;"
                                + " this builder was told not to keep them (withoutTouchPersons)");
            }
            Records.requireText("opportunity_id", opportunityId, "opportunity contact");
            Records.requireText("person_id", personId, "opportunity contact of", opportunityId);
            int opp = oppIds.find(opportunityId);
            if (opp < 0) {
                throw new InvalidRecordException(
                        "opportunity_id",
                        opportunityId,
                        "unknown opportunity_id: '" + opportunityId + "' is not among the opportunities");
            }
            if (contactCount == contactOpp.length) {
                contactOpp = Arrays.copyOf(contactOpp, contactCount * 2);
                contactPerson = Arrays.copyOf(contactPerson, contactCount * 2);
            }
            contactOpp[contactCount] = opp;
            contactPerson[contactCount++] = person(personId);
            return this;
        }

        /**
         * Adds a row of stage history: record {@code recordId} (a person, who must have been added with
         * {@link #addPerson}, or an opportunity, which must have been added already) entered stage {@code
         * stage} at {@code enteredAt}. Rows are kept as given; re-entries, skipped and out-of-order stages
         * are resolved by {@link StageIndex}.
         *
         * @throws InvalidRecordException for an empty field or an unknown record
         */
        public Builder addStage(StageRecord kind, String recordId, String stage, Instant enteredAt) {
            Objects.requireNonNull(enteredAt, "enteredAt must not be null");
            return addStage(kind, recordId, stage, Records.epochNanos("entered_at", enteredAt, "stage " + stage));
        }

        /**
         * Adds a row of stage history from its fields (for file readers); see {@link #addStage(StageRecord,
         * String, String, Instant)}.
         *
         * @param enteredAt nanoseconds since the epoch
         */
        public Builder addStage(StageRecord kind, String recordId, String stage, long enteredAt) {
            requireOpen();
            Objects.requireNonNull(kind, "kind must not be null");
            Records.requireText("record_id", recordId, "stage row");
            Records.requireText("stage", stage, "stage row of", recordId);
            if (enteredAt == NO_INSTANT) {
                throw new InvalidRecordException(
                        "entered_at", "", "entered_at must not be empty (stage row of " + recordId + ")");
            }
            int record;
            if (kind == StageRecord.PERSON) {
                record = persons.find(recordId);
                if (record < 0 || !personKnown[record]) {
                    throw new InvalidRecordException(
                            "record_id",
                            recordId,
                            "unknown person: '" + recordId + "' is not among the people (people.csv)");
                }
            } else {
                record = oppIds.find(recordId);
                if (record < 0) {
                    throw new InvalidRecordException(
                            "record_id",
                            recordId,
                            "unknown opportunity: '" + recordId + "' is not among the opportunities");
                }
            }
            if (stageCount == stageKind.length) {
                int n = stageCount * 2;
                stageKind = Arrays.copyOf(stageKind, n);
                stageRecord = Arrays.copyOf(stageRecord, n);
                stageOf = Arrays.copyOf(stageOf, n);
                stageTime = Arrays.copyOf(stageTime, n);
            }
            stageKind[stageCount] = (byte) kind.ordinal();
            stageRecord[stageCount] = record;
            stageOf[stageCount] = stageNames.intern(stage.trim());
            stageTime[stageCount++] = enteredAt;
            return this;
        }

        /** Number of touchpoints added so far. */
        public int touchCount() {
            return touchCount;
        }

        /** Number of opportunities added so far. */
        public int opportunityCount() {
            return oppCount;
        }

        /**
         * The dataset of everything added.
         *
         * @throws IllegalStateException if called twice
         */
        public Dataset build() {
            requireOpen();
            built = true;
            return new Dataset(this);
        }

        private void requireOpen() {
            if (built) {
                throw new IllegalStateException("this builder has already built its dataset");
            }
        }

        private int person(String id) {
            return person(persons.intern(id));
        }

        /** Person {@code p}, just interned: makes room for it and marks it unknown unless people.csv had it. */
        private int person(int p) {
            if (p == personAccount.length) {
                int n = p * 2;
                personAccount = Arrays.copyOf(personAccount, n);
                personLeadCreated = Arrays.copyOf(personLeadCreated, n);
                personKnown = Arrays.copyOf(personKnown, n);
            }
            if (!personKnown[p]) {
                personAccount[p] = -1;
                personLeadCreated[p] = NO_INSTANT;
            }
            return p;
        }

        private void growTouches() {
            resizeTouches(touchCount + (touchCount >> 1) + 16);
        }

        private void resizeTouches(int n) {
            touchAccount = Arrays.copyOf(touchAccount, n);
            touchPerson = touchPerson == null ? null : Arrays.copyOf(touchPerson, n);
            touchTime = Arrays.copyOf(touchTime, n);
            touchChannel.resize(n);
            touchSource.resize(n);
            touchCampaign.resize(n);
            touchOffer.resize(n);
            touchType = Arrays.copyOf(touchType, n);
        }
    }

    /** The readers' and writers' way in ({@link DatasetAccess}): the package-private methods above. */
    private static final class Hooks implements DatasetAccess.Hooks {
        @Override
        public int intern(Builder into, TouchField field, String value) {
            return into.intern(field, value);
        }

        @Override
        public boolean keepsTouchPersons(Builder builder) {
            return builder.touchPerson != null;
        }

        @Override
        public int intern(Builder into, TouchField field, byte[] b, int from, int to) {
            return into.intern(field, b, from, to);
        }

        @Override
        public void appendTouches(
                Builder into,
                int count,
                int[] account,
                int[] person,
                long[] time,
                int[] channel,
                int[] source,
                int[] campaign,
                int[] offer,
                byte[] type,
                byte[] ids,
                int[] idEnd) {
            into.appendTouches(count, account, person, time, channel, source, campaign, offer, type, ids, idEnd);
        }

        @Override
        public boolean distinctTouchIds(Builder builder, int threads) {
            return builder.distinctTouchIds(threads);
        }

        @Override
        public void reset(Builder builder) {
            builder.reset();
        }

        @Override
        public void expectTouchpoints(Builder builder, int count) {
            builder.expectTouchpoints(count);
        }

        @Override
        public int copyTouchIdCsv(Dataset data, int touch, byte[] dst, int at) {
            return data.copyTouchIdCsv(touch, dst, at);
        }
    }
}
