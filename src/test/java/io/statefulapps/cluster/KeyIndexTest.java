package io.statefulapps.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The index the watch cache's stores keep: objects by index value, as they come, change and go. */
class KeyIndexTest {

    /** An object of a store: its name and the value it is indexed under. */
    record Item(String name, String app) {
    }

    private final KeyIndex<Item> byApp = new KeyIndex<>(Item::app);

    @Test
    void findsTheObjectsOfEachValue() {
        Item a0 = new Item("a-0", "ns/a");
        Item a1 = new Item("a-1", "ns/a");
        Item b0 = new Item("b-0", "ns/b");
        Item a2 = new Item("a-2", "ns/a");
        List.of(a0, a1, b0, a2).forEach(item -> byApp.replaced(null, item));

        assertEquals(Set.of(a0, a1, a2), Set.copyOf(byApp.objects("ns/a")));
        assertEquals(List.of(b0), byApp.objects("ns/b"));
        assertEquals(List.of(), byApp.objects("ns/c"));
        assertEquals(List.of(), byApp.objects(null));
    }

    @Test
    void aChangedObjectIsFoundAsItIsNowUnderItsValueNow() {
        Item first = new Item("x-0", "ns/a");
        Item neighbour = new Item("a-0", "ns/a");
        byApp.replaced(null, first);
        byApp.replaced(null, neighbour);
        Item updated = new Item("x-0", "ns/a");
        byApp.replaced(first, updated);

        assertEquals(2, byApp.objects("ns/a").size());
        assertSame(updated, byApp.objects("ns/a").stream().filter(i -> i.name().equals("x-0")).findFirst().orElseThrow());

        Item moved = new Item("x-0", "ns/b");
        byApp.replaced(updated, moved);
        assertEquals(List.of(neighbour), byApp.objects("ns/a"));
        assertSame(moved, byApp.objects("ns/b").get(0));
    }

    @Test
    void removedObjectsAreForgottenAndAValueWithoutObjectsGoes() {
        Item a0 = new Item("a-0", "ns/a");
        Item a1 = new Item("a-1", "ns/a");
        Item a2 = new Item("a-2", "ns/a");
        List.of(a0, a1, a2).forEach(item -> byApp.replaced(null, item));

        byApp.removed(a1);
        assertEquals(Set.of(a0, a2), Set.copyOf(byApp.objects("ns/a")));
        byApp.removed(a0);
        byApp.removed(a0);
        assertEquals(List.of(a2), byApp.objects("ns/a"));
        byApp.removed(a2);
        assertEquals(List.of(), byApp.objects("ns/a"));
    }

    @Test
    void anObjectWithoutValueIsNotIndexed() {
        byApp.replaced(null, new Item("loose", null));

        assertEquals(List.of(), byApp.objects("null"));
    }
}
