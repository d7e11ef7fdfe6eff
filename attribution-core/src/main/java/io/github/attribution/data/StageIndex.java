package io.github.attribution.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every record's first entry into every stage of a {@link Dataset}: the stage-history rows, together
 * with the stages the other files imply: {@link #LEAD} (a person's {@code lead_created_at}), {@link
 * #OPPORTUNITY} (an opportunity's {@code created_at}) and {@link #WON} (a won opportunity's {@code
 * closed_at}). A stage-history row of one of these names adds to what the files imply.
 *
 * <p><b>Re-entries.</b> A record that enters a stage more than once (a recycled lead that becomes an
 * MQL again) counts once, at its first entry; the later entries are counted by {@link #reentries}.
 * The same instant given twice (a {@code lead} row and the same {@code lead_created_at}) is one entry.
 *
 * <p>Stages are numbered: the stage-history names in order of first appearance, then those of {@code
 * lead}, {@code opportunity} and {@code won} not among them. Immutable and thread-safe.
 */
public final class StageIndex {
    /** The stage a person enters at its {@code lead_created_at}. */
    public static final String LEAD = "lead";
    /** The stage an opportunity enters at its {@code created_at}. */
    public static final String OPPORTUNITY = "opportunity";
    /** The stage a won opportunity enters at its {@code closed_at}. */
    public static final String WON = "won";

    private static final long NONE = Dataset.NO_INSTANT;

    private final String[] names;
    private final long[] personRecords;
    private final long[] opportunityRecords;
    private final long[] reentries;
    // per kind: entries of record r at [start[r], start[r + 1]), one per stage, ascending by stage
    private final int[] personStart;
    private final int[] personStage;
    private final long[] personTime;
    private final int[] oppStart;
    private final int[] oppStage;
    private final long[] oppTime;
    // people per account, for opportunities without contacts
    private final int[] accountStart;
    private final int[] accountPeople;
    private final boolean contacts;
    private final Dataset data;

    StageIndex(Dataset data) {
        this.data = data;
        List<String> list = new ArrayList<>(data.stageRowNames());
        int lead = indexOf(list, LEAD);
        int opportunity = indexOf(list, OPPORTUNITY);
        int won = indexOf(list, WON);
        names = list.toArray(new String[0]);
        int stages = names.length;
        personRecords = new long[stages];
        opportunityRecords = new long[stages];
        reentries = new long[stages];
        int persons = data.personCount();
        int opps = data.opportunityCount();
        int rows = data.stageRowCount();
        // count raw entries per record
        int[] pCount = new int[persons + 1];
        int[] oCount = new int[opps + 1];
        for (int p = 0; p < persons; p++) {
            if (data.leadCreatedAt(p) != NONE) {
                pCount[p + 1]++;
            }
        }
        for (int o = 0; o < opps; o++) {
            oCount[o + 1] += data.status(o) == OpportunityStatus.WON ? 2 : 1;
        }
        for (int r = 0; r < rows; r++) {
            if (data.stageRowKind(r) == StageRecord.PERSON) {
                pCount[data.stageRowRecord(r) + 1]++;
            } else {
                oCount[data.stageRowRecord(r) + 1]++;
            }
        }
        for (int p = 0; p < persons; p++) {
            pCount[p + 1] += pCount[p];
        }
        for (int o = 0; o < opps; o++) {
            oCount[o + 1] += oCount[o];
        }
        int[] pFill = Arrays.copyOf(pCount, persons);
        int[] oFill = Arrays.copyOf(oCount, opps);
        int[] pStage = new int[pCount[persons]];
        long[] pTime = new long[pCount[persons]];
        int[] oStage = new int[oCount[opps]];
        long[] oTime = new long[oCount[opps]];
        for (int p = 0; p < persons; p++) {
            if (data.leadCreatedAt(p) != NONE) {
                pStage[pFill[p]] = lead;
                pTime[pFill[p]++] = data.leadCreatedAt(p);
            }
        }
        for (int o = 0; o < opps; o++) {
            oStage[oFill[o]] = opportunity;
            oTime[oFill[o]++] = data.createdAt(o);
            if (data.status(o) == OpportunityStatus.WON) {
                oStage[oFill[o]] = won;
                oTime[oFill[o]++] = data.closedAt(o);
            }
        }
        for (int r = 0; r < rows; r++) {
            int rec = data.stageRowRecord(r);
            if (data.stageRowKind(r) == StageRecord.PERSON) {
                pStage[pFill[rec]] = data.stageRowStage(r);
                pTime[pFill[rec]++] = data.stageRowTime(r);
            } else {
                oStage[oFill[rec]] = data.stageRowStage(r);
                oTime[oFill[rec]++] = data.stageRowTime(r);
            }
        }
        personStart = new int[persons + 1];
        int pn = firsts(pCount, pStage, pTime, personStart, personRecords);
        personStage = Arrays.copyOf(pStage, pn);
        personTime = Arrays.copyOf(pTime, pn);
        oppStart = new int[opps + 1];
        int on = firsts(oCount, oStage, oTime, oppStart, opportunityRecords);
        oppStage = Arrays.copyOf(oStage, on);
        oppTime = Arrays.copyOf(oTime, on);
        contacts = data.hasContacts();
        int accounts = data.accountCount();
        accountStart = new int[accounts + 1];
        for (int p = 0; p < persons; p++) {
            if (data.personAccount(p) >= 0) {
                accountStart[data.personAccount(p) + 1]++;
            }
        }
        for (int a = 0; a < accounts; a++) {
            accountStart[a + 1] += accountStart[a];
        }
        int[] aFill = Arrays.copyOf(accountStart, accounts);
        accountPeople = new int[accountStart[accounts]];
        for (int p = 0; p < persons; p++) {
            if (data.personAccount(p) >= 0) {
                accountPeople[aFill[data.personAccount(p)]++] = p;
            }
        }
    }

    private static int indexOf(List<String> names, String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            names.add(name);
            i = names.size() - 1;
        }
        return i;
    }

    /**
     * Sorts each record's entries by stage then time, keeps the first of each stage in place, counts
     * re-entries (distinct later instants) and records per stage; fills {@code start}; returns the
     * number kept.
     */
    private int firsts(int[] range, int[] stage, long[] time, int[] start, long[] records) {
        int kept = 0;
        int records0 = range.length - 1;
        for (int r = 0; r < records0; r++) {
            start[r] = kept;
            int from = range[r];
            int to = range[r + 1];
            // insertion sort: a record has a handful of entries
            for (int i = from + 1; i < to; i++) {
                int s = stage[i];
                long t = time[i];
                int j = i - 1;
                while (j >= from && (stage[j] > s || (stage[j] == s && time[j] > t))) {
                    stage[j + 1] = stage[j];
                    time[j + 1] = time[j];
                    j--;
                }
                stage[j + 1] = s;
                time[j + 1] = t;
            }
            for (int i = from; i < to; i++) {
                if (i > from && stage[i] == stage[i - 1]) {
                    if (time[i] != time[i - 1]) {
                        reentries[stage[i]]++;
                    }
                    continue;
                }
                stage[kept] = stage[i];
                time[kept++] = time[i];
                records[stage[i]]++;
            }
        }
        start[records0] = kept;
        return kept;
    }

    /** Number of stages. */
    public int size() {
        return names.length;
    }

    /** The name of stage {@code stage}. */
    public String name(int stage) {
        return names[stage];
    }

    /** Every stage name, by number. */
    public List<String> names() {
        return List.of(names);
    }

    /** The number of stage {@code name}, or -1 when no record has it and it is not implied by the files. */
    public int find(String name) {
        for (int s = 0; s < names.length; s++) {
            if (names[s].equals(name)) {
                return s;
            }
        }
        return -1;
    }

    /** How many people entered stage {@code stage}. */
    public long personRecords(int stage) {
        return personRecords[stage];
    }

    /** How many opportunities entered stage {@code stage}. */
    public long opportunityRecords(int stage) {
        return opportunityRecords[stage];
    }

    /** How many entries into stage {@code stage} were re-entries of a record already in it (not counted). */
    public long reentries(int stage) {
        return reentries[stage];
    }

    /** When person {@code person} first entered stage {@code stage}, or {@link Dataset#NO_INSTANT}. */
    public long personEntered(int person, int stage) {
        return find(personStart, personStage, personTime, person, stage);
    }

    /** When opportunity {@code opp} first entered stage {@code stage}, or {@link Dataset#NO_INSTANT}. */
    public long opportunityEntered(int opp, int stage) {
        return find(oppStart, oppStage, oppTime, opp, stage);
    }

    /** Number of people linked to opportunity {@code opp}: its contacts, or without contacts its account's people. */
    public int linkedPeople(int opp) {
        int k = contacts ? data.contactCount(opp) : 0;
        if (k > 0) {
            return k;
        }
        int a = data.opportunityAccount(opp);
        return accountStart[a + 1] - accountStart[a];
    }

    /** The {@code k}-th person linked to opportunity {@code opp} (see {@link #linkedPeople}). */
    public int linkedPerson(int opp, int k) {
        if (contacts && data.contactCount(opp) > 0) {
            return data.contact(opp, k);
        }
        return accountPeople[accountStart[data.opportunityAccount(opp)] + k];
    }

    /**
     * When opportunity {@code opp} reached stage {@code stage} as its milestones see it: its own first
     * entry, or the earliest first entry of its linked people ({@link #linkedPeople}), whichever is
     * earlier; {@link Dataset#NO_INSTANT} when none entered it. This is how the lead-creation milestone
     * reads {@code lead_created_at}.
     */
    public long reached(int opp, int stage) {
        long best = opportunityEntered(opp, stage);
        int n = linkedPeople(opp);
        for (int k = 0; k < n; k++) {
            long t = personEntered(linkedPerson(opp, k), stage);
            if (t != NONE && (best == NONE || t < best)) {
                best = t;
            }
        }
        return best;
    }

    private static long find(int[] start, int[] stages, long[] times, int record, int stage) {
        for (int i = start[record]; i < start[record + 1]; i++) {
            if (stages[i] == stage) {
                return times[i];
            }
            if (stages[i] > stage) {
                break;
            }
        }
        return NONE;
    }
}
