package io.statefulapps.cluster.compaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fabric8.kubernetes.api.model.Quantity;
import io.statefulapps.kubernetes.BoundedInterner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the compaction shares and what it keeps apart (amounts by their text, other maps by order). */
class SharedValuesTest {

    // JUnit makes one test instance per test: each starts with empty tables.
    private final ValueCompaction values = new ValueCompaction(12);

    private static Map<String, Quantity> amounts(String... keysAndAmounts) {
        Map<String, Quantity> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndAmounts.length; i += 2) {
            map.put(keysAndAmounts[i], new Quantity(keysAndAmounts[i + 1]));
        }
        return map;
    }

    @Test
    void amountsWrittenAlikeAreOneInstance() {
        Map<String, Quantity> first = values.quantities(amounts("storage", "1Gi"));
        Map<String, Quantity> second = values.quantities(amounts("storage", "1Gi"));
        assertSame(first, second);
        assertEquals("1Gi", second.get("storage").toString());
    }

    @Test
    void equalAmountsWrittenDifferentlyKeepTheirOwnText() {
        Map<String, Quantity> gibi = values.quantities(amounts("storage", "1Gi"));
        Map<String, Quantity> mebi = values.quantities(amounts("storage", "1024Mi"));
        assertNotSame(gibi, mebi);
        assertEquals("1024Mi", mebi.get("storage").toString());
        assertEquals(gibi, mebi, "still equal maps: 1Gi is 1024Mi");
        assertEquals(gibi.hashCode(), mebi.hashCode(), "so their hash codes agree");
    }

    @Test
    void aFrozenMapHashesAsTheMapItCopies() {
        Map<String, String> labels = new LinkedHashMap<>(Map.of("app", "db", "tier", "data"));
        Map<String, Quantity> requests = amounts("cpu", "500m", "memory", "1Gi");
        assertEquals(labels.hashCode(), values.labels(labels).hashCode());
        assertEquals(labels, values.labels(labels));
        assertEquals(requests.hashCode(), values.quantities(requests).hashCode());
    }

    @Test
    void labelMapsInAnotherOrderAreNotShared() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        Map<String, String> heldAb = values.labels(ab);
        Map<String, String> heldBa = values.labels(ba);
        assertNotSame(heldAb, heldBa);
        assertEquals(List.of("b", "a"), List.copyOf(heldBa.keySet()));
        assertSame(heldBa, values.labels(new LinkedHashMap<>(ba)), "the last of the two holds their common slot");
    }

    @Test
    void anInternerComparesOnlyWhatHashesAlikeAndNeverReturnsAnUnequalValue() {
        // Every value in one slot (hash by length), compared by equals: a differing value of the same
        // length takes the slot, one of another length is told apart by its hash alone.
        BoundedInterner<String> interner = new BoundedInterner<>(4, String::equals, String::length);
        String abc = new String("abc");
        assertSame(abc, interner.intern(abc));
        assertSame(abc, interner.intern(new String("abc")));
        String xyz = new String("xyz");
        assertSame(xyz, interner.intern(xyz), "same hash, not equal: replaces");
        String abcd = new String("abcd");
        assertSame(abcd, interner.intern(abcd));
        assertEquals("xyz", interner.intern(new String("xyz")));
    }
}
