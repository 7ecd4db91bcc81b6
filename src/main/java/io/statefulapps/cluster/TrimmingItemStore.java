package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.statefulapps.cluster.compaction.ObjectCompaction;
import java.util.List;
import java.util.function.Predicate;

/**
 * An informer store that holds only the objects worth holding, each made small before it is kept
 * (see {@link ObjectCompaction}): the cache holds every pod, claim and volume of every app, and a
 * Fabric8 object as delivered is several times larger than what is read of it. It keeps its
 * {@link KeyIndex}es up to date as objects come and go.
 */
final class TrimmingItemStore<T extends HasMetadata> extends BasicItemStore<T> {

    private final Predicate<T> keep;
    private final ObjectCompaction compaction;
    private final List<KeyIndex<T>> indexes;

    /**
     * @param keep       which objects are worth holding; the others are not kept (and dropped if held before)
     * @param compaction shared by the stores of one cache
     * @param indexes    the indexes of this store's objects
     */
    TrimmingItemStore(Predicate<T> keep, ObjectCompaction compaction, List<KeyIndex<T>> indexes) {
        super(Cache::metaNamespaceKeyFunc);
        this.keep = keep;
        this.compaction = compaction;
        this.indexes = List.copyOf(indexes);
    }

    // The informer's cache calls put and remove under its own lock; retain comes from elsewhere,
    // so the store takes its own (uncontended but for that) to keep objects and indexes in step.
    @Override
    public synchronized T put(String key, T object) {
        if (!keep.test(object)) {
            return remove(key);
        }
        // The informer hands us a freshly deserialized object that no one else holds yet.
        T kept = compaction.compact(object);
        T old = super.put(key, kept);
        indexes.forEach(index -> index.replaced(key, old, kept));
        return old;
    }

    @Override
    public synchronized T remove(String key) {
        T old = super.remove(key);
        if (old != null) {
            indexes.forEach(index -> index.removed(key, old));
        }
        return old;
    }

    /** Lets go of the objects no longer worth holding (once what decides it is known). */
    synchronized void retain(Predicate<T> worthHolding) {
        keySet().toList().forEach(key -> {
            T object = get(key);
            if (object != null && !worthHolding.test(object)) {
                remove(key);
            }
        });
    }
}
