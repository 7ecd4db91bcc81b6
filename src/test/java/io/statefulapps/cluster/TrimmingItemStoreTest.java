package io.statefulapps.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.statefulapps.cluster.compaction.ObjectCompaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The watch cache's store: keeps what is worth keeping, compacted, with its index in step. */
class TrimmingItemStoreTest {

    private final AtomicReference<Predicate<Event>> worthHolding = new AtomicReference<>(e -> true);
    private final KeyIndex<Event> byObject = new KeyIndex<>(e -> e.getInvolvedObject().getName());
    private final TrimmingItemStore<Event> store = new TrimmingItemStore<>(e -> worthHolding.get().test(e),
            new ObjectCompaction(), List.of(byObject));

    private static Event event(String name, String about) {
        return new EventBuilder().withNewMetadata().withName(name).withNamespace("ns").endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName(about).endInvolvedObject()
                .withType("Warning").withReason("BackOff").build();
    }

    private void put(Event event) {
        store.put(Cache.metaNamespaceKeyFunc(event), event);
    }

    @Test
    void keepsCompactedObjectsFoundThroughTheIndex() {
        Event event = event("e1", "web-0");
        put(event);

        assertSame(event, store.get("ns/e1"));
        assertEquals(List.of(event), byObject.objects("web-0"));
        assertEquals(List.of("ns/e1"), store.keySet().toList());
        assertThrows(UnsupportedOperationException.class, () -> store.get("ns/e1").getMetadata().getLabels().put("a", "b"));
    }

    @Test
    void anObjectNoLongerWorthHoldingIsLetGoWithItsIndexEntry() {
        put(event("e1", "web-0"));
        worthHolding.set(e -> false);
        put(event("e1", "web-0"));

        assertNull(store.get("ns/e1"));
        assertEquals(List.of(), byObject.objects("web-0"));
        assertEquals(0, store.size());
    }

    @Test
    void retainLetsGoOfWhatIsNotWorthHoldingOnceThatIsKnown() {
        put(event("e1", "web-0"));
        put(event("e2", "other-0"));
        put(event("e3", "web-1"));

        store.retain(e -> e.getInvolvedObject().getName().startsWith("web-"));

        assertEquals(Set.of("ns/e1", "ns/e3"), Set.copyOf(store.keySet().toList()));
        assertEquals(List.of(), byObject.objects("other-0"));
        assertEquals(List.of("e3"), byObject.objects("web-1").stream().map(e -> e.getMetadata().getName()).toList());
    }

    /** What a listener heard, one line per change: "+name", "~name@version" or "-name". */
    private List<String> heard() {
        List<String> heard = new ArrayList<>();
        store.listen((before, after) -> heard.add(after == null ? "-" + before.getMetadata().getName()
                : before == null ? "+" + after.getMetadata().getName()
                : "~" + after.getMetadata().getName() + "@" + after.getMetadata().getResourceVersion()));
        return heard;
    }

    private static Event version(Event event, String resourceVersion) {
        event.getMetadata().setResourceVersion(resourceVersion);
        return event;
    }

    @Test
    void listenersHearEachChangeAsItIsStored() {
        List<String> heard = heard();

        put(version(event("e1", "web-0"), "1"));
        put(version(event("e1", "web-0"), "2"));
        store.remove("ns/e1");
        store.remove("ns/e1");

        assertEquals(List.of("+e1", "~e1@2", "-e1"), heard);
    }

    @Test
    void aReListFindingAnObjectAsItWasIsNotHeard() {
        put(version(event("e1", "web-0"), "7"));
        List<String> heard = heard();

        put(version(event("e1", "web-0"), "7"));

        assertEquals(List.of("+e1"), heard, "only the replay of what was held when listening began");
    }

    @Test
    void aListenerStartingLateHearsWhatIsHeldAsAdditions() {
        put(event("e1", "web-0"));
        put(event("e2", "web-1"));

        assertEquals(Set.of("+e1", "+e2"), Set.copyOf(heard()));
    }

    @Test
    void objectsLetGoOfAreHeardAsRemoved() {
        put(event("e1", "web-0"));
        put(event("e2", "other-0"));
        List<String> heard = heard();
        heard.clear();

        store.retain(e -> e.getInvolvedObject().getName().startsWith("web-"));
        worthHolding.set(e -> false);
        put(event("e1", "web-0"));

        assertEquals(List.of("-e2", "-e1"), heard);
    }
}
