package io.statefulapps.live;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.List;
import java.util.Map;

/**
 * Everything the watch cache holds about one app. The objects are the cache's own: read them,
 * never change them.
 */
public record CachedApp(
        LiveApp live,
        List<Pod> pods,
        List<PersistentVolumeClaim> claims,
        Map<String, PersistentVolume> volumesByName,
        List<EndpointSlice> endpointSlices,
        List<Event> warningEvents,
        List<StorageClass> storageClasses,
        Map<String, Node> nodes,
        boolean synced) {
}
