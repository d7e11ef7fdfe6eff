package io.github.attribution.cli;

import java.util.Locale;

/** The {@code --format} of the commands that write tables: {@code csv}, {@code json} or {@code text}. */
enum OutputFormat {
    CSV,
    JSON,
    TEXT;

    /**
     * The {@code --format} option, or {@code defaultFormat} when absent.
     *
     * @throws UsageException for any other value
     */
    static OutputFormat of(Args args, OutputFormat defaultFormat) {
        String value = args.get("format");
        if (value == null) {
            return defaultFormat;
        }
        for (OutputFormat f : values()) {
            if (f.label().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new UsageException("option --format must be csv, json or text: '" + value + "'");
    }

    /** {@code csv}, {@code json} or {@code text}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
