package io.github.attribution.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed options of one command: {@code --name value}, {@code --name=value} and bare flags ({@code
 * --skip-invalid}). Options not in the command's {@link Spec}, a missing value, or a repeated option
 * that is not repeatable are usage errors. Immutable.
 */
final class Args {
    private final Map<String, List<String>> values;
    private final Set<String> flags;

    private Args(Map<String, List<String>> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    /** The options a command takes: those with a value, bare flags, and which may repeat. */
    record Spec(Set<String> valued, Set<String> flags, Set<String> repeatable) {
        Spec {
            valued = Set.copyOf(valued);
            flags = Set.copyOf(flags);
            repeatable = Set.copyOf(repeatable);
        }

        static Spec none() {
            return new Spec(Set.of(), Set.of(), Set.of());
        }

        /** This spec plus {@code other}'s options. */
        Spec with(Spec other) {
            Set<String> v = new LinkedHashSet<>(valued);
            v.addAll(other.valued);
            Set<String> f = new LinkedHashSet<>(flags);
            f.addAll(other.flags);
            Set<String> r = new LinkedHashSet<>(repeatable);
            r.addAll(other.repeatable);
            return new Spec(v, f, r);
        }
    }

    /**
     * Parses {@code argv} against {@code spec}.
     *
     * @throws UsageException naming the offending option
     */
    static Args parse(List<String> argv, Spec spec) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        for (int i = 0; i < argv.size(); i++) {
            String token = argv.get(i);
            if (!token.startsWith("--") || token.length() == 2) {
                throw new UsageException("unexpected argument '" + token + "'; options start with --");
            }
            String name = token.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (spec.flags().contains(name)) {
                if (value != null) {
                    throw new UsageException("option --" + name + " takes no value");
                }
                flags.add(name);
                continue;
            }
            if (!spec.valued().contains(name)) {
                java.util.List<String> known = new ArrayList<>(spec.valued());
                known.addAll(spec.flags());
                known.sort(null);
                throw new UsageException("unknown option --" + name + Suggest.didYouMean(name, known, "--"));
            }
            if (value == null) {
                if (i + 1 >= argv.size()) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = argv.get(++i);
            }
            List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
            if (!list.isEmpty() && !spec.repeatable().contains(name)) {
                throw new UsageException("option --" + name + " is given more than once");
            }
            list.add(value);
        }
        return new Args(values, flags);
    }

    /** The value of {@code --name}, or {@code null} when absent. */
    String get(String name) {
        List<String> list = values.get(name);
        return list == null ? null : list.get(0);
    }

    /** The value of {@code --name}, or {@code defaultValue}. */
    String get(String name, String defaultValue) {
        String v = get(name);
        return v == null ? defaultValue : v;
    }

    /**
     * The value of the required option {@code --name}.
     *
     * @throws UsageException if it is absent
     */
    String require(String name) {
        String v = get(name);
        if (v == null) {
            throw new UsageException("option --" + name + " is required");
        }
        return v;
    }

    /** Every value of the repeatable {@code --name}, in order. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Whether the flag {@code --name} was given. */
    boolean flag(String name) {
        return flags.contains(name);
    }

    /**
     * The whole number {@code --name}, at least {@code min}, or {@code null} when absent.
     *
     * @throws UsageException if it is not a whole number or too small
     */
    Long number(String name, long min) {
        return number(name, min, Long.MAX_VALUE);
    }

    /**
     * The whole number {@code --name}, from {@code min} to {@code max}, or {@code null} when absent.
     *
     * @throws UsageException if it is not a whole number or out of range, stating the range
     */
    Long number(String name, long min, long max) {
        String v = get(name);
        if (v == null) {
            return null;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("option --" + name + " must be a whole number "
                + (max == Long.MAX_VALUE ? "of at least " + min : "from " + min + " to " + max) + ": '" + v + "'");
    }
}
