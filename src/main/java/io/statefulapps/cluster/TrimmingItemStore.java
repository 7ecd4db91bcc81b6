package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An informer store that holds only the objects worth holding, and drops what health never reads ({@code managedFields}, the last-applied
 * annotation) before keeping an object: they are often the larger half of an object, and the cache
 * holds every pod, claim and volume of every app.
 */
final class TrimmingItemStore<T extends HasMetadata> extends BasicItemStore<T> {

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private final Predicate<T> keep;

    /** @param keep which objects are worth holding; the others are not kept (and dropped if held before) */
    TrimmingItemStore(Predicate<T> keep) {
        super(Cache::metaNamespaceKeyFunc);
        this.keep = keep;
    }

    @Override
    public T put(String key, T object) {
        if (!keep.test(object)) {
            return super.remove(key);
        }
        // The informer hands us a freshly deserialized object that no one else holds yet.
        trim(object.getMetadata());
        return super.put(key, object);
    }

    static void trim(ObjectMeta metadata) {
        if (metadata == null) {
            return;
        }
        metadata.setManagedFields(null);
        Map<String, String> annotations = metadata.getAnnotations();
        if (annotations != null && annotations.containsKey(LAST_APPLIED)) {
            Map<String, String> kept = new HashMap<>(annotations);
            kept.remove(LAST_APPLIED);
            metadata.setAnnotations(kept);
        }
    }
}
