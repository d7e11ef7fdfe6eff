package io.github.attribution.cli;

import io.github.attribution.ModelInfo;
import io.github.attribution.Models;

/** {@code models}: every model with its family, description, parameters and defaults. */
final class ModelsCommand implements Command {
    @Override
    public String name() {
        return "models";
    }

    @Override
    public String summary() {
        return "lists every model, its parameters and defaults";
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
    public int run(Args args, Context context) {
        StringBuilder sb = new StringBuilder();
        for (ModelInfo m : Models.catalog()) {
            sb.append(String.format("%-22s %-13s %s%n", m.name(), m.family().label(), m.description()));
            for (ModelInfo.Parameter p : m.parameters()) {
                sb.append(String.format(
                        "    %s=%s  %s%n",
                        p.name(), p.defaultValue().isEmpty() ? "(none)" : p.defaultValue(), p.description()));
            }
        }
        sb.append("\nUse as --model NAME or --model NAME:key=value,... (e.g. time-decay:half-life-days=14).");
        context.out().println(sb);
        return 0;
    }
}
