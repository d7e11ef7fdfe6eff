package io.github.attribution.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Interns strings to dense ids {@code 0..size-1}, in order of first appearance. Not thread-safe. */
final class Dictionary {
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] names = new String[16];
    private int size;

    int intern(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
        }
        names[size] = name;
        ids.put(name, size);
        return size++;
    }

    /** The id of {@code name}, or -1. */
    int find(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    int size() {
        return size;
    }

    String name(int id) {
        return names[id];
    }

    String[] names() {
        return Arrays.copyOf(names, size);
    }
}
