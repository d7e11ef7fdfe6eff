package io.github.attribution.io;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.DatasetSink;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.StageRecord;
import io.github.attribution.data.TouchType;
import io.github.attribution.data.TouchpointRow;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Writes a dataset as the input files of docs/data.md into a directory: {@code
 * touchpoints.csv}, {@code opportunities.csv}, {@code people.csv}, {@code opportunity_contacts.csv}
 * and {@code costs.csv}. Files are written through {@link AtomicOutput}: under temporary names, renamed
 * into place by {@link #commit()}, so a failed run leaves no partial files behind.
 *
 * <p>Either write a whole {@link Dataset} with {@link #write(Dataset, Path)}, or stream rows into it
 * as a {@link DatasetSink} (what {@code generate} does, in constant memory). Instants are
 * written in UTC ({@code 2026-03-01T09:30:00Z}), amounts with the currency's digits. Not
 * thread-safe.
 */
public final class DatasetWriter implements DatasetSink, Closeable {
    /** The file names, in the order they are written. */
    public static final List<String> FILES = List.of(
            "touchpoints.csv",
            "opportunities.csv",
            "people.csv",
            "opportunity_contacts.csv",
            "costs.csv",
            "stages.csv");

    private final Path dir;
    private final List<AtomicOutput> files = new ArrayList<>();
    private final List<Writer> writers = new ArrayList<>();
    private final CsvWriter touchpoints;
    private final CsvWriter opportunities;
    private final CsvWriter people;
    private final CsvWriter contacts;
    private final CsvWriter costs;
    private final CsvWriter stages;
    private boolean committed;

    private DatasetWriter(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        try {
            touchpoints = open(0);
            opportunities = open(1);
            people = open(2);
            contacts = open(3);
            costs = open(4);
            stages = open(5);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        touchpoints.row(
                "touchpoint_id",
                "account_id",
                "person_id",
                "occurred_at",
                "channel",
                "source",
                "campaign",
                "offer",
                "touch_type");
        opportunities.row("opportunity_id", "account_id", "amount", "currency", "created_at", "closed_at", "status");
        people.row("person_id", "account_id", "lead_created_at");
        contacts.row("opportunity_id", "person_id");
        costs.row("campaign", "cost", "currency", "period");
        stages.row("record_type", "record_id", "stage", "entered_at");
    }

    /** Opens a writer into {@code dir} (created if missing); nothing appears there before {@link #commit()}. */
    public static DatasetWriter open(Path dir) throws IOException {
        return new DatasetWriter(Objects.requireNonNull(dir, "dir must not be null"));
    }

    /** Writes {@code data} into {@code dir}: touchpoints, opportunities, people and contacts (costs empty). */
    public static void write(Dataset data, Path dir) throws IOException {
        try (DatasetWriter w = open(dir)) {
            w.write(data);
            w.commit();
        }
    }

    /** Writes every row of {@code data}. */
    public void write(Dataset data) {
        for (int t = 0; t < data.touchCount(); t++) {
            int p = data.touchPerson(t);
            touchpoint(new TouchpointRow(
                    data.touchId(t),
                    data.accountName(data.touchAccount(t)),
                    p < 0 ? null : data.personName(p),
                    data.touchTime(t),
                    data.channelName(data.touchChannel(t)),
                    data.sourceName(data.touchSource(t)),
                    data.campaignName(data.touchCampaign(t)),
                    data.offerName(data.touchOffer(t)),
                    data.touchType(t)));
        }
        for (int p = 0; p < data.personCount(); p++) {
            if (data.personAccount(p) >= 0) {
                person(data.personName(p), data.accountName(data.personAccount(p)), data.leadCreatedAt(p));
            }
        }
        for (int o = 0; o < data.opportunityCount(); o++) {
            opportunity(
                    data.opportunityId(o),
                    data.accountName(data.opportunityAccount(o)),
                    data.currency(o),
                    data.amount(o),
                    data.createdAt(o),
                    data.closedAt(o),
                    data.status(o));
        }
        for (int o = 0; o < data.opportunityCount(); o++) {
            for (int k = 0; k < data.contactCount(o); k++) {
                contact(data.opportunityId(o), data.personName(data.contact(o, k)));
            }
        }
        for (int r = 0; r < data.stageRowCount(); r++) {
            int rec = data.stageRowRecord(r);
            StageRecord kind = data.stageRowKind(r);
            stage(
                    kind,
                    kind == StageRecord.PERSON ? data.personName(rec) : data.opportunityId(rec),
                    data.stageRowName(r),
                    data.stageRowTime(r));
        }
    }

    @Override
    public void touchpoint(TouchpointRow touch) {
        TouchType type = touch.type();
        touchpoints
                .field(touch.id())
                .field(touch.accountId())
                .field(touch.personId())
                .field(Text.instant(touch.occurredAt()))
                .field(touch.channel())
                .field(touch.source())
                .field(touch.campaign())
                .field(touch.offer())
                .field(type == null ? TouchType.MARKETING.label() : type.label())
                .endRow();
    }

    @Override
    public void person(String id, String accountId, long leadCreatedAt) {
        people.field(id).field(accountId).field(Text.instant(leadCreatedAt)).endRow();
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
        opportunities
                .field(id)
                .field(accountId)
                .field(Text.money(amountMinor, currency))
                .field(currency.getCurrencyCode())
                .field(Text.instant(createdAt))
                .field(Text.instant(closedAt))
                .field(status.label())
                .endRow();
    }

    @Override
    public void contact(String opportunityId, String personId) {
        contacts.field(opportunityId).field(personId).endRow();
    }

    @Override
    public void cost(String campaign, Currency currency, long costMinor, String period) {
        costs.field(campaign)
                .field(Text.money(costMinor, currency))
                .field(currency.getCurrencyCode())
                .field(period)
                .endRow();
    }

    @Override
    public void stage(StageRecord kind, String recordId, String stage, long enteredAt) {
        stages.field(kind.label())
                .field(recordId)
                .field(stage)
                .field(Text.instant(enteredAt))
                .endRow();
    }

    /**
     * Flushes every file and moves it into place ({@link AtomicOutput}), replacing files of the same
     * name: all are written and synced before the first is renamed.
     */
    public void commit() throws IOException {
        for (Writer w : writers) {
            w.flush();
        }
        for (AtomicOutput f : files) {
            f.prepare();
        }
        for (AtomicOutput f : files) {
            f.commit();
        }
        committed = true;
    }

    /** Closes the files; without a {@link #commit()}, deletes them. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            for (AtomicOutput f : files) {
                f.close();
            }
        }
    }

    private CsvWriter open(int file) throws IOException {
        AtomicOutput out = AtomicOutput.open(dir.resolve(FILES.get(file)));
        files.add(out);
        Writer w = new BufferedWriter(new OutputStreamWriter(out.stream(), StandardCharsets.UTF_8), 1 << 16);
        writers.add(w);
        return new CsvWriter(w);
    }
}
