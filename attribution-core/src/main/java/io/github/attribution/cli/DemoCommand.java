package io.github.attribution.cli;

import io.github.attribution.Credit;
import io.github.attribution.CreditTable;
import io.github.attribution.Models;
import io.github.attribution.data.Dataset;
import io.github.attribution.data.OpportunityStatus;
import io.github.attribution.journey.Journeys;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code demo}: runs every rule-based model on the small B2B sample bundled in the jar ({@code
 * /sample}, made by {@code generate --opportunities 300 --seed 2026}) and prints each model's share of
 * won revenue per channel.
 */
final class DemoCommand implements Command {
    /** Where the bundled sample lives on the class path. */
    static final String SAMPLE = "/sample";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "each rule-based model's share of revenue per channel, on a bundled B2B sample";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public Args.Spec options() {
        return Args.Spec.none();
    }

    @Override
    public int run(Args args, Context context) throws Exception {
        long began = System.nanoTime();
        Inputs inputs = Inputs.loadResource(SAMPLE, Models.ruleBasedNames(), context);
        Journeys journeys = inputs.attributor.journeys(inputs.data);
        Summary summary = new Summary(inputs, began);
        Dataset data = inputs.data;
        int unattributed = data.channelCount();
        long[][] won = new long[inputs.models.size()][data.channelCount() + 1];
        for (int m = 0; m < inputs.models.size(); m++) {
            int model = m;
            inputs.attributor.stream(journeys, inputs.models.get(m), table -> {
                summary.add(model, table);
                addWon(table, won[model], unattributed);
            });
        }
        context.out()
                .println("Share of won revenue by channel, per model (sample of " + data.opportunityCount()
                        + " opportunities, " + data.touchCount() + " touchpoints):\n");
        context.out().print(shareTable(data, inputs.labels, won));
        summary.print(context.err(), journeys);
        return 0;
    }

    /** Adds the credit of won opportunities to {@code byChannel}, unattributed credit at {@code unattributed}. */
    private static void addWon(CreditTable table, long[] byChannel, int unattributed) {
        Dataset data = table.dataset();
        for (int o = table.firstOpportunity(); o < table.endOpportunity(); o++) {
            if (data.status(o) != OpportunityStatus.WON) {
                continue;
            }
            for (int r = table.rowStart(o); r < table.rowEnd(o); r++) {
                int t = table.touch(r);
                byChannel[t < 0 ? unattributed : data.touchChannel(t)] += table.credit(r);
            }
        }
    }

    /**
     * The table: one row per model, one column per channel (by name, unattributed last), each cell the
     * model's share of won revenue in percent with one decimal. The bundled sample has one currency.
     */
    static String shareTable(Dataset data, List<String> models, long[][] byChannel) {
        List<Integer> channels = new ArrayList<>();
        for (int c = 0; c < data.channelCount(); c++) {
            channels.add(c);
        }
        channels.sort(Comparator.comparing(data::channelName));
        channels.add(data.channelCount());
        int nameWidth = "model".length();
        for (String m : models) {
            nameWidth = Math.max(nameWidth, m.length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-" + nameWidth + "s", "model"));
        List<Integer> widths = new ArrayList<>();
        for (int c : channels) {
            String name = c == data.channelCount() ? Credit.UNATTRIBUTED : data.channelName(c);
            int w = Math.max(6, name.length());
            widths.add(w);
            sb.append("  ").append(String.format("%" + w + "s", name));
        }
        sb.append('\n');
        for (int m = 0; m < models.size(); m++) {
            long total = 0;
            for (long v : byChannel[m]) {
                total += v;
            }
            sb.append(String.format("%-" + nameWidth + "s", models.get(m)));
            for (int k = 0; k < channels.size(); k++) {
                long v = byChannel[m][channels.get(k)];
                String cell = total == 0
                        ? "-"
                        : BigDecimal.valueOf(v)
                                        .multiply(BigDecimal.valueOf(100))
                                        .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP)
                                        .toPlainString()
                                + "%";
                sb.append("  ").append(String.format("%" + widths.get(k) + "s", cell));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
