package io.statefulapps.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** The index the watch cache's stores keep: keys by index value, as objects come, change and go. */
class KeyIndexTest {

    /** An object of a store: its key and the value it is indexed under. */
    record Item(String key, String app) {
    }

    private final KeyIndex<Item> byApp = new KeyIndex<>(Item::app);

    private void put(Item before, Item now) {
        byApp.replaced(now.key(), before, now);
    }

    @Test
    void findsTheKeysOfEachValue() {
        put(null, new Item("ns/a-0", "ns/a"));
        put(null, new Item("ns/a-1", "ns/a"));
        put(null, new Item("ns/b-0", "ns/b"));
        put(null, new Item("ns/a-2", "ns/a"));

        assertEquals(Set.of("ns/a-0", "ns/a-1", "ns/a-2"), new HashSet<>(byApp.keys("ns/a")));
        assertEquals(List.of("ns/b-0"), byApp.keys("ns/b"));
        assertEquals(List.of(), byApp.keys("ns/c"));
        assertEquals(List.of(), byApp.keys(null));
    }

    @Test
    void anObjectThatMovesIsFoundUnderItsNewValueOnly() {
        Item first = new Item("ns/x-0", "ns/a");
        put(null, first);
        put(null, new Item("ns/a-0", "ns/a"));
        Item moved = new Item("ns/x-0", "ns/b");
        put(first, moved);
        put(moved, moved);

        assertEquals(List.of("ns/a-0"), byApp.keys("ns/a"));
        assertEquals(List.of("ns/x-0"), byApp.keys("ns/b"));
    }

    @Test
    void removedObjectsAreForgottenAndAValueWithoutKeysGoes() {
        Item a0 = new Item("ns/a-0", "ns/a");
        Item a1 = new Item("ns/a-1", "ns/a");
        Item a2 = new Item("ns/a-2", "ns/a");
        put(null, a0);
        put(null, a1);
        put(null, a2);
        put(null, a1);

        byApp.removed(a1.key(), a1);
        assertEquals(Set.of("ns/a-0", "ns/a-2"), new HashSet<>(byApp.keys("ns/a")));
        byApp.removed(a0.key(), a0);
        byApp.removed(a0.key(), a0);
        assertEquals(List.of("ns/a-2"), byApp.keys("ns/a"));
        byApp.removed(a2.key(), a2);
        assertEquals(List.of(), byApp.keys("ns/a"));
    }

    @Test
    void anObjectWithoutValueIsNotIndexed() {
        put(null, new Item("ns/loose", null));

        assertEquals(List.of(), byApp.keys("null"));
    }
}
