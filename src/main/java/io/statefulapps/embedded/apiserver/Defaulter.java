package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.kubernetes.WellKnownLabels;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * Create- and update-time defaults per kind: what the real API server's defaulting and
 * admission add, limited to what clients of this project read back.
 */
final class Defaulter {

    /** The label the real server puts on every Namespace (NamespaceDefaultLabelName). */
    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private static final Set<String> RESET_STATUS_ON_CREATE = Set.of(
            "statefulsets", "deployments", "pods", "persistentvolumeclaims", "persistentvolumes", "services");
    /** What a client cannot change on update: the server's own metadata. */
    private static final String[] KEPT_METADATA = {"uid", "creationTimestamp", "namespace", "name", "deletionTimestamp",
        "deletionGracePeriodSeconds"};

    private final ObjectStore store;
    private final ResourceCatalog catalog;
    private final Clock clock;
    private final ServiceDefaults services;

    Defaulter(ObjectStore store, ResourceCatalog catalog, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
        this.services = new ServiceDefaults(catalog.get("", "services"), store);
    }

    void onCreate(ResourceType type, ObjectNode obj) {
        obj.put("apiVersion", type.groupVersion()).put("kind", type.kind());
        ObjectNode meta = JsonFields.metadata(obj);
        meta.put("uid", UUID.randomUUID().toString());
        meta.put("creationTimestamp", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.put("generation", 1);
        meta.remove("resourceVersion");
        meta.remove("deletionTimestamp");
        meta.remove("deletionGracePeriodSeconds");
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
        for (String field : KEPT_METADATA) {
            if (oldMeta.has(field)) {
                meta.set(field, oldMeta.get(field));
            } else {
                meta.remove(field);
            }
        }
        if (!meta.has("resourceVersion") && oldMeta.has("resourceVersion")) {
            meta.set("resourceVersion", oldMeta.get("resourceVersion"));
        }
        kindDefaults(type, old, obj);
        // generation counts spec changes only (status and metadata writes leave it alone)
        long generation = oldMeta.path("generation").asLong(1);
        boolean specChanged = !SameObject.same(old.path("spec"), obj.path("spec"));
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
            case "statefulsets" -> WorkloadDefaults.statefulSet(obj);
            case "deployments" -> WorkloadDefaults.deployment(obj);
            case "pods" -> {
                PodSpecDefaults.apply(JsonFields.obj(obj, "spec"));
                JsonFields.putIfAbsent(JsonFields.obj(obj, "status"), "phase", "Pending");
            }
            case "persistentvolumeclaims" -> claim(old, obj);
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
            case "namespaces" -> namespace(obj);
            case "secrets" -> secret(obj);
            case "networkpolicies" -> networkPolicy(obj);
            default -> {
                // no kind-specific defaults
            }
        }
    }

    private void claim(ObjectNode old, ObjectNode obj) {
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

    /** stringData is write-only: merged into data (base64), as the real server does. */
    private static void secret(ObjectNode obj) {
        JsonFields.putIfAbsent(obj, "type", "Opaque");
        JsonNode stringData = obj.remove("stringData");
        if (stringData != null && stringData.isObject()) {
            ObjectNode data = JsonFields.obj(obj, "data");
            stringData.fields().forEachRemaining(e -> data.put(e.getKey(), java.util.Base64.getEncoder()
                    .encodeToString(e.getValue().asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
    }

    /** policyTypes: Ingress always, Egress when egress rules are given. */
    private static void networkPolicy(ObjectNode policy) {
        ObjectNode spec = JsonFields.obj(policy, "spec");
        if (!spec.has("policyTypes")) {
            ArrayNode types = spec.putArray("policyTypes").add("Ingress");
            if (spec.has("egress")) {
                types.add("Egress");
            }
        }
    }

    private static void namespace(ObjectNode obj) {
        JsonFields.obj(JsonFields.metadata(obj), "labels").put(NAMESPACE_NAME_LABEL, JsonFields.text(obj, "metadata.name"));
        if (!obj.path("spec").has("finalizers")) {
            JsonFields.obj(obj, "spec").putArray("finalizers").add("kubernetes");
        }
        JsonFields.putIfAbsent(JsonFields.obj(obj, "status"), "phase", "Active");
    }

    private String defaultStorageClass() {
        ResourceType sc = catalog.get("storage.k8s.io", "storageclasses");
        return store.select(sc, null, LabelSelector.EVERYTHING, FieldSelector.EVERYTHING, null).stream()
                .map(StoredObject::tree)
                .filter(c -> "true".equals(c.path("metadata").path("annotations")
                        .path(WellKnownLabels.DEFAULT_STORAGE_CLASS).asText(null)))
                .map(c -> JsonFields.text(c, "metadata.name")).findFirst().orElse(null);
    }
}
