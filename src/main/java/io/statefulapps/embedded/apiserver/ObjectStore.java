package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The API server's storage: every object of every kind in memory, indexed by kind, namespace,
 * labels and owner (and the Services by what they allocate), with one resourceVersion counter for
 * all of them. Writers run whole read-check-write sequences under the write lock ({@link #write}),
 * so versions, optimistic concurrency and the order of watch events agree; readers share the read
 * lock only while they collect references to immutable {@link StoredObject}s.
 *
 * <p>Deletion follows the real server: an object with finalizers is only marked (deletionTimestamp)
 * and goes when a write leaves it without finalizers.
 */
final class ObjectStore {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<ResourceType, TypeStore> types = new HashMap<>();
    private final Map<String, Set<ObjectLocation>> dependents = new HashMap<>();
    private final ServiceAllocations serviceAllocations = new ServiceAllocations();
    private final WatchHub watches;
    private final Clock clock;
    private long version;

    ObjectStore(ResourceCatalog catalog, WatchHub watches, Clock clock, int logCapacity) {
        this.watches = watches;
        this.clock = clock;
        for (ResourceType t : catalog.all()) {
            if (t.stored()) {
                types.put(t, new TypeStore(t, logCapacity));
            }
        }
    }

    <T> T write(Supplier<T> work) {
        return holding(lock.writeLock(), work);
    }

    <T> T read(Supplier<T> work) {
        return holding(lock.readLock(), work);
    }

    private static <T> T holding(Lock held, Supplier<T> work) {
        held.lock();
        try {
            return work.get();
        } finally {
            held.unlock();
        }
    }

    /** The newest resourceVersion: what a list reports. */
    long version() {
        return read(() -> version);
    }

    StoredObject get(ResourceType type, String namespace, String name) {
        return read(() -> of(type).get(ns(namespace), name));
    }

    List<StoredObject> select(ResourceType type, String namespace, LabelSelector labels, FieldSelector fields,
            String afterKey) {
        return read(() -> of(type).select(namespace == null ? null : ns(namespace), labels, fields, afterKey));
    }

    /** One page of a list: the first {@code limit} matches after {@code afterKey} and how many more there are. */
    TypeStore.Selection select(ResourceType type, String namespace, LabelSelector labels, FieldSelector fields,
            String afterKey, int limit) {
        return read(() -> of(type).select(namespace == null ? null : ns(namespace), labels, fields, afterKey, limit));
    }

    EventLog log(ResourceType type) {
        return of(type).log();
    }

    /** The cluster IPs and node ports the stored Services hold; read and changed under {@link #write} only. */
    ServiceAllocations serviceAllocations() {
        requireWriter();
        return serviceAllocations;
    }

    /** Objects whose ownerReferences name {@code uid}. */
    List<ObjectLocation> dependents(String uid) {
        return read(() -> new ArrayList<>(dependents.getOrDefault(uid, Set.of())));
    }

    StoredObject create(ResourceType type, ObjectNode object) {
        requireWriter();
        long v = ++version;
        JsonFields.metadata(object).put("resourceVersion", Long.toString(v));
        StoredObject stored = StoredObject.of(type, object, v);
        put(type, stored);
        allocationsOf(type, stored, object, false);
        publish(type, WatchEventType.ADDED, stored, null);
        return stored;
    }

    /**
     * Stores the new state; an object marked for deletion that has no finalizers left and no grace
     * period running (a Terminating pod waits for its kubelet) goes (DELETED).
     */
    StoredObject replace(ResourceType type, ObjectNode object) {
        requireWriter();
        long v = ++version;
        JsonFields.metadata(object).put("resourceVersion", Long.toString(v));
        StoredObject stored = StoredObject.of(type, object, v);
        // a Namespace also waits for its spec.finalizers (the namespace controller's "kubernetes")
        boolean gone = object.path("metadata").has("deletionTimestamp")
                && object.path("metadata").path("deletionGracePeriodSeconds").asLong(0) == 0
                && object.path("metadata").path("finalizers").isEmpty()
                && object.path("spec").path("finalizers").isEmpty();
        StoredObject old = gone ? remove(type, stored.namespace(), stored.name()) : put(type, stored);
        allocationsOf(type, stored, object, gone);
        publish(type, gone ? WatchEventType.DELETED : WatchEventType.MODIFIED, stored, old);
        return stored;
    }

    /**
     * Deletes, or only marks for deletion when finalizers remain. Answers the object as it is now
     * (marked), or as it was when it went (with the resourceVersion of its deletion).
     */
    StoredObject delete(ResourceType type, String namespace, String name) {
        requireWriter();
        StoredObject old = of(type).get(ns(namespace), name);
        if (old == null) {
            return null;
        }
        ObjectNode tree = old.tree();
        if (!tree.path("metadata").path("finalizers").isEmpty()) {
            if (tree.path("metadata").has("deletionTimestamp")) {
                return old;
            }
            JsonFields.metadata(tree).put("deletionTimestamp", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString())
                    .put("deletionGracePeriodSeconds", 0);
            return replace(type, tree);
        }
        long v = ++version;
        JsonFields.metadata(tree).put("resourceVersion", Long.toString(v));
        StoredObject gone = StoredObject.of(type, tree, v);
        remove(type, old.namespace(), name);
        allocationsOf(type, gone, tree, true);
        publish(type, WatchEventType.DELETED, gone, old);
        return gone;
    }

    private StoredObject put(ResourceType type, StoredObject stored) {
        StoredObject old = of(type).put(stored);
        if (old != null) {
            unlinkOwners(type, old);
        }
        ObjectLocation ref = new ObjectLocation(type, stored.namespace(), stored.name());
        for (String owner : stored.ownerUids()) {
            dependents.computeIfAbsent(owner, o -> new HashSet<>(2)).add(ref);
        }
        return old;
    }

    private StoredObject remove(ResourceType type, String namespace, String name) {
        StoredObject old = of(type).remove(namespace, name);
        if (old != null) {
            unlinkOwners(type, old);
        }
        return old;
    }

    private void allocationsOf(ResourceType type, StoredObject stored, ObjectNode object, boolean gone) {
        if (!type.is("", "services")) {
            return;
        }
        if (gone) {
            serviceAllocations.release(stored.namespace(), stored.name());
        } else {
            serviceAllocations.hold(stored.namespace(), stored.name(), object);
        }
    }

    private void unlinkOwners(ResourceType type, StoredObject old) {
        ObjectLocation ref = new ObjectLocation(type, old.namespace(), old.name());
        for (String owner : old.ownerUids()) {
            Set<ObjectLocation> refs = dependents.get(owner);
            if (refs != null && refs.remove(ref) && refs.isEmpty()) {
                dependents.remove(owner);
            }
        }
    }

    private void publish(ResourceType type, WatchEventType kind, StoredObject now, StoredObject before) {
        boolean selectorsMayDiffer = before != null && (!before.labels().equals(now.labels())
                || !java.util.Arrays.equals(before.fieldValues(), now.fieldValues()));
        EventLog.Entry entry = new EventLog.Entry(now.version(), kind, now, selectorsMayDiffer ? before : null);
        of(type).log().append(entry);
        watches.publish(type, entry);
    }

    private TypeStore of(ResourceType type) {
        return Objects.requireNonNull(types.get(type), () -> type.qualifiedResource() + " is not stored");
    }

    private void requireWriter() {
        if (!lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("store writes run under ObjectStore.write");
        }
    }

    private static String ns(String namespace) {
        return namespace == null ? "" : namespace;
    }
}
