package io.statefulapps.live;

import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.statefulapps.health.ClusterSnapshot;
import io.statefulapps.health.NodeInfo;
import io.statefulapps.health.StorageClassInfo;
import io.statefulapps.kubernetes.WellKnownLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns what the cache holds about one app into the health rules' input. Pure. */
public final class SnapshotFactory {


    private SnapshotFactory() {
    }

    /**
     * @param staleFor how long the watches have been broken, when that is past the point where
     *                 reports must say so; null while they are live
     */
    public static ClusterSnapshot snapshot(CachedApp app, Duration staleFor, Instant now) {
        LiveApp trio = app.live();
        Map<String, NodeInfo> nodes = new HashMap<>();
        app.nodes().forEach((name, node) -> nodes.put(name, NodeInfo.of(node)));
        return new ClusterSnapshot(trio.namespace(), trio.name(), trio.names(),
                trio.statefulSet(), trio.headlessService(), trio.clientService(), app.pods(), app.claims(),
                app.volumesByName(), app.endpointSlices(), app.warningEvents(), storageClasses(app.storageClasses()),
                nodes, app.synced(), staleFor, now);
    }

    static Map<String, StorageClassInfo> storageClasses(List<StorageClass> classes) {
        Map<String, StorageClassInfo> byName = new HashMap<>();
        for (StorageClass sc : classes) {
            Map<String, String> annotations = sc.getMetadata().getAnnotations();
            boolean isDefault = annotations != null && "true".equals(annotations.get(WellKnownLabels.DEFAULT_STORAGE_CLASS));
            String binding = sc.getVolumeBindingMode() == null ? "Immediate" : sc.getVolumeBindingMode();
            byName.put(sc.getMetadata().getName(), new StorageClassInfo(sc.getMetadata().getName(), binding,
                    Boolean.TRUE.equals(sc.getAllowVolumeExpansion()), isDefault));
        }
        return byName;
    }
}
