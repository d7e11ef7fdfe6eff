package io.github.attribution.report;

import io.github.attribution.internal.Escaping;
import io.github.attribution.io.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for terminals: columns padded to their widest cell (counted in code points),
 * separated by two spaces, text left-aligned and numbers right-aligned (plain decimals in them grouped
 * by thousands, {@code 1,262,060.00}), a rule under the header and optional rules between sections.
 * Lines end with LF and carry no trailing spaces.
 *
 * <p>A table wider than the width it is rendered for is cut into blocks of columns, one under the
 * other with a blank line between: every block repeats the key columns (the first few, which name the
 * row), followed by as many of the other columns as fit, in order. Nothing wraps mid-cell; a single
 * column too wide for any width gets a block of its own.
 *
 * <p>Public so that the command line's own tables (such as {@code paths --format text}) look like the
 * reports' ones; not thread-safe.
 */
public final class TextTable {
    /** The width when the terminal's is unknown. */
    static final int DEFAULT_WIDTH = 100;

    private static final String GAP = "  ";

    private final List<String> header;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with these column titles; {@code right[i]} right-aligns column i. */
    public TextTable(List<String> header, boolean[] right) {
        if (header.size() != right.length) {
            throw new IllegalArgumentException(header.size() + " columns but " + right.length + " alignments");
        }
        this.header = List.copyOf(header);
        this.right = right.clone();
    }

    /**
     * Adds a row of as many cells as columns.
     *
     * @throws IllegalArgumentException for another number of cells
     */
    public TextTable add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException(row.size() + " cells for " + header.size() + " columns");
        }
        List<String> cells = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            // a value must not move the cursor or reorder the line
            String cell = Escaping.printable(row.get(i));
            cells.add(right[i] ? Text.grouped(cell) : cell);
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /** Adds a horizontal rule. */
    public TextTable rule() {
        rows.add(null);
        return this;
    }

    /** The whole table, however wide. */
    String render() {
        return render(Integer.MAX_VALUE, 0);
    }

    /**
     * The table in lines of at most {@code width} code points where the cells allow, in blocks of
     * columns when it is wider, each block starting with the first {@code keys} columns.
     */
    public String render(int width, int keys) {
        int[] widths = new int[header.size()];
        measure(header, widths);
        for (List<String> row : rows) {
            if (row != null) {
                measure(row, widths);
            }
        }
        List<int[]> blocks = blocks(widths, Math.min(keys, header.size()), width);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0) {
                b.append('\n');
            }
            int[] columns = blocks.get(i);
            line(b, header, columns, widths);
            ruleLine(b, columns, widths);
            for (List<String> row : rows) {
                if (row == null) {
                    ruleLine(b, columns, widths);
                } else {
                    line(b, row, columns, widths);
                }
            }
        }
        return b.toString();
    }

    /** The columns of each block: the keys, then the next columns that fit in {@code width}. */
    private static List<int[]> blocks(int[] widths, int keys, int width) {
        int keyWidth = 0;
        for (int i = 0; i < keys; i++) {
            keyWidth += (i > 0 ? GAP.length() : 0) + widths[i];
        }
        List<int[]> blocks = new ArrayList<>();
        int next = keys;
        do {
            List<Integer> columns = new ArrayList<>();
            for (int i = 0; i < keys; i++) {
                columns.add(i);
            }
            int used = keyWidth;
            while (next < widths.length) {
                int add = (columns.isEmpty() ? 0 : GAP.length()) + widths[next];
                if (columns.size() > keys && used + add > width) {
                    break;
                }
                used += add;
                columns.add(next++);
            }
            blocks.add(columns.stream().mapToInt(Integer::intValue).toArray());
        } while (next < widths.length);
        return blocks;
    }

    /**
     * {@code text}, one paragraph, broken at spaces into lines of at most {@code width} code points
     * (a word longer than that gets a line of its own), each line ended by LF: the prose around a
     * table, for the same terminal.
     */
    public static String wrap(String text, int width) {
        StringBuilder b = new StringBuilder();
        int length = 0;
        boolean lineStart = true;
        for (String word : text.split(" ", -1)) { // joined back by single spaces: unchanged when it fits
            int w = length(word);
            if (!lineStart && length + 1 + w > width) {
                b.append('\n');
                length = 0;
                lineStart = true;
            }
            if (!lineStart) {
                b.append(' ');
                length++;
            }
            b.append(word);
            length += w;
            lineStart = false;
        }
        return b.append('\n').toString();
    }

    private static void measure(List<String> row, int[] width) {
        for (int i = 0; i < row.size(); i++) {
            width[i] = Math.max(width[i], length(row.get(i)));
        }
    }

    private void line(StringBuilder b, List<String> row, int[] columns, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int j = 0; j < columns.length; j++) {
            int i = columns[j];
            if (j > 0) {
                l.append(GAP);
            }
            String cell = row.get(i);
            String pad = " ".repeat(width[i] - length(cell));
            l.append(right[i] ? pad + cell : cell + pad);
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    private static void ruleLine(StringBuilder b, int[] columns, int[] width) {
        int total = 0;
        for (int i : columns) {
            total += width[i];
        }
        b.append("-".repeat(total + GAP.length() * Math.max(0, columns.length - 1)))
                .append('\n');
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
