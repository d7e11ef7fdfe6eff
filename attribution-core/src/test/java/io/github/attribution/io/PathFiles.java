package io.github.attribution.io;

import io.github.attribution.datadriven.PathSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated path files for the fast-route tests: random channels (multi-byte UTF-8, inner spaces,
 * names over 16 bytes that share their first and last 8 bytes), separators, column orders, line
 * ends, blank lines, quoting, a BOM, and, in some files, one defect (a bad number, an empty channel, a
 * wrong field count, invalid UTF-8, a bare CR, a stray quote, a header problem, an overflowing total).
 */
final class PathFiles {
    private PathFiles() {}

    static final String[] CHANNELS = {
        "A",
        "B",
        "Paid Search",
        "Email",
        "Ünïcödé",
        "日本語",
        "emoji 😀",
        "x\ty",
        "12345678",
        "1234567890123456",
        "aaaaaaaaXbbbbbbbb",
        "aaaaaaaaYbbbbbbbb",
        "Événement spécial, long name",
        "7",
        "a>b",
        "say \"hi\"",
    };

    static final String[] SEPARATORS = {">", " > ", "|", "→", ">>", "->", " "};
    static final String[] COUNTS = {"0", "1", "2", "17", "3.0", "0003", " 4 ", "5.", "123456789012345678"};
    static final String[] VALUES = {
        "", "0", "12", "12.50", "0.00", "99.999", " 5 ", "123456789012345678", "1234567.890123", "0.5"
    };
    static final String[] EXTRAS = {"", "note", "ünï", "x y", "12"};
    static final String[] BAD_COUNTS = {
        "1e3", "+5", "-1", "abc", "1.5", "12345678901234567890", " ", "", "٣", "0x1", "1,0"
    };
    static final String[] BAD_VALUES = {
        "1e3", "-1", "12.", ".5", "1.2.3", "1234567890.1234567890", "abc", "+1", "1e-2", "12345678901234567890"
    };
    static final byte[][] BAD_UTF8 = {
        {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0x80}
    };

    /** A path file and the reader for it. */
    record Case(
            byte[] bytes,
            String pathColumn,
            String conversions,
            String nulls,
            String value,
            String separator,
            boolean plain,
            String description) {
        PathsReader reader() {
            return new PathsReader(pathColumn, conversions, nulls, value, separator);
        }

        Path write(Path dir) throws IOException {
            Path file = dir.resolve("paths.csv");
            Files.write(file, bytes);
            return file;
        }

        @Override
        public String toString() {
            return description + " sep='" + separator + "'\n" + new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private enum Role {
        PATH,
        CONVERSIONS,
        NULLS,
        VALUE,
        EXTRA
    }

    /** A random case; {@code defects} allows defective input. */
    static Case generate(long seed, boolean defects) {
        SplittableRandom r = new SplittableRandom(seed);
        String separator = SEPARATORS[r.nextInt(SEPARATORS.length)];
        boolean hasNulls = r.nextBoolean();
        boolean hasValue = r.nextBoolean();
        List<Role> roles = new ArrayList<>(List.of(Role.PATH, Role.CONVERSIONS));
        if (hasNulls) {
            roles.add(Role.NULLS);
        }
        if (hasValue) {
            roles.add(Role.VALUE);
        }
        for (int e = r.nextInt(3); e > 0; e--) {
            roles.add(Role.EXTRA);
        }
        Collections.shuffle(roles, new java.util.Random(r.nextLong()));
        String eolStyle = new String[] {"\n", "\r\n", "mixed"}[r.nextInt(3)];
        boolean quoting = r.nextInt(5) == 0;
        int defect = defects && r.nextInt(3) == 0 ? 1 + r.nextInt(11) : 0;
        int rows = r.nextInt(defect == 11 ? 12 : 25);
        int defectRow = rows == 0 ? -1 : r.nextInt(rows);
        List<String> names = new ArrayList<>();
        for (int n = 1 + r.nextInt(6); n > 0; n--) {
            String name = CHANNELS[r.nextInt(CHANNELS.length)];
            if (!quoting && (name.contains(",") || name.contains("\""))) {
                name = "Plain " + n;
            }
            names.add(name);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder description = new StringBuilder("seed " + seed + " defect " + defect);
        if (r.nextInt(5) == 0) {
            write(out, "\uFEFF");
        }
        // the header
        String pathColumn = "path";
        String conversionsColumn = "conversions";
        String nullsColumn = hasNulls ? "nulls" : null;
        String valueColumn = hasValue ? "value" : null;
        List<String> header = new ArrayList<>();
        int extras = 0;
        for (Role role : roles) {
            String name = switch (role) {
                case PATH -> r.nextBoolean() ? "path" : " Path ";
                case CONVERSIONS -> r.nextBoolean() ? "conversions" : "CONVERSIONS";
                case NULLS -> "nulls";
                case VALUE -> "Value";
                case EXTRA -> "note" + (++extras);
            };
            header.add(name);
        }
        if (defect == 9) {
            if (r.nextBoolean()) {
                conversionsColumn = "missing"; // a column the header lacks
            } else {
                header.add("path"); // a repeated column
            }
        }
        write(out, String.join(",", header));
        for (int row = 0; row < rows; row++) {
            write(out, eol(r, eolStyle));
            while (r.nextInt(8) == 0) {
                write(out, eol(r, eolStyle)); // a blank line
            }
            List<String> fields = new ArrayList<>();
            boolean defective = row == defectRow;
            if (defective && defect == 10) {
                write(out, "   " + eol(r, eolStyle)); // a line of spaces: one field
            }
            int badField = -1;
            for (Role role : roles) {
                String field = switch (role) {
                    case PATH -> path(r, names, separator, defective && defect == 3);
                    case CONVERSIONS ->
                        defect == 11
                                ? "999999999999999999"
                                : defective && defect == 1
                                        ? BAD_COUNTS[r.nextInt(BAD_COUNTS.length)]
                                        : COUNTS[r.nextInt(COUNTS.length)];
                    case NULLS -> COUNTS[r.nextInt(COUNTS.length)];
                    case VALUE ->
                        defective && defect == 2
                                ? BAD_VALUES[r.nextInt(BAD_VALUES.length)]
                                : VALUES[r.nextInt(VALUES.length)];
                    case EXTRA -> EXTRAS[r.nextInt(EXTRAS.length)];
                };
                if (defective && defect == 6 && role == Role.PATH) {
                    field = field + "\rX"; // a bare CR
                }
                if (defective && defect == 7 && role == Role.PATH) {
                    field = "A\"B"; // a quote inside an unquoted field
                }
                if (defective && defect == 8 && role == Role.PATH) {
                    field = "A" + separator + "\u2003"; // a channel of Unicode spaces only
                }
                boolean mustQuote = field.contains(",") || field.contains("\"");
                boolean strayQuote = defective && defect == 7 && role == Role.PATH;
                if (!strayQuote && (mustQuote || (quoting && r.nextInt(3) == 0))) {
                    field = "\"" + field.replace("\"", "\"\"") + "\"";
                }
                if (defective && defect == 5 && (role == Role.PATH || role == Role.EXTRA)) {
                    badField = fields.size();
                }
                fields.add(field);
            }
            if (defective && defect == 4) {
                if (r.nextBoolean() || fields.size() == 1) {
                    fields.add("x");
                } else {
                    fields.remove(fields.size() - 1);
                }
            }
            for (int f = 0; f < fields.size(); f++) {
                if (f > 0) {
                    write(out, ",");
                }
                String field = fields.get(f);
                if (f == badField) {
                    int cut = r.nextInt(field.length() + 1);
                    write(out, field.substring(0, cut));
                    out.writeBytes(BAD_UTF8[r.nextInt(BAD_UTF8.length)]);
                    write(out, field.substring(cut));
                } else {
                    write(out, field);
                }
            }
        }
        if (r.nextBoolean()) {
            write(out, eol(r, eolStyle));
        }
        boolean plain = !quoting && defect == 0;
        return new Case(
                out.toByteArray(),
                pathColumn,
                conversionsColumn,
                nullsColumn,
                valueColumn,
                separator,
                plain,
                description.toString());
    }

    private static String path(SplittableRandom r, List<String> names, String separator, boolean emptyChannel) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(5);
        int empty = emptyChannel ? r.nextInt(n) : -1;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(separator);
            }
            String pad = new String[] {"", "", " ", "  ", "\t"}[r.nextInt(5)];
            sb.append(pad);
            if (i != empty) {
                sb.append(names.get(r.nextInt(names.size())));
            }
            sb.append(new String[] {"", "", " ", "\t "}[r.nextInt(4)]);
        }
        return sb.toString();
    }

    private static String eol(SplittableRandom r, String style) {
        return style.equals("mixed") ? (r.nextBoolean() ? "\n" : "\r\n") : style;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A path set as text, every detail that can differ: channels in order, each row's path, counts and
     * value with its scale, the totals with the total value's scale.
     */
    static List<String> describe(PathSet paths) {
        List<String> out = new ArrayList<>();
        out.add("channels " + paths.channels());
        for (int r = 0; r < paths.size(); r++) {
            BigDecimal v = paths.value(r);
            out.add(paths.path(r) + " c=" + paths.conversions(r) + " n=" + paths.nulls(r) + " v=" + v + " scale "
                    + v.scale());
        }
        out.add("totals c=" + paths.totalConversions() + " n=" + paths.totalNulls() + " v=" + paths.totalValue()
                + " scale " + paths.totalValue().scale());
        return out;
    }

    /** What reading gives: the path set described, or the exception's class and message. */
    static List<String> outcome(Read read) {
        try {
            return describe(read.read());
        } catch (Exception e) {
            return List.of(e.getClass().getName() + ": " + e.getMessage());
        }
    }

    /** A way to read a file. */
    interface Read {
        PathSet read() throws IOException;
    }
}
