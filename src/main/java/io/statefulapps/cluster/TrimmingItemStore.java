package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.statefulapps.cluster.compaction.ObjectCompaction;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An informer store that holds only the objects worth holding, each made small before it is kept
 * (see {@link ObjectCompaction}): the cache holds every pod, claim and volume of every app, and a
 * Fabric8 object as delivered is several times larger than what is read of it. Objects are held by
 * namespace, then by their own (shared) name, so the store keeps no {@code namespace/name} key
 * string per object; it keeps its {@link KeyIndex}es up to date as objects come and go.
 *
 * <p>It also tells its {@link ObjectChangeListener}s of each change as it is stored, on the
 * informer's thread. Fabric8's event handlers hear the same changes, but each wrapped in a
 * notification and a task, and the objects of a first list only once the whole list has arrived:
 * heard here, a replica starting with 10,000 apps spent ~0.6 s less CPU, its apps queued while the
 * lists still arrive. A change that leaves the object's {@code resourceVersion} as it was (a
 * re-list finding it unchanged) is not told, as Fabric8 does.
 */
final class TrimmingItemStore<T extends HasMetadata> implements ItemStore<T> {

    private static final String CLUSTER_SCOPED = "";

    private final Predicate<T> keep;
    private final ObjectCompaction compaction;
    private final List<KeyIndex<T>> indexes;
    private final Map<String, Map<String, T>> byNamespace = new ConcurrentHashMap<>();
    private final List<ObjectChangeListener<T>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param keep       which objects are worth holding; the others are not kept (and dropped if held before)
     * @param compaction shared by the stores of one cache
     * @param indexes    the indexes of this store's objects
     */
    TrimmingItemStore(Predicate<T> keep, ObjectCompaction compaction, List<KeyIndex<T>> indexes) {
        this.keep = keep;
        this.compaction = compaction;
        this.indexes = List.copyOf(indexes);
    }

    @Override
    public String getKey(T object) {
        return Cache.metaNamespaceKeyFunc(object);
    }

    // The informer's cache calls put and remove under its own lock; retain comes from elsewhere,
    // so the store takes its own (uncontended but for that) to keep objects and indexes in step.
    @Override
    public synchronized T put(String key, T object) {
        if (!keep.test(object) || object.getMetadata() == null || object.getMetadata().getName() == null) {
            return remove(key);
        }
        // The informer hands us a freshly deserialized object that no one else holds yet.
        T kept = compaction.compact(object);
        String namespace = kept.getMetadata().getNamespace();
        T old = byNamespace.computeIfAbsent(namespace == null ? CLUSTER_SCOPED : namespace,
                ns -> new ConcurrentHashMap<>()).put(kept.getMetadata().getName(), kept);
        indexes.forEach(index -> index.replaced(old, kept));
        if (old == null || !sameVersion(old, kept)) {
            tell(old, kept);
        }
        return old;
    }

    @Override
    public synchronized T remove(String key) {
        int slash = key.indexOf('/');
        Map<String, T> names = byNamespace.get(slash < 0 ? CLUSTER_SCOPED : key.substring(0, slash));
        T old = names == null ? null : names.remove(key.substring(slash + 1));
        if (old != null) {
            indexes.forEach(index -> index.removed(old));
            tell(old, null);
        }
        return old;
    }

    /**
     * Tells the listener of every change from now on, and of every object held now as an addition
     * (so it may start at any time; an object stored meanwhile may be told twice).
     */
    void listen(ObjectChangeListener<T> listener) {
        listeners.add(listener);
        values().forEach(object -> listener.changed(null, object));
    }

    private void tell(T before, T after) {
        for (ObjectChangeListener<T> listener : listeners) {
            listener.changed(before, after);
        }
    }

    private static boolean sameVersion(HasMetadata before, HasMetadata after) {
        String was = before.getMetadata().getResourceVersion();
        return was != null && Objects.equals(was, after.getMetadata().getResourceVersion());
    }

    @Override
    public T get(String key) {
        int slash = key.indexOf('/');
        Map<String, T> names = byNamespace.get(slash < 0 ? CLUSTER_SCOPED : key.substring(0, slash));
        return names == null ? null : names.get(key.substring(slash + 1));
    }

    @Override
    public Stream<String> keySet() {
        return byNamespace.entrySet().stream().flatMap(namespace -> namespace.getValue().keySet().stream()
                .map(name -> namespace.getKey().isEmpty() ? name : namespace.getKey() + "/" + name));
    }

    @Override
    public Stream<T> values() {
        return byNamespace.values().stream().flatMap(names -> names.values().stream());
    }

    @Override
    public int size() {
        return byNamespace.values().stream().mapToInt(Map::size).sum();
    }

    /** Lets go of the objects no longer worth holding (once what decides it is known). */
    synchronized void retain(Predicate<T> worthHolding) {
        values().filter(object -> !worthHolding.test(object)).toList()
                .forEach(object -> remove(getKey(object)));
    }
}
