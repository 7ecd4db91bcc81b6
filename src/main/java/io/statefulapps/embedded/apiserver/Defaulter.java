package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.kubernetes.WellKnownLabels;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Create- and update-time defaults per kind: what the real API server's defaulting and
 * admission add, limited to what clients of this project read back.
 */
final class Defaulter {

    private static final java.util.Set<String> RESET_STATUS_ON_CREATE = java.util.Set.of(
            "statefulsets", "pods", "persistentvolumeclaims", "persistentvolumes", "services");

    private final Store store;
    private final ResourceCatalog catalog;
    private final ServiceDefaults services = new ServiceDefaults();

    Defaulter(Store store, ResourceCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    void onCreate(ResourceType type, ObjectNode obj) {
        obj.put("apiVersion", type.groupVersion()).put("kind", type.kind());
        ObjectNode meta = JsonFields.metadata(obj);
        meta.put("uid", UUID.randomUUID().toString());
        meta.put("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.put("generation", 1);
        meta.remove("resourceVersion");
        meta.remove("deletionTimestamp");
        if (RESET_STATUS_ON_CREATE.contains(type.plural())) {
            // the real server's create strategies drop a client-sent status for these kinds
            obj.remove("status");
        }
        kindDefaults(type, null, obj);
    }

    void onUpdate(ResourceType type, ObjectNode old, ObjectNode obj) {
        obj.put("apiVersion", type.groupVersion()).put("kind", type.kind());
        ObjectNode meta = JsonFields.metadata(obj);
        JsonNode oldMeta = old.path("metadata");
        for (String field : new String[] {"uid", "creationTimestamp", "namespace", "name"}) {
            if (oldMeta.has(field)) {
                meta.set(field, oldMeta.get(field));
            }
        }
        if (!meta.has("resourceVersion") && oldMeta.has("resourceVersion")) {
            meta.set("resourceVersion", oldMeta.get("resourceVersion"));
        }
        kindDefaults(type, old, obj);
        // generation counts spec changes only (status and metadata writes leave it alone)
        long generation = oldMeta.path("generation").asLong(1);
        boolean specChanged = !old.path("spec").equals(obj.path("spec"));
        meta.put("generation", specChanged ? generation + 1 : generation);
    }

    private void kindDefaults(ResourceType type, ObjectNode old, ObjectNode obj) {
        switch (type.plural()) {
            case "services" -> {
                if (old == null) {
                    services.onCreate(obj);
                } else {
                    services.onUpdate(old, obj);
                }
            }
            case "statefulsets" -> {
                statefulSet(obj);
                JsonFields.putIfAbsent(JsonFields.obj(obj, "status"), "replicas", 0);
                JsonFields.putIfAbsent(JsonFields.obj(obj, "status"), "availableReplicas", 0);
            }
            case "pods" -> {
                PodSpecDefaults.apply(JsonFields.obj(obj, "spec"));
                JsonFields.putIfAbsent(JsonFields.obj(obj, "status"), "phase", "Pending");
            }
            case "persistentvolumeclaims" -> {
                ObjectNode spec = JsonFields.obj(obj, "spec");
                JsonFields.putIfAbsent(spec, "volumeMode", "Filesystem");
                if (old == null && !spec.has("storageClassName")) {
                    String def = defaultStorageClass();
                    if (def != null) {
                        spec.put("storageClassName", def);
                    }
                }
                JsonFields.putIfAbsent(JsonFields.obj(obj, "status"), "phase", "Pending");
            }
            case "persistentvolumes" -> {
                ObjectNode spec = JsonFields.obj(obj, "spec");
                JsonFields.putIfAbsent(spec, "volumeMode", "Filesystem");
                JsonFields.putIfAbsent(spec, "persistentVolumeReclaimPolicy", "Retain");
                JsonFields.putIfAbsent(JsonFields.obj(obj, "status"), "phase", "Pending");
            }
            case "storageclasses" -> {
                JsonFields.putIfAbsent(obj, "reclaimPolicy", "Delete");
                JsonFields.putIfAbsent(obj, "volumeBindingMode", "Immediate");
            }
            case "namespaces" -> {
                JsonFields.obj(JsonFields.metadata(obj), "labels").put("kubernetes.io/metadata.name",
                        JsonFields.text(obj, "metadata.name"));
                if (!obj.path("spec").has("finalizers")) {
                    JsonFields.obj(obj, "spec").putArray("finalizers").add("kubernetes");
                }
                JsonFields.putIfAbsent(JsonFields.obj(obj, "status"), "phase", "Active");
            }
            default -> {
                // no kind-specific defaults
            }
        }
    }

    private void statefulSet(ObjectNode sts) {
        ObjectNode spec = JsonFields.obj(sts, "spec");
        JsonFields.putIfAbsent(spec, "replicas", 1);
        JsonFields.putIfAbsent(spec, "podManagementPolicy", "OrderedReady");
        JsonFields.putIfAbsent(spec, "revisionHistoryLimit", 10);
        ObjectNode strategy = JsonFields.obj(spec, "updateStrategy");
        JsonFields.putIfAbsent(strategy, "type", "RollingUpdate");
        if (strategy.get("type").asText().equals("RollingUpdate")) {
            JsonFields.putIfAbsent(JsonFields.obj(strategy, "rollingUpdate"), "partition", 0);
        }
        ObjectNode retention = JsonFields.obj(spec, "persistentVolumeClaimRetentionPolicy");
        JsonFields.putIfAbsent(retention, "whenDeleted", "Retain");
        JsonFields.putIfAbsent(retention, "whenScaled", "Retain");
        PodSpecDefaults.apply(JsonFields.obj(JsonFields.obj(spec, "template"), "spec"));
        JsonNode templates = spec.get("volumeClaimTemplates");
        if (templates != null && templates.isArray()) {
            for (JsonNode t : templates) {
                ObjectNode claim = (ObjectNode) t;
                JsonFields.putIfAbsent(claim, "apiVersion", "v1");
                JsonFields.putIfAbsent(claim, "kind", "PersistentVolumeClaim");
                JsonFields.putIfAbsent(JsonFields.obj(claim, "spec"), "volumeMode", "Filesystem");
                JsonFields.putIfAbsent(JsonFields.obj(claim, "status"), "phase", "Pending");
            }
        }
    }

    private String defaultStorageClass() {
        ResourceType sc = catalog.find("storage.k8s.io", "v1", "storageclasses").orElseThrow();
        return store.list(sc, null).stream()
                .filter(c -> "true".equals(c.path("metadata").path("annotations").path(WellKnownLabels.DEFAULT_STORAGE_CLASS)
                        .asText(null)))
                .map(c -> JsonFields.text(c, "metadata.name")).findFirst().orElse(null);
    }
}
