package io.github.attribution;

import io.github.attribution.data.Dataset;
import io.github.attribution.journey.Journeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * The credits of several models over the same journeys: one {@link CreditTable} per model, covering
 * every opportunity, in the order the models were given. Immutable and thread-safe.
 */
public final class AttributionResult {
    private final Journeys journeys;
    private final List<CreditTable> tables;
    private volatile Map<String, Integer> opportunityIndex;

    AttributionResult(Journeys journeys, List<CreditTable> tables) {
        this.journeys = journeys;
        this.tables = List.copyOf(tables);
    }

    /** The journeys every model was run on. */
    public Journeys journeys() {
        return journeys;
    }

    /** The dataset. */
    public Dataset dataset() {
        return journeys.dataset();
    }

    /** The models' names, in the order given. */
    public List<String> models() {
        return tables.stream().map(CreditTable::model).collect(Collectors.toList());
    }

    /** Every model's table, in the order given. */
    public List<CreditTable> tables() {
        return tables;
    }

    /**
     * The table of the model named {@code model}.
     *
     * @throws NoSuchElementException if no model of that name was run
     */
    public CreditTable table(String model) {
        for (CreditTable t : tables) {
            if (t.model().equals(model)) {
                return t;
            }
        }
        throw new NoSuchElementException("no model named '" + model + "' in this result; models: " + models());
    }

    /**
     * The credits of opportunity {@code opportunityId} under {@code model}, in journey order.
     *
     * @throws NoSuchElementException if the model or the opportunity is unknown
     */
    public List<Credit> credits(String model, String opportunityId) {
        Integer opp = index().get(opportunityId);
        if (opp == null) {
            throw new NoSuchElementException("no opportunity '" + opportunityId + "'");
        }
        return table(model).credits(opp);
    }

    private Map<String, Integer> index() {
        Map<String, Integer> index = opportunityIndex;
        if (index == null) {
            Dataset data = dataset();
            index = new HashMap<>();
            for (int o = 0; o < data.opportunityCount(); o++) {
                index.put(data.opportunityId(o), o);
            }
            opportunityIndex = index;
        }
        return index;
    }
}
