package io.github.attribution.cli;

import io.github.attribution.Attributor;
import io.github.attribution.ModelInfo;
import io.github.attribution.Models;
import io.github.attribution.data.CampaignCost;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.Money;
import io.github.attribution.data.StageIndex;
import io.github.attribution.internal.Escaping;
import io.github.attribution.io.CsvWriter;
import io.github.attribution.io.DataFileException;
import io.github.attribution.io.DatasetReader;
import io.github.attribution.journey.JourneySettings;
import io.github.attribution.model.AttributionModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The data a command reads, loaded from the common options ({@code --touchpoints --opportunities
 * [--people] [--contacts] [--stages] [--currency] [--skip-invalid --rejects FILE]}, and {@code --costs}
 * for the one command that reads costs), with the journey settings ({@code --lookback-days
 * --cycle-gap-days --as-of}) and the models ({@code --model}, as given). Commands that read data files
 * add {@link #spec} to their options, {@link #usage} to their help, and call {@link #load}.
 */
final class Inputs implements AutoCloseable {
    /** The common options with their help lines, in help order; {@code --costs} only where asked for. */
    private static final List<String[]> OPTIONS = List.of(
            new String[] {"touchpoints", "  --touchpoints FILE       touchpoints.csv (required)"},
            new String[] {"opportunities", "  --opportunities FILE     opportunities.csv (required)"},
            new String[] {"people", "  --people FILE            people.csv, for lead-creation milestones"},
            new String[] {
                "contacts", "  --contacts FILE          opportunity_contacts.csv; makes journeys contact-based"
            },
            new String[] {"costs", "  --costs FILE             costs.csv, for cost and ROI columns"},
            new String[] {
                "stages",
                "  --stages FILE            stages.csv, stage history of people and opportunities (needs --people)"
            },
            new String[] {"model", "  --model NAME[:k=v,...]   a model (repeatable); see 'models'"},
            new String[] {
                "lookback-days",
                "  --lookback-days N        ignore touches more than N days before opportunity creation"
            },
            new String[] {
                "cycle-gap-days", "  --cycle-gap-days N       a quiet gap longer than N days starts a new funnel cycle"
            },
            new String[] {
                "as-of",
                "  --as-of INSTANT          end open opportunities' journeys here (2026-06-30 or ...T00:00:00Z)"
            },
            new String[] {"currency", "  --currency CODE          currency of rows without one (default USD)"},
            new String[] {
                "skip-invalid", "  --skip-invalid           skip bad rows instead of stopping; counted in the summary"
            },
            new String[] {
                "rejects", "  --rejects FILE           with --skip-invalid: write each skipped row and its reason here"
            });

    /**
     * The common options; with {@code costs}, also {@code --costs} (which only {@code report} reads: an
     * option a command ignores is not offered).
     */
    static Args.Spec spec(boolean costs) {
        Set<String> valued = new HashSet<>();
        for (String[] o : OPTIONS) {
            if (!o[0].equals("skip-invalid") && (costs || !o[0].equals("costs"))) {
                valued.add(o[0]);
            }
        }
        return new Args.Spec(valued, Set.of("skip-invalid"), Set.of("model"));
    }

    /** The help lines of {@link #spec(boolean) spec(costs)}, one per option. */
    static String usage(boolean costs) {
        List<String> lines = new ArrayList<>();
        for (String[] o : OPTIONS) {
            if (costs || !o[0].equals("costs")) {
                lines.add(o[1]);
            }
        }
        return String.join("\n", lines);
    }

    final Dataset data;
    final List<CampaignCost> costs;
    final Attributor attributor;
    /** The models, in order, and their labels as the user typed them. */
    final List<AttributionModel> models;

    final List<String> labels;
    final Counts counts;
    /** The rejects file, committed with the command's output ({@link #rejectsOutput()}); or null. */
    private final Rejects rejects;

    /** What loading read: rows per file and rejected rows. */
    record Counts(
            long touchpoints,
            long opportunities,
            long people,
            long contacts,
            long costs,
            long stages,
            long read,
            long rejected) {}

    private Inputs(
            Dataset data,
            List<CampaignCost> costs,
            Attributor attributor,
            List<AttributionModel> models,
            List<String> labels,
            Counts counts,
            Rejects rejects) {
        this.data = data;
        this.rejects = rejects;
        this.costs = costs;
        this.attributor = attributor;
        this.models = models;
        this.labels = labels;
        this.counts = counts;
    }

    /**
     * Parses the models and settings, then reads the files.
     *
     * @param defaultModels the models when no {@code --model} is given; empty to require one
     * @param progress shows how far reading has got; cleared when reading ends
     * @throws UsageException for a bad option or a missing file
     * @throws DataFileException for a bad row (unless skipped)
     */
    static Inputs load(Args args, Command.Context ctx, List<String> defaultModels, Progress progress)
            throws IOException {
        List<String> labels = modelLabels(args);
        if (labels.isEmpty()) {
            if (defaultModels.isEmpty()) {
                throw new UsageException("give at least one --model; 'models' lists them");
            }
            labels = defaultModels;
        }
        List<AttributionModel> models = models(labels);
        Attributor attributor = attributor(args);
        Currency currency = currency(args.get("currency", "USD"));
        Path touchpoints = file(args, "touchpoints", true);
        Path opportunities = file(args, "opportunities", true);
        Path people = file(args, "people", false);
        Path contacts = file(args, "contacts", false);
        Path costsFile = file(args, "costs", false);
        Path stages = file(args, "stages", false);
        boolean skip = args.flag("skip-invalid");
        String rejectsPath = args.get("rejects");
        if (rejectsPath != null && !skip) {
            throw new UsageException("--rejects needs --skip-invalid");
        }
        Rejects rejects = skip ? new Rejects(rejectsPath, ctx, progress) : null;
        try {
            DatasetReader reader = new DatasetReader(currency, rejects == null ? null : rejects::reject, progress);
            Dataset.Builder b = Dataset.builder();
            if (people == null && contacts == null && stages == null) {
                // journeys are account-based and nothing else asks for a touch's person: not keeping
                // them saves the largest dictionary of a CRM export (the values are still checked)
                b.withoutTouchPersons();
            }
            long t;
            long o;
            long p;
            long c;
            List<CampaignCost> costs;
            long s;
            try {
                t = reader.readTouchpoints(touchpoints, b);
                o = reader.readOpportunities(opportunities, b);
                p = people == null ? 0 : reader.readPeople(people, b);
                c = contacts == null ? 0 : reader.readContacts(contacts, b);
                costs = costsFile == null ? List.of() : reader.readCosts(costsFile);
                s = stages == null ? 0 : reader.readStages(stages, b);
            } finally {
                progress.done();
            }
            Dataset data = b.build();
            checkStageAnchors(labels, data); // a usage error comes before any warning
            warnMissingData(labels, models, data, ctx.err());
            Counts counts = new Counts(t, o, p, c, costs.size(), s, reader.rowsRead(), reader.rejected());
            return new Inputs(data, costs, attributor, models, List.copyOf(labels), counts, rejects);
        } catch (IOException | RuntimeException | Error e) {
            if (rejects != null) {
                rejects.close();
            }
            throw e;
        }
    }

    /**
     * The rejects file's output, to commit together with the command's own ({@link Output#commitAll}),
     * so that it appears only when the run succeeds; {@code null} without {@code --rejects}.
     */
    Output rejectsOutput() {
        return rejects == null ? null : rejects.output;
    }

    /** Closes the rejects file; not committed by then, it is deleted. */
    @Override
    public void close() throws IOException {
        if (rejects != null) {
            rejects.close();
        }
    }

    /**
     * The models asked for, in order: every {@code --model}, then each model of every {@code --models
     * a,b,c} (where a part with {@code =} but no {@code :} continues the previous model's parameters, so
     * {@code --models custom:first=0.5,last=0.5,linear} is two models).
     */
    static List<String> modelLabels(Args args) {
        List<String> labels = new ArrayList<>(args.all("model"));
        for (String list : args.all("models")) {
            List<String> parts = new ArrayList<>();
            for (String part : list.split(",", -1)) {
                String p = part.trim();
                if (!parts.isEmpty() && p.indexOf('=') >= 0 && p.indexOf(':') < 0) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "," + p);
                } else if (p.isEmpty()) {
                    throw new UsageException("option --models: an empty model name in '" + list + "'");
                } else {
                    parts.add(p);
                }
            }
            labels.addAll(parts);
        }
        return List.copyOf(labels);
    }

    /** Inputs over an in-memory dataset (the demo's generated sample), strict, with default settings. */
    static Inputs ofDataset(Dataset data, List<String> labels) {
        Counts counts = new Counts(data.touchCount(), data.opportunityCount(), data.personCount(), 0, 0, 0, 0, 0);
        return new Inputs(data, List.of(), Attributor.create(), models(labels), List.copyOf(labels), counts, null);
    }

    /**
     * The models of {@code labels}. A label given twice is a usage error: its two row sets would be
     * indistinguishable in the output, and the label would sum to twice the amounts.
     */
    private static List<AttributionModel> models(List<String> labels) {
        List<AttributionModel> models = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            if (!seen.add(label.trim())) {
                throw new UsageException("--model " + label + " is given twice; give each model once"
                        + " (the same model with other parameters is fine: time-decay:half-life-days=7)");
            }
            try {
                models.add(Models.byName(label));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--model " + label + ": " + e.getMessage() + modelSuggestion(label));
            }
        }
        return models;
    }

    /** "Did you mean" the nearest model's name, when {@code label}'s name is no model's; else {@code ""}. */
    static String modelSuggestion(String label) {
        String base = label.contains(":") ? label.substring(0, label.indexOf(':')) : label;
        List<String> names = Models.catalog().stream().map(ModelInfo::name).toList();
        return names.contains(base.trim()) ? "" : Suggest.didYouMean(base, names, "");
    }

    private static Attributor attributor(Args args) {
        JourneySettings settings = JourneySettings.DEFAULT;
        Long lookback = args.number("lookback-days", 0, JourneySettings.MAX_DAYS);
        if (lookback != null) {
            settings = settings.withLookbackDays(lookback);
        }
        Long gap = args.number("cycle-gap-days", 0, JourneySettings.MAX_DAYS);
        if (gap != null) {
            settings = settings.withCycleGapDays(gap);
        }
        String asOf = args.get("as-of");
        if (asOf != null) {
            settings = settings.withAsOf(instant(asOf));
        }
        return Attributor.builder().settings(settings).build();
    }

    private static Instant instant(String text) {
        String s = text.trim();
        try {
            if (s.indexOf('T') < 0 && s.indexOf('t') < 0) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            throw new UsageException("option --as-of must be a date (2026-06-30) or an instant with a zone"
                    + " (2026-06-30T00:00:00Z): '" + text + "'");
        }
    }

    private static Currency currency(String code) {
        try {
            return Money.currency(code);
        } catch (IllegalArgumentException e) {
            throw new UsageException("option --currency: " + e.getMessage());
        }
    }

    private static Path file(Args args, String option, boolean required) {
        String name = required ? args.require(option) : args.get(option);
        if (name == null) {
            return null;
        }
        Path path = Path.of(name);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new UsageException("option --" + option + ": cannot read file '" + name + "'");
        }
        return path;
    }

    /**
     * Warns about models that need data that was not given: lead-creation dates for a model that {@link
     * AttributionModel#usesLeadCreation() uses the lead-creation milestone}.
     *
     * @param labels the models as the user typed them, one per model
     */
    static void warnMissingData(List<String> labels, List<AttributionModel> models, Dataset data, PrintStream err) {
        boolean leads = false;
        for (int p = 0; p < data.personCount() && !leads; p++) {
            leads = data.leadCreatedAt(p) != Dataset.NO_INSTANT;
        }
        if (leads) {
            return;
        }
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).usesLeadCreation()) {
                err.println("warning: model '" + labels.get(i) + "' uses the lead-creation milestone, but "
                        + (data.hasPeople() ? "no person has a lead_created_at" : "no --people file was given")
                        + "; it falls back as docs/models.md describes (section Milestones)");
            }
        }
    }

    /**
     * Checks that every stage a custom model anchors on (a key other than first, lead, opportunity and
     * last) is a stage of the data, so that a typo is a usage error before any work is done.
     */
    static void checkStageAnchors(List<String> labels, Dataset data) {
        for (String label : labels) {
            String name = label.trim();
            int colon = name.indexOf(':');
            if (colon < 0 || !name.substring(0, colon).trim().equals("custom")) {
                continue;
            }
            for (String kv : name.substring(colon + 1).split(",")) {
                String key = kv.split("=", 2)[0].trim();
                if (key.isEmpty()
                        || Set.of("first", "lead", "opportunity", "last").contains(key)) {
                    continue;
                }
                StageIndex index = data.stageIndex();
                if (index.find(key) < 0) {
                    throw new UsageException("--model " + label + ": no record entered stage '" + key + "'"
                            + (data.stageRowCount() == 0 ? " (no --stages file was given)" : "")
                            + "; the stages are: " + String.join(", ", index.names()));
                }
            }
        }
    }

    /** The rejects file (or, without one, the first few reasons on standard error). */
    private static final class Rejects implements AutoCloseable {
        private static final int SHOWN = 5;
        private final Output output;
        private final CsvWriter csv;
        private final PrintStream err;
        private final Progress progress;
        private long count;

        Rejects(String path, Command.Context ctx, Progress progress) throws IOException {
            this.err = ctx.err();
            this.progress = progress;
            this.output = path == null ? null : Output.open(path, ctx.out());
            this.csv = output == null ? null : new CsvWriter(output.writer());
            if (csv != null) {
                csv.row("file", "line", "column", "value", "reason", "record");
            }
        }

        void reject(DataFileException e, List<String> record) {
            count++;
            if (csv == null) {
                if (count <= SHOWN + 1) {
                    progress.done(); // the line goes above the next progress line
                }
                if (count <= SHOWN) {
                    err.println("skipped: " + e.getMessage());
                } else if (count == SHOWN + 1) {
                    err.println("skipped: ... (more rows skipped; --rejects FILE lists them all)");
                }
                return;
            }
            StringBuilder raw = new StringBuilder();
            for (int i = 0; i < record.size(); i++) {
                if (i > 0) {
                    raw.append(',');
                }
                String f = record.get(i);
                raw.append(
                        f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0
                                ? '"' + f.replace("\"", "\"\"") + '"'
                                : f);
            }
            // a file meant for people: fields a spreadsheet would evaluate get a leading apostrophe
            csv.field(Escaping.formulaSafe(e.file()))
                    .field(Long.toString(e.line()))
                    .field(Escaping.formulaSafe(e.column()))
                    .field(Escaping.formulaSafe(e.value()))
                    .field(Escaping.formulaSafe(e.reason()))
                    .field(Escaping.formulaSafe(raw.toString()))
                    .endRow();
        }

        @Override
        public void close() throws IOException {
            if (output != null) {
                output.close();
            }
        }
    }
}
