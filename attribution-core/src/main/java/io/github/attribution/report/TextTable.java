package io.github.attribution.report;

import io.github.attribution.internal.Escaping;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for terminals: columns padded to their widest cell (counted in code points),
 * separated by two spaces, text left-aligned and numbers right-aligned, a rule under the header and
 * optional rules between sections. Lines end with LF and carry no trailing spaces.
 */
final class TextTable {
    private final List<String> header;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with these column titles; {@code right[i]} right-aligns column i. */
    TextTable(List<String> header, boolean[] right) {
        this.header = List.copyOf(header);
        this.right = right.clone();
    }

    /** Adds a row of as many cells as columns. */
    TextTable add(List<String> row) {
        assert row.size() == header.size() : row + " does not fit " + header;
        List<String> cells = new ArrayList<>(row.size());
        for (String cell : row) {
            cells.add(Escaping.printable(cell)); // a value must not move the cursor or reorder the line
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /** Adds a horizontal rule. */
    TextTable rule() {
        rows.add(null);
        return this;
    }

    String render() {
        int[] width = new int[header.size()];
        measure(header, width);
        for (List<String> row : rows) {
            if (row != null) {
                measure(row, width);
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, header, width);
        ruleLine(b, width);
        for (List<String> row : rows) {
            if (row == null) {
                ruleLine(b, width);
            } else {
                line(b, row, width);
            }
        }
        return b.toString();
    }

    private static void measure(List<String> row, int[] width) {
        for (int i = 0; i < row.size(); i++) {
            width[i] = Math.max(width[i], length(row.get(i)));
        }
    }

    private void line(StringBuilder b, List<String> row, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                l.append("  ");
            }
            String cell = row.get(i);
            String pad = " ".repeat(width[i] - length(cell));
            l.append(right[i] ? pad + cell : cell + pad);
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    private static void ruleLine(StringBuilder b, int[] width) {
        int total = 0;
        for (int w : width) {
            total += w;
        }
        b.append("-".repeat(total + 2 * Math.max(0, width.length - 1))).append('\n');
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
