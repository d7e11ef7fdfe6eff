package io.github.attribution.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DictionaryTest {
    @Test
    void idsFollowFirstAppearance() {
        Dictionary d = new Dictionary();
        assertEquals(0, d.intern("b"));
        assertEquals(1, d.intern("a"));
        assertEquals(0, d.intern(new String("b")));
        assertEquals(1, d.find("a"));
        assertEquals(-1, d.find("c"));
        assertArrayEquals(new String[] {"b", "a"}, d.names());
    }

    @Test
    void agreesWithAMapOfFirstAppearances() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int distinct = 1 + r.nextInt(r.nextBoolean() ? 10 : 20_000);
            Dictionary d = new Dictionary();
            Map<String, Integer> reference = new HashMap<>();
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 3 * distinct; i++) {
                // equal strings as distinct objects, and colliding hashes ("Aa" and "BB")
                String name = (r.nextBoolean() ? "Aa" : "BB") + r.nextInt(distinct);
                Integer expected = reference.computeIfAbsent(new String(name), k -> {
                    order.add(k);
                    return order.size() - 1;
                });
                assertEquals(expected, d.intern(name));
                assertEquals(expected, d.find(new String(name)));
            }
            assertEquals(order.size(), d.size());
            for (int id = 0; id < order.size(); id++) {
                assertEquals(order.get(id), d.name(id));
            }
        });
    }
}
