package io.github.attribution.report;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.StageIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A funnel: an ordered list of stage names, such as {@code lead, mql, sql, opportunity, won}. The
 * names are the user's, matched exactly against the stage history; {@code lead}, {@code opportunity}
 * and {@code won} are also implied by the other files (see {@link StageIndex}).
 *
 * <pre>{@code
 * Funnel funnel = Funnel.parse("lead,mql,sql,opportunity,won");
 * Funnel standard = Funnel.standard(dataset); // from what the files hold
 * }</pre>
 *
 * @param stages the stage names in funnel order; copied
 */
public record Funnel(List<String> stages) {
    /**
     * Copies and validates the stages.
     *
     * @throws IllegalArgumentException if there are none, or one is empty or repeated
     */
    public Funnel {
        Objects.requireNonNull(stages, "stages must not be null");
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a funnel needs at least one stage");
        }
        Set<String> seen = new HashSet<>();
        for (String s : stages) {
            if (s.isBlank()) {
                throw new IllegalArgumentException("a funnel stage name must not be empty");
            }
            if (!seen.add(s)) {
                throw new IllegalArgumentException("funnel stage '" + s + "' is given twice");
            }
        }
    }

    /** The funnel of a comma-separated list of stage names, {@code "lead,mql,sql,opportunity,won"}. */
    public static Funnel parse(String text) {
        Objects.requireNonNull(text, "text must not be null");
        List<String> list = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            list.add(part.trim());
        }
        return new Funnel(list);
    }

    /**
     * The funnel the data implies: {@code lead} (when any person has a lead-creation date or a {@code
     * lead} row), then the stages of the stage history entered mostly by people, {@code opportunity},
     * the stages entered mostly by opportunities, and {@code won} (when any opportunity was won). Stages
     * of each kind go from the most records to the fewest (a funnel narrows), ties by name.
     */
    public static Funnel standard(Dataset data) {
        StageIndex index = data.stageIndex();
        List<Integer> people = new ArrayList<>();
        List<Integer> opps = new ArrayList<>();
        for (int s = 0; s < index.size(); s++) {
            String name = index.name(s);
            if (name.equals(StageIndex.LEAD) || name.equals(StageIndex.OPPORTUNITY) || name.equals(StageIndex.WON)) {
                continue;
            }
            if (index.personRecords(s) >= index.opportunityRecords(s)) {
                people.add(s);
            } else {
                opps.add(s);
            }
        }
        List<String> stages = new ArrayList<>();
        int lead = index.find(StageIndex.LEAD);
        if (index.personRecords(lead) + index.opportunityRecords(lead) > 0) {
            stages.add(StageIndex.LEAD);
        }
        addByCount(index, people, stages);
        stages.add(StageIndex.OPPORTUNITY);
        addByCount(index, opps, stages);
        int won = index.find(StageIndex.WON);
        if (index.personRecords(won) + index.opportunityRecords(won) > 0) {
            stages.add(StageIndex.WON);
        }
        return new Funnel(stages);
    }

    private static void addByCount(StageIndex index, List<Integer> ids, List<String> into) {
        ids.sort((a, b) -> {
            long ra = index.personRecords(a) + index.opportunityRecords(a);
            long rb = index.personRecords(b) + index.opportunityRecords(b);
            return ra != rb ? Long.compare(rb, ra) : index.name(a).compareTo(index.name(b));
        });
        ids.forEach(s -> into.add(index.name(s)));
    }

    /** The number of stages. */
    public int size() {
        return stages.size();
    }

    /**
     * The stage numbers of {@code index} for this funnel's stages, in funnel order.
     *
     * @throws IllegalArgumentException naming a stage no record entered, with the known stages
     */
    public int[] resolve(StageIndex index) {
        int[] ids = new int[stages.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = index.find(stages.get(i));
            if (ids[i] < 0) {
                throw new IllegalArgumentException("funnel stage '" + stages.get(i)
                        + "' is not in the stage history; the stages are: " + String.join(", ", index.names()));
            }
        }
        return ids;
    }

    /** {@code lead,mql,sql,opportunity,won}, which {@link #parse} reads back. */
    @Override
    public String toString() {
        return String.join(",", stages);
    }
}
