package io.github.attribution.datadriven;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/** Generated path rows for property tests. */
final class PathRows {
    private PathRows() {}

    /** One row: channel names, conversions, nulls, value in cents. */
    record Row(List<String> path, long conversions, long nulls, long cents) {
        BigDecimal value() {
            return BigDecimal.valueOf(cents, 2);
        }
    }

    /** A row over channels A.. of up to {@code channels}, paths of 1 to {@code maxLength} touches. */
    static Gen<Row> row(int channels, int maxLength) {
        Gen<List<String>> path = lists().of(
                        integers().between(0, channels - 1).map(i -> String.valueOf((char) ('A' + i))))
                .ofSizeBetween(1, maxLength);
        return path.zip(
                integers().between(0, 4),
                integers().between(0, 4),
                integers().between(0, 100_000),
                (p, c, n, v) -> new Row(p, c, n, c == 0 ? 0 : v));
    }

    static Gen<List<Row>> rows(int channels, int maxLength, int maxRows) {
        return lists().of(row(channels, maxLength)).ofSizeBetween(1, maxRows);
    }

    static PathSet pathSet(List<Row> rows) {
        PathSet.Builder b = PathSet.builder();
        rows.forEach(r -> b.add(r.path(), r.conversions(), r.nulls(), r.value()));
        return b.build();
    }

    static PathStatistics stats(List<Row> rows) {
        PathStatistics.Builder b = PathStatistics.builder();
        rows.forEach(r -> b.add(r.path(), r.conversions(), r.nulls(), r.value()));
        return b.build();
    }

    static <T> List<T> reversed(List<T> list) {
        List<T> r = new ArrayList<>(list);
        java.util.Collections.reverse(r);
        return r;
    }
}
