package io.github.attribution;

import io.github.attribution.datadriven.MarkovModel;
import io.github.attribution.datadriven.PathModel;
import io.github.attribution.datadriven.PathModels;
import io.github.attribution.datadriven.ShapleyFit;
import io.github.attribution.datadriven.ShapleyModel;
import io.github.attribution.journey.Anchor;
import io.github.attribution.model.AnchorWeights;
import io.github.attribution.model.AttributionModel;
import io.github.attribution.model.RuleBasedModels;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Models by name, with the strings the command line takes: {@code w-shaped}, {@code
 * time-decay:half-life-days=14}, {@code custom:first=0.5,last=0.5}, {@code last-non-direct:direct=Direct|Other}.
 * A spec is a name, optionally followed by {@code :} and comma-separated {@code key=value}
 * parameters. {@link #catalog()} lists every model with its parameters and defaults.
 */
public final class Models {
    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

    /** The names of the models that run on path data ({@link #pathModel}), in catalog order. */
    public static final List<String> PATH_MODELS = List.of("first-touch", "last-touch", "linear", "markov", "shapley");

    static {
        single("first-touch", "all credit to the first touch of the journey", p -> RuleBasedModels.firstTouch());
        single(
                "last-touch",
                "all credit to the last touch (the closed-won or pending touch)",
                p -> RuleBasedModels.lastTouch());
        register(
                new ModelInfo(
                        "last-non-direct",
                        "single-touch",
                        "all credit to the last touch whose channel is not direct; the last touch if all are",
                        List.of(new ModelInfo.Parameter(
                                "direct", "Direct", "direct channels, separated by |, case-insensitive"))),
                p -> RuleBasedModels.lastNonDirect(
                        Arrays.asList(p.text("direct", "Direct").split("\\|", -1))));
        single(
                "lead-creation",
                "all credit to the lead-creation touch, else the first touch",
                p -> RuleBasedModels.leadCreation());
        single(
                "opportunity-creation",
                "all credit to the opportunity-creation touch, else the first touch",
                p -> RuleBasedModels.opportunityCreation());
        single(
                "original-source",
                "all credit to the very first touch ever, ignoring lookback and funnel cycles",
                p -> RuleBasedModels.originalSource());
        multi("linear", "every touch the same", p -> RuleBasedModels.linear());
        register(
                new ModelInfo(
                        "time-decay",
                        "multi-touch",
                        "weight halves every half-life before the last touch",
                        List.of(new ModelInfo.Parameter("half-life-days", "7", "the half-life in days, > 0"))),
                p -> RuleBasedModels.timeDecay(
                        p.positiveNumber("half-life-days", RuleBasedModels.DEFAULT_HALF_LIFE_DAYS)));
        multi("position-based", "40% first, 40% last, 20% over the middle", p -> RuleBasedModels.positionBased());
        multi("u-shaped", "40% first, 40% lead creation, 20% between", p -> RuleBasedModels.uShaped());
        multi(
                "w-shaped",
                "30% each to first, lead creation, opportunity creation; 10% between",
                p -> RuleBasedModels.wShaped());
        multi("full-path", "22.5% to each of the four milestones, 10% between", p -> RuleBasedModels.fullPath());
        multi("j-shaped", "20% first, 60% last, 20% over the middle", p -> RuleBasedModels.jShaped());
        multi("inverse-j", "60% first, 20% last, 20% over the middle", p -> RuleBasedModels.inverseJ());
        List<ModelInfo.Parameter> anchors = new ArrayList<>();
        for (Anchor a : Anchor.values()) {
            anchors.add(new ModelInfo.Parameter(
                    AnchorWeights.key(a),
                    "0",
                    "weight of the " + a.name().toLowerCase().replace('_', ' ') + " touch"));
        }
        register(
                new ModelInfo(
                        "custom",
                        "multi-touch",
                        "any anchor weights (at most 6 decimals, sum <= 1); the rest over the touches between",
                        anchors),
                p -> {
                    Map<Anchor, BigDecimal> weights = new EnumMap<>(Anchor.class);
                    for (Anchor a : Anchor.values()) {
                        weights.put(a, p.decimal(AnchorWeights.key(a), BigDecimal.ZERO));
                    }
                    // any other key is a funnel stage to anchor on, such as mql=0.15
                    Map<String, BigDecimal> stages = new LinkedHashMap<>();
                    for (String key : p.unused()) {
                        stages.put(key, p.decimal(key, BigDecimal.ZERO));
                    }
                    return RuleBasedModels.custom(AnchorWeights.of(weights, stages));
                });
        register(
                new ModelInfo(
                        "markov",
                        "data-driven",
                        "removal effects of a Markov chain fitted on the run's won and lost journeys",
                        List.of(new ModelInfo.Parameter(
                                "order",
                                String.valueOf(MarkovModel.DEFAULT_ORDER),
                                "how many past channels a state remembers, 1 to " + MarkovModel.MAX_ORDER
                                        + ", or auto: chosen by cross-validation over accounts"))),
                p -> "auto".equals(p.text("order", null))
                        ? MarkovModel.auto()
                        : MarkovModel.of(p.integer("order", MarkovModel.DEFAULT_ORDER, 1, MarkovModel.MAX_ORDER)));
        register(
                new ModelInfo(
                        "shapley",
                        "data-driven",
                        "Shapley values of conversion rates by channel set, fitted on the run's won and lost journeys",
                        List.of(
                                new ModelInfo.Parameter(
                                        "samples",
                                        String.valueOf(ShapleyModel.DEFAULT_SAMPLES),
                                        "orderings sampled for a journey of more than " + ShapleyFit.EXACT_LIMIT
                                                + " distinct channels (exact up to that)"),
                                new ModelInfo.Parameter(
                                        "seed", String.valueOf(ShapleyModel.DEFAULT_SEED), "seed of that sampling"))),
                p -> ShapleyModel.of(
                        p.integer("samples", ShapleyModel.DEFAULT_SAMPLES, 1, Integer.MAX_VALUE),
                        p.longValue("seed", ShapleyModel.DEFAULT_SEED)));
    }

    /**
     * The model described by {@code spec} for path data ({@link PathAttribution}): {@code first-touch},
     * {@code last-touch}, {@code linear}, {@code markov[:order=N]} or {@code shapley[:samples=N,seed=N]}.
     * Models that need touch times or milestones do not run on paths.
     *
     * @throws IllegalArgumentException if the spec is invalid (as for {@link #byName}) or names a model
     *     that does not run on path data
     */
    public static PathModel pathModel(String spec) {
        AttributionModel model = byName(spec);
        if (model instanceof PathModel) {
            return (PathModel) model;
        }
        if (model == RuleBasedModels.firstTouch()) {
            return PathModels.firstTouch();
        }
        if (model == RuleBasedModels.lastTouch()) {
            return PathModels.lastTouch();
        }
        if (model == RuleBasedModels.linear()) {
            return PathModels.linear();
        }
        throw new IllegalArgumentException("model '" + model.name()
                + "' needs touch times or milestones and does not run on path data; path models: "
                + String.join(", ", PATH_MODELS));
    }

    private Models() {}

    /**
     * The model described by {@code spec}.
     *
     * @throws IllegalArgumentException naming the model or parameter if the name is unknown, a
     *     parameter is unknown or repeated, or a value is invalid
     */
    public static AttributionModel byName(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("model name must not be empty");
        }
        String trimmed = spec.trim();
        int colon = trimmed.indexOf(':');
        String name = (colon < 0 ? trimmed : trimmed.substring(0, colon)).trim();
        Entry entry = REGISTRY.get(name);
        if (entry == null) {
            throw new IllegalArgumentException(
                    "unknown model '" + name + "'; known models: " + String.join(", ", REGISTRY.keySet()));
        }
        Params params = new Params(entry.info, colon < 0 ? "" : trimmed.substring(colon + 1));
        AttributionModel model = entry.factory.apply(params);
        params.requireAllUsed();
        return model;
    }

    /** Every model with its parameters and defaults, in a stable order. */
    public static List<ModelInfo> catalog() {
        return REGISTRY.values().stream().map(e -> e.info).collect(Collectors.toUnmodifiableList());
    }

    /** The names of every rule-based model that needs no parameters, in catalog order (custom excluded). */
    public static List<String> ruleBasedNames() {
        return REGISTRY.values().stream()
                .filter(e ->
                        !e.info.family().equals("data-driven") && !e.info.name().equals("custom"))
                .map(e -> e.info.name())
                .collect(Collectors.toUnmodifiableList());
    }

    static void register(ModelInfo info, Function<Params, AttributionModel> factory) {
        REGISTRY.put(info.name(), new Entry(info, factory));
    }

    private static void single(String name, String description, Function<Params, AttributionModel> factory) {
        register(new ModelInfo(name, "single-touch", description, List.of()), factory);
    }

    private static void multi(String name, String description, Function<Params, AttributionModel> factory) {
        register(new ModelInfo(name, "multi-touch", description, List.of()), factory);
    }

    private static final class Entry {
        final ModelInfo info;
        final Function<Params, AttributionModel> factory;

        Entry(ModelInfo info, Function<Params, AttributionModel> factory) {
            this.info = info;
            this.factory = factory;
        }
    }

    /** The parsed {@code key=value} parameters of one spec; tracks which were read. */
    static final class Params {
        private final ModelInfo info;
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Set<String> used = new HashSet<>();

        Params(ModelInfo info, String text) {
            this.info = info;
            if (text.isBlank()) {
                return;
            }
            for (String part : text.split(",", -1)) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(
                            "model '" + info.name() + "': parameter must be key=value: '" + part.trim() + "'");
                }
                String key = part.substring(0, eq).trim();
                if (values.put(key, part.substring(eq + 1).trim()) != null) {
                    throw new IllegalArgumentException(
                            "model '" + info.name() + "': parameter '" + key + "' is given twice");
                }
            }
        }

        String text(String key, String defaultValue) {
            used.add(key);
            String v = values.get(key);
            if (v != null && v.isEmpty()) {
                throw new IllegalArgumentException("model '" + info.name() + "': parameter '" + key + "' is empty");
            }
            return v == null ? defaultValue : v;
        }

        BigDecimal decimal(String key, BigDecimal defaultValue) {
            String v = text(key, null);
            if (v == null) {
                return defaultValue;
            }
            BigDecimal d;
            try {
                d = new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "model '" + info.name() + "': parameter '" + key + "' must be a decimal number: '" + v + "'");
            }
            if (d.signum() != 0 && (d.precision() - d.scale() > 30 || d.scale() > 30)) {
                // an exponent such as 1e999999999 would cost minutes (or memory) in every later step
                throw new IllegalArgumentException("model '" + info.name() + "': parameter '" + key
                        + "' must be a decimal number below 10^30 with at most 30 digits after the point: '" + v
                        + "'");
            }
            return d;
        }

        double positiveNumber(String key, double defaultValue) {
            BigDecimal v = decimal(key, null);
            if (v == null) {
                return defaultValue;
            }
            if (v.signum() <= 0) {
                throw new IllegalArgumentException("model '" + info.name() + "': parameter '" + key
                        + "' must be greater than 0: '" + v.toPlainString() + "'");
            }
            return v.doubleValue();
        }

        int integer(String key, int defaultValue, int min, int max) {
            String v = text(key, null);
            if (v == null) {
                return defaultValue;
            }
            try {
                int i = Integer.parseInt(v);
                if (i >= min && i <= max) {
                    return i;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("model '" + info.name() + "': parameter '" + key
                    + "' must be a whole number from " + min + " to " + max + ": '" + v + "'");
        }

        long longValue(String key, long defaultValue) {
            String v = text(key, null);
            if (v == null) {
                return defaultValue;
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "model '" + info.name() + "': parameter '" + key + "' must be a whole number: '" + v + "'");
            }
        }

        /** The keys not read so far, in the order given. */
        List<String> unused() {
            List<String> keys = new ArrayList<>(values.keySet());
            keys.removeAll(used);
            return keys;
        }

        void requireAllUsed() {
            List<String> unknown = new ArrayList<>(values.keySet());
            unknown.removeAll(used);
            if (!unknown.isEmpty()) {
                List<String> known = info.parameters().stream()
                        .map(ModelInfo.Parameter::name)
                        .collect(Collectors.toList());
                throw new IllegalArgumentException("model '" + info.name() + "' has no parameter '" + unknown.get(0)
                        + "'; " + (known.isEmpty() ? "it takes none" : "its parameters: " + String.join(", ", known)));
            }
        }

        @Override
        public String toString() {
            return Collections.unmodifiableMap(values).toString();
        }
    }
}
