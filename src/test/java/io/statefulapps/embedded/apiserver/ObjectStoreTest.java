package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The indexed store on its own: versions, indexes, paging, finalizers, owners, the bounded change log. */
class ObjectStoreTest {

    private static final int LOG_CAPACITY = 3;

    private final ResourceCatalog catalog = new ResourceCatalog();
    private final ObjectStore store = new ObjectStore(catalog, new WatchHub(),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), LOG_CAPACITY);
    private final ResourceType pods = catalog.get("", "pods");
    private final ResourceType configMaps = catalog.get("", "configmaps");

    private static ObjectNode object(String namespace, String name, Map<String, String> labels) {
        ObjectNode o = JsonText.object();
        ObjectNode meta = o.putObject("metadata").put("name", name).put("uid", "uid-" + namespace + "-" + name);
        if (namespace != null) {
            meta.put("namespace", namespace);
        }
        ObjectNode l = meta.putObject("labels");
        labels.forEach(l::put);
        return o;
    }

    private StoredObject create(ResourceType type, ObjectNode object) {
        return store.write(() -> store.create(type, object));
    }

    private List<String> keys(List<StoredObject> objects) {
        return objects.stream().map(StoredObject::key).toList();
    }

    @Test
    void everyWriteOfEveryKindTakesTheNextResourceVersion() {
        long first = create(pods, object("a", "p", Map.of())).version();
        long second = create(configMaps, object("a", "c", Map.of())).version();
        ObjectNode changed = store.get(pods, "a", "p").tree();
        changed.put("spec", "x");
        long third = store.write(() -> store.replace(pods, changed)).version();
        assertEquals(List.of(first + 1, first + 2), List.of(second, third));
        assertEquals(third, store.version());
        assertEquals(Long.toString(third), store.get(pods, "a", "p").tree().path("metadata").path("resourceVersion")
                .asText());
    }

    @Test
    void selectorsAnswerFromTheIndexInNamespaceAndNameOrder() {
        for (String ns : new String[] {"b", "a"}) {
            for (int i = 3; i >= 0; i--) {
                create(pods, object(ns, "p" + i, Map.of("app", i % 2 == 0 ? "even" : "odd", "tier", "web")));
            }
        }
        assertEquals(List.of("a/p0", "a/p2"), keys(store.select(pods, "a", LabelSelector.parse("app=even"),
                FieldSelector.EVERYTHING, null)));
        assertEquals(List.of("a/p0", "a/p2", "b/p0", "b/p2"), keys(store.select(pods, null,
                LabelSelector.parse("app in (even),tier"), FieldSelector.EVERYTHING, null)));
        assertEquals(List.of("b/p1", "b/p3"), keys(store.select(pods, "b", LabelSelector.parse("app!=even"),
                FieldSelector.EVERYTHING, null)));
        assertEquals(List.of("a/p3"), keys(store.select(pods, null, LabelSelector.parse("app=odd"),
                FieldSelector.parse(pods, "metadata.namespace=a,metadata.name!=p1"), null)));
        assertTrue(store.select(pods, "c", LabelSelector.EVERYTHING, FieldSelector.EVERYTHING, null).isEmpty());
    }

    @Test
    void aPageContinuesAfterTheLastKeyAcrossNamespaces() {
        for (String key : new String[] {"a/x", "a/y", "b/x", "c/z"}) {
            create(configMaps, object(key.substring(0, 1), key.substring(2), Map.of()));
        }
        assertEquals(List.of("b/x", "c/z"), keys(store.select(configMaps, null, LabelSelector.EVERYTHING,
                FieldSelector.EVERYTHING, "a/y")));
        assertEquals(List.of("a/y"), keys(store.select(configMaps, "a", LabelSelector.EVERYTHING,
                FieldSelector.EVERYTHING, "a/x")));
    }

    @Test
    void anObjectWithFinalizersIsMarkedAndGoesWhenTheLastOneIsRemoved() {
        ObjectNode held = object("a", "held", Map.of());
        JsonFields.metadata(held).putArray("finalizers").add("example.com/hold");
        create(configMaps, held);
        StoredObject marked = store.write(() -> store.delete(configMaps, "a", "held"));
        assertEquals("2026-01-01T00:00:00Z", marked.tree().path("metadata").path("deletionTimestamp").asText());
        assertNotNull(store.get(configMaps, "a", "held"));
        ObjectNode released = marked.tree();
        JsonFields.metadata(released).putArray("finalizers");
        store.write(() -> store.replace(configMaps, released));
        assertNull(store.get(configMaps, "a", "held"));
        List<WatchEventType> changes = store.read(() -> store.log(configMaps).after(0)).stream()
                .map(EventLog.Entry::type).toList();
        assertEquals(List.of(WatchEventType.MODIFIED, WatchEventType.DELETED), changes.subList(1, 3));
    }

    @Test
    void theOwnerIndexFindsDependentsAndForgetsThemWhenTheyGo() {
        ObjectNode owned = object("a", "owned", Map.of());
        JsonFields.metadata(owned).putArray("ownerReferences").addObject().put("uid", "owner-1").put("kind", "X")
                .put("name", "owner").put("apiVersion", "v1");
        create(pods, owned);
        assertEquals(List.of(new ObjectLocation(pods, "a", "owned")), store.dependents("owner-1"));
        store.write(() -> store.delete(pods, "a", "owned"));
        assertTrue(store.dependents("owner-1").isEmpty());
    }

    @Test
    void theChangeLogForgetsBeyondItsCapacity() {
        long first = create(configMaps, object("log", "c0", Map.of())).version();
        for (int i = 1; i <= LOG_CAPACITY + 1; i++) {
            create(configMaps, object("log", "c" + i, Map.of()));
        }
        EventLog log = store.log(configMaps);
        assertFalse(store.read(() -> log.covers(first)));
        long last = store.version();
        assertTrue(store.read(() -> log.covers(last - 2)));
        assertEquals(2, store.read(() -> log.after(last - 2)).size());
    }

    @Test
    void writesOutsideTheWriteLockAreRefused() {
        assertThrows(IllegalStateException.class, () -> store.create(pods, object("a", "p", Map.of())));
    }
}
