package io.github.attribution.io;

import io.github.attribution.data.CampaignCost;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.InvalidRecordException;
import io.github.attribution.data.Money;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.data.StageRecord;
import io.github.attribution.data.TouchType;
import io.github.attribution.data.TouchpointRow;
import io.github.attribution.internal.DatasetAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Reads the input files of docs/data.md (touchpoints, opportunities, people, opportunity
 * contacts, costs, stage history) row by row straight into a {@link Dataset.Builder}: no row is kept beyond the
 * strings the dataset itself holds.
 *
 * <pre>{@code
 * DatasetReader reader = DatasetReader.strict(Money.currency("USD"));
 * Dataset.Builder b = Dataset.builder();
 * reader.readTouchpoints(Path.of("touchpoints.csv"), b);
 * reader.readOpportunities(Path.of("opportunities.csv"), b);
 * Dataset data = b.build();
 * }</pre>
 *
 * <p>A bad row throws {@link DataFileException} naming file, line, column and value, unless a {@link
 * RejectHandler} was given: then the row is skipped and handed to it. Read opportunities before
 * contacts (contacts refer to them). Not thread-safe.
 */
public final class DatasetReader {
    /** After this many touchpoint rows, the rest of the file is estimated from their bytes. */
    private static final long SIZING_ROWS = 4096;

    private static final DatasetAccess.Hooks DATASET = DatasetAccess.hooks();

    private final Currency defaultCurrency;
    private final RejectHandler rejects;
    private final Progress progress;
    private long rowsRead;
    private long rejected;

    // the last currency code seen and its currency, to skip the lookup on repeated codes
    private String lastCode;
    private Currency lastCurrency;

    /** Receives each skipped row with the reason. */
    @FunctionalInterface
    public interface RejectHandler {
        /**
         * @param error what is wrong, with file, line, column and value
         * @param record the row's fields as read, or empty when the row could not be split into fields
         */
        void reject(DataFileException error, List<String> record);
    }

    /**
     * How far reading a file has got, for a progress display: told on the reading thread after each
     * batch of rows or piece of the file (every few hundred kilobytes or megabytes, never per row).
     */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param file the file's name ({@code touchpoints.csv})
         * @param bytesRead the bytes read so far
         * @param bytesTotal the file's size in bytes
         */
        void read(String file, long bytesRead, long bytesTotal);
    }

    /**
     * @param defaultCurrency the currency of opportunities and costs without a currency column or
     *     value
     * @param rejects where bad rows go; {@code null} to throw on the first bad row
     */
    public DatasetReader(Currency defaultCurrency, RejectHandler rejects) {
        this(defaultCurrency, rejects, null);
    }

    /**
     * A reader that also tells {@code progress} (unless null) how far it has got in each file it opens
     * by path.
     *
     * @param defaultCurrency the currency of opportunities and costs without a currency column or
     *     value
     * @param rejects where bad rows go; {@code null} to throw on the first bad row
     * @param progress told how many bytes of each file are read, now and then; or null
     */
    public DatasetReader(Currency defaultCurrency, RejectHandler rejects, Progress progress) {
        this.defaultCurrency = Objects.requireNonNull(defaultCurrency, "defaultCurrency must not be null");
        Money.fractionDigits(defaultCurrency);
        this.rejects = rejects;
        this.progress = progress;
    }

    /** A reader that throws on the first bad row. */
    public static DatasetReader strict(Currency defaultCurrency) {
        return new DatasetReader(defaultCurrency, null);
    }

    /** Rows read so far over every file, rejected ones included. */
    public long rowsRead() {
        return rowsRead;
    }

    /** Rows skipped so far because they were invalid. */
    public long rejected() {
        return rejected;
    }

    /**
     * Reads touchpoints.csv; returns the number of touchpoints added. Into an empty builder, most files
     * are read straight from their bytes, on every core, without objects per row ({@link
     * TouchpointFileScanner}); a
     * file with anything that route does not take (quoted fields, other date forms, bad rows) is read
     * again from the start by the general route, with the same result, rejects or error either way.
     */
    public long readTouchpoints(Path file, Dataset.Builder into) throws IOException {
        return readTouchpoints(file, into, new TouchpointFileScanner());
    }

    /** {@link #readTouchpoints(Path, Dataset.Builder)} with {@code fast} as the fast route. */
    long readTouchpoints(Path file, Dataset.Builder into, TouchpointFileScanner fast) throws IOException {
        if (into.isEmpty()) {
            long added = fast.read(file, into, listener(file));
            if (added >= 0) {
                rowsRead += added;
                return added;
            }
            DATASET.reset(into);
        }
        return readTouchpointsGeneral(file, into);
    }

    /** {@code file} opened for reading, its progress told to {@link #progress}. */
    private CsvReader open(Path file) throws IOException {
        LongConsumer listener = listener(file);
        CsvReader csv = CsvReader.open(file);
        csv.progress(listener);
        return csv;
    }

    /** What tells {@link #progress} the bytes read of {@code file}; null without a progress listener. */
    private LongConsumer listener(Path file) throws IOException {
        if (progress == null) {
            return null;
        }
        String name = file.getFileName().toString();
        long size = Files.size(file);
        return bytes -> progress.read(name, bytes, size);
    }

    /** Reads touchpoints.csv by the general route: {@link CsvReader}, then a row at a time. */
    long readTouchpointsGeneral(Path file, Dataset.Builder into) throws IOException {
        try (CsvReader csv = open(file)) {
            return readTouchpoints(csv, into, Files.size(file));
        }
    }

    /** Reads touchpoints from {@code csv}; returns the number of touchpoints added. */
    public long readTouchpoints(CsvReader csv, Dataset.Builder into) {
        return readTouchpoints(csv, into, -1);
    }

    /**
     * Reads touchpoints; with the input's size in bytes known, the builder's columns are sized once
     * from the first rows instead of growing (and being copied) step by step.
     */
    private long readTouchpoints(CsvReader csv, Dataset.Builder into, long size) {
        int id = csv.requireColumn("touchpoint_id");
        int account = csv.requireColumn("account_id");
        int person = csv.column("person_id");
        int occurred = csv.requireColumn("occurred_at");
        int channel = csv.requireColumn("channel");
        int source = csv.column("source");
        int campaign = csv.column("campaign");
        int offer = csv.column("offer");
        int type = csv.column("touch_type");
        long[] sized = {size < 0 ? Long.MAX_VALUE : SIZING_ROWS};
        return rows(csv, () -> {
            if (csv.records() == sized[0]) {
                sized[0] = Long.MAX_VALUE;
                long start = csv.offset();
                double estimate = (double) size * csv.records() / Math.max(1, start);
                DATASET.expectTouchpoints(into, (int) Math.min(Integer.MAX_VALUE - 16, estimate * 1.02 + 1024));
            }
            long at = parse(csv, occurred, () -> Values.instant(csv.get(occurred)));
            TouchType t = parse(csv, type, () -> TouchType.parse(csv.get(type)));
            into.addTouchpoint(new TouchpointRow(
                    csv.get(id),
                    csv.get(account),
                    csv.get(person),
                    at,
                    csv.get(channel),
                    csv.get(source),
                    csv.get(campaign),
                    csv.get(offer),
                    t));
        });
    }

    /** Reads opportunities.csv; returns the number of opportunities added. */
    public long readOpportunities(Path file, Dataset.Builder into) throws IOException {
        try (CsvReader csv = open(file)) {
            return readOpportunities(csv, into);
        }
    }

    /** Reads opportunities from {@code csv}; returns the number of opportunities added. */
    public long readOpportunities(CsvReader csv, Dataset.Builder into) {
        int id = csv.requireColumn("opportunity_id");
        int account = csv.requireColumn("account_id");
        int amount = csv.requireColumn("amount");
        int currency = csv.column("currency");
        int created = csv.requireColumn("created_at");
        int closed = csv.column("closed_at");
        int status = csv.requireColumn("status");
        return rows(csv, () -> {
            Currency cur = parse(csv, currency, () -> currency(csv.get(currency)));
            long minor = parse(csv, amount, () -> Values.amount(csv.get(amount), cur));
            long createdAt = parse(csv, created, () -> Values.instant(csv.get(created)));
            long closedAt = parse(csv, closed, () -> optionalInstant(csv.get(closed)));
            OpportunityStatus s = parse(csv, status, () -> OpportunityStatus.parse(csv.get(status)));
            into.addOpportunity(csv.get(id), csv.get(account), cur, minor, createdAt, closedAt, s);
        });
    }

    /** Reads people.csv; returns the number of people added. */
    public long readPeople(Path file, Dataset.Builder into) throws IOException {
        try (CsvReader csv = open(file)) {
            return readPeople(csv, into);
        }
    }

    /** Reads people from {@code csv}; returns the number of people added. */
    public long readPeople(CsvReader csv, Dataset.Builder into) {
        int id = csv.requireColumn("person_id");
        int account = csv.requireColumn("account_id");
        int lead = csv.column("lead_created_at");
        return rows(csv, () -> {
            long leadAt = parse(csv, lead, () -> optionalInstant(csv.get(lead)));
            into.addPerson(csv.get(id), csv.get(account), leadAt);
        });
    }

    /** Reads opportunity_contacts.csv (after the opportunities); returns the number of rows added. */
    public long readContacts(Path file, Dataset.Builder into) throws IOException {
        try (CsvReader csv = open(file)) {
            return readContacts(csv, into);
        }
    }

    /** Reads opportunity contacts from {@code csv}; returns the number of rows added. */
    public long readContacts(CsvReader csv, Dataset.Builder into) {
        int opp = csv.requireColumn("opportunity_id");
        int person = csv.requireColumn("person_id");
        return rows(csv, () -> into.addContact(csv.get(opp), csv.get(person)));
    }

    /**
     * Reads stages.csv (after the people and opportunities its rows refer to); returns the number of
     * rows added. Columns {@code record_type} ({@code person} or {@code opportunity}), {@code record_id},
     * {@code stage}, {@code entered_at}.
     */
    public long readStages(Path file, Dataset.Builder into) throws IOException {
        try (CsvReader csv = open(file)) {
            return readStages(csv, into);
        }
    }

    /** Reads stage history from {@code csv}; returns the number of rows added. */
    public long readStages(CsvReader csv, Dataset.Builder into) {
        int type = csv.requireColumn("record_type");
        int record = csv.requireColumn("record_id");
        int stage = csv.requireColumn("stage");
        int entered = csv.requireColumn("entered_at");
        return rows(csv, () -> {
            StageRecord kind = parse(csv, type, () -> StageRecord.parse(csv.get(type)));
            long at = parse(csv, entered, () -> Values.instant(csv.get(entered)));
            into.addStage(kind, csv.get(record), csv.get(stage), at);
        });
    }

    /** Reads costs.csv. */
    public List<CampaignCost> readCosts(Path file) throws IOException {
        try (CsvReader csv = open(file)) {
            return readCosts(csv);
        }
    }

    /** Reads campaign costs from {@code csv}, in file order. */
    public List<CampaignCost> readCosts(CsvReader csv) {
        int campaign = csv.requireColumn("campaign");
        int cost = csv.requireColumn("cost");
        int currency = csv.column("currency");
        int period = csv.column("period");
        List<CampaignCost> costs = new ArrayList<>();
        Map<Currency, Long> totals = new HashMap<>();
        rows(csv, () -> {
            Currency cur = parse(csv, currency, () -> currency(csv.get(currency)));
            long minor = parse(csv, cost, () -> Values.amount(csv.get(cost), cur));
            String p = csv.get(period).trim();
            CampaignCost row = new CampaignCost(csv.get(campaign), Money.ofMinor(cur, minor), p.isEmpty() ? null : p);
            long total = totals.getOrDefault(cur, 0L);
            if (minor > Long.MAX_VALUE - total) { // every cost sum of a report is at most this total
                throw new DataFileException(
                        csv.file(),
                        csv.line(),
                        csv.columnName(cost),
                        csv.get(cost),
                        "'" + csv.get(cost) + "' takes the sum of " + cur.getCurrencyCode() + " costs past "
                                + Money.ofMinor(cur, Long.MAX_VALUE).amount().toPlainString()
                                + ", the largest sum of one currency's costs supported");
            }
            totals.put(cur, total + minor);
            costs.add(row);
        });
        return costs;
    }

    private Currency currency(String code) {
        if (code.isBlank()) {
            return defaultCurrency;
        }
        if (!code.equals(lastCode)) {
            lastCurrency = Values.currency(code);
            lastCode = code;
        }
        return lastCurrency;
    }

    private static long optionalInstant(String text) {
        return text.isBlank() ? Dataset.NO_INSTANT : Values.instant(text);
    }

    private interface Row {
        void add();
    }

    private interface Parse<T> {
        T get();
    }

    /** Runs {@code parse}, turning its complaint into an error at column {@code column}. */
    private static <T> T parse(CsvReader csv, int column, Parse<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            String value = csv.get(column);
            String message = e.getMessage();
            String name = column < 0 ? null : csv.columnName(column);
            throw new DataFileException(csv.file(), csv.line(), name, value, message);
        }
    }

    /** Reads every row with {@code row}, rejecting or throwing on bad ones; returns the rows added. */
    private long rows(CsvReader csv, Row row) {
        long added = 0;
        while (true) {
            try {
                if (!csv.next()) {
                    return added;
                }
            } catch (DataFileException e) {
                if (csv.isBroken()) {
                    throw e;
                }
                rowsRead++;
                reject(e, csv.record());
                continue;
            }
            rowsRead++;
            try {
                row.add();
                added++;
            } catch (DataFileException e) {
                reject(e, csv.record());
            } catch (InvalidRecordException e) {
                int c = csv.column(e.field());
                DataFileException error = new DataFileException(
                        csv.file(),
                        csv.line(),
                        c < 0 ? e.field() : csv.columnName(c),
                        c < 0 ? e.value() : csv.get(c),
                        e.getMessage());
                reject(error, csv.record());
            }
        }
    }

    private void reject(DataFileException e, List<String> record) {
        if (rejects == null) {
            throw e;
        }
        rejected++;
        rejects.reject(e, record);
    }
}
