package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.HashMap;
import java.util.Map;

/**
 * An informer store that drops what health never reads ({@code managedFields}, the last-applied
 * annotation) before keeping an object: they are often the larger half of an object, and the cache
 * holds every pod, claim and volume of every app.
 */
final class TrimmingItemStore<T extends HasMetadata> extends BasicItemStore<T> {

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    TrimmingItemStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public T put(String key, T object) {
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
