package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * kube-apiserver's StorageObjectInUseProtection admission plugin: a claim is created with
 * {@code kubernetes.io/pvc-protection}, a volume with {@code kubernetes.io/pv-protection}, so that
 * one in use outlives its deletion until the protection controllers let it go. Added here, at the
 * create, a claim costs no second write to get its finalizer.
 */
final class StorageProtectionAdmission {

    static final String CLAIM_FINALIZER = "kubernetes.io/pvc-protection";
    static final String VOLUME_FINALIZER = "kubernetes.io/pv-protection";

    private StorageProtectionAdmission() {
    }

    static void admitCreate(ResourceType type, ObjectNode object) {
        String finalizer = type.is("", "persistentvolumeclaims") ? CLAIM_FINALIZER
                : type.is("", "persistentvolumes") ? VOLUME_FINALIZER : null;
        if (finalizer == null) {
            return;
        }
        ObjectNode meta = JsonFields.metadata(object);
        JsonNode finalizers = meta.get("finalizers");
        ArrayNode list = finalizers instanceof ArrayNode array ? array : meta.putArray("finalizers");
        for (JsonNode present : list) {
            if (finalizer.equals(present.asText())) {
                return;
            }
        }
        list.add(finalizer);
    }
}
