package io.github.attribution.datadriven;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Channel names interned to dense ids while data is added; {@link #canonical()} then renumbers them
 * in name order ({@code String.compareTo}), so that ids, and everything keyed by them, do not depend
 * on the order in which the data arrived.
 */
final class Channels {
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] names = new String[16];
    private int size;

    int size() {
        return size;
    }

    /** The id of {@code name}, interning it when new. */
    int id(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        if (name == null) {
            throw new NullPointerException("channel must not be null");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("channel must not be blank: '" + name + "'");
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
        }
        names[size] = name;
        ids.put(name, size);
        return size++;
    }

    /**
     * The names sorted, and in {@code rank} each current id's position among them: {@code
     * sorted[rank[id]]} is the name of {@code id}.
     */
    String[] canonical(int[] rank) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
        String[] sorted = new String[size];
        for (int r = 0; r < size; r++) {
            sorted[r] = names[order[r]];
            rank[order[r]] = r;
        }
        return sorted;
    }

    /** An index of sorted, distinct names: name to position. */
    static Map<String, Integer> index(List<String> sorted) {
        Map<String, Integer> index = new HashMap<>(sorted.size() * 2);
        for (int i = 0; i < sorted.size(); i++) {
            index.put(Objects.requireNonNull(sorted.get(i)), i);
        }
        return index;
    }
}
