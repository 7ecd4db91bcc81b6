package io.statefulapps.cluster;

import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.statefulapps.health.ClusterSnapshot;
import io.statefulapps.health.StorageClassInfo;
import io.statefulapps.spec.TrioNames;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns what the cache holds about one app into the health rules' input. Pure. */
public final class SnapshotFactory {

    static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

    private SnapshotFactory() {
    }

    public static ClusterSnapshot snapshot(CachedApp app, Instant now) {
        LiveApp trio = app.trio();
        String headless = trio.statefulSet() != null && trio.statefulSet().getSpec().getServiceName() != null
                ? trio.statefulSet().getSpec().getServiceName()
                : trio.headlessService() != null ? trio.headlessService().getMetadata().getName()
                        : trio.name() + "-headless";
        String client = trio.clientService() != null ? trio.clientService().getMetadata().getName() : trio.name();
        return new ClusterSnapshot(trio.namespace(), trio.name(), new TrioNames(trio.name(), headless, client),
                trio.statefulSet(), trio.headlessService(), trio.clientService(), app.pods(), app.claims(),
                app.volumesByName(), app.endpointSlices(), app.warningEvents(), storageClasses(app.storageClasses()),
                Map.of(), app.synced(), null, now);
    }

    static Map<String, StorageClassInfo> storageClasses(List<StorageClass> classes) {
        Map<String, StorageClassInfo> byName = new HashMap<>();
        for (StorageClass sc : classes) {
            Map<String, String> annotations = sc.getMetadata().getAnnotations();
            boolean isDefault = annotations != null && "true".equals(annotations.get(DEFAULT_CLASS_ANNOTATION));
            String binding = sc.getVolumeBindingMode() == null ? "Immediate" : sc.getVolumeBindingMode();
            byName.put(sc.getMetadata().getName(), new StorageClassInfo(sc.getMetadata().getName(), binding,
                    Boolean.TRUE.equals(sc.getAllowVolumeExpansion()), isDefault));
        }
        return byName;
    }
}
