package io.github.attribution.cli;

import io.github.attribution.CreditTable;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.io.Text;
import io.github.attribution.journey.Journeys;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/**
 * The paragraph every data-reading run prints on standard error: rows read, opportunities by status,
 * journeys, unattributed opportunities and their amount, what each model credited per currency (the
 * total amount of the attributed opportunities, to the cent), and the elapsed time. Feed it every
 * credit table with {@link #add}; it keeps sums only.
 */
final class Summary {
    private final Inputs inputs;
    private final long began;
    /** Per model, per currency: credit given to touches. */
    private final long[][] credited;

    Summary(Inputs inputs, long began) {
        this.inputs = inputs;
        this.began = began;
        this.credited = new long[inputs.models.size()][inputs.data.currencies().size()];
    }

    /** Adds the touch credits of {@code table}, from model {@code model} (an index into the inputs' models). */
    void add(int model, CreditTable table) {
        Dataset data = table.dataset();
        long[] sums = credited[model];
        for (int o = table.firstOpportunity(); o < table.endOpportunity(); o++) {
            int c = data.currencyIndex(o);
            for (int r = table.rowStart(o); r < table.rowEnd(o); r++) {
                if (table.touch(r) >= 0) {
                    sums[c] = Math.addExact(sums[c], table.credit(r));
                }
            }
        }
    }

    /** Prints the paragraph. */
    void print(PrintStream err, Journeys journeys) {
        Dataset data = inputs.data;
        Inputs.Counts n = inputs.counts;
        StringBuilder sb = new StringBuilder("summary: ");
        if (n.read() == 0 && n.touchpoints() + n.opportunities() > 0) { // an in-memory sample
            sb.append("generated (");
        } else {
            sb.append("read ").append(count(n.read())).append(" rows (");
        }
        sb.append(count(n.touchpoints()))
                .append(" touchpoints, ")
                .append(count(n.opportunities()))
                .append(" opportunities");
        if (n.people() > 0) {
            sb.append(", ").append(count(n.people())).append(" people");
        }
        if (n.contacts() > 0) {
            sb.append(", ").append(count(n.contacts())).append(" contacts");
        }
        if (n.costs() > 0) {
            sb.append(", ").append(count(n.costs())).append(" costs");
        }
        if (n.stages() > 0) {
            sb.append(", ").append(count(n.stages())).append(" stage rows");
        }
        sb.append(")");
        if (n.rejected() > 0) {
            sb.append(", ").append(count(n.rejected())).append(" rejected");
        }
        List<Currency> currencies = data.currencies();
        int[] status = new int[3];
        long[] won = new long[currencies.size()];
        for (int o = 0; o < data.opportunityCount(); o++) {
            status[data.status(o).ordinal()]++;
            if (data.status(o) == OpportunityStatus.WON) {
                won[data.currencyIndex(o)] += data.amount(o);
            }
        }
        sb.append("; opportunities: ").append(count(status[1])).append(" won");
        if (status[1] > 0) {
            sb.append(" (won revenue ").append(money(won, currencies)).append(")");
        }
        sb.append(", ")
                .append(count(status[2]))
                .append(" lost, ")
                .append(count(status[0]))
                .append(" open");
        int withJourney = 0;
        int unattributed = 0;
        long[] unattributedAmount = new long[currencies.size()];
        long[] total = new long[currencies.size()];
        for (int o = 0; o < data.opportunityCount(); o++) {
            total[data.currencyIndex(o)] += data.amount(o);
            if (journeys.size(o) > 0) {
                withJourney++;
            } else {
                unattributed++;
                unattributedAmount[data.currencyIndex(o)] += data.amount(o);
            }
        }
        sb.append("; ")
                .append(count(withJourney))
                .append(" journeys; ")
                .append(count(unattributed))
                .append(" unattributed");
        if (unattributed > 0) {
            sb.append(" (").append(money(unattributedAmount, currencies)).append(")");
        }
        if (credited.length > 0) {
            sb.append("; credited to touches from all opportunities (won, lost and open): ");
            boolean same = true;
            for (long[] m : credited) {
                same &= Arrays.equals(m, credited[0]);
            }
            if (same) {
                sb.append(money(credited[0], currencies))
                        .append(
                                credited.length == 1
                                        ? " by " + inputs.labels.get(0)
                                        : " by each of " + credited.length + " models");
            } else {
                List<String> parts = new ArrayList<>();
                for (int m = 0; m < credited.length; m++) {
                    parts.add(inputs.labels.get(m) + " " + money(credited[m], currencies));
                }
                sb.append(String.join(", ", parts));
            }
        }
        sb.append("; ").append(elapsed()).append('.');
        err.println(sb);
    }

    private String elapsed() {
        long ms = (System.nanoTime() - began) / 1_000_000;
        return ms < 10_000 ? String.format("%.2f s", ms / 1000.0) : String.format("%.1f s", ms / 1000.0);
    }

    /** {@code n} grouped by thousands, {@code 12,345}: every count of a summary line. */
    static String count(long n) {
        return Text.grouped(Long.toString(n));
    }

    private static String money(long[] sums, List<Currency> currencies) {
        if (currencies.isEmpty()) {
            return "nothing";
        }
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < sums.length; c++) {
            if (sums[c] == 0 && sums.length > 1) {
                continue;
            }
            parts.add(currencies.get(c).getCurrencyCode() + " " + Text.grouped(Text.money(sums[c], currencies.get(c))));
        }
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }
}
