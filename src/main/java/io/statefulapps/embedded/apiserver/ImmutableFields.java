package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Update validation for the fields the real API server refuses to change, with its messages.
 * Runs after defaulting, like the real server, so an omitted defaulted field is no change.
 */
final class ImmutableFields {

    /** The StatefulSet spec fields the real server lets an update change (1.32). */
    private static final Set<String> STS_MUTABLE = Set.of("replicas", "ordinals", "template",
            "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds", "revisionHistoryLimit");
    private static final Set<String> PVC_MUTABLE = Set.of("resources", "volumeAttributesClassName");

    private ImmutableFields() {
    }

    static List<ApiException.Cause> check(ResourceType type, ObjectNode oldObj, ObjectNode newObj) {
        List<ApiException.Cause> causes = new ArrayList<>();
        JsonNode oldSpec = oldObj.path("spec");
        JsonNode newSpec = newObj.path("spec");
        switch (type.plural()) {
            case "statefulsets" -> {
                if (!sameExcept(oldSpec, newSpec, STS_MUTABLE)) {
                    causes.add(new ApiException.Cause("FieldValueForbidden", "spec",
                            "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals',"
                                    + " 'template', 'updateStrategy', 'revisionHistoryLimit',"
                                    + " 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
                }
            }
            case "deployments" -> unchanged(oldSpec, newSpec, "selector", "spec.selector", "field is immutable",
                    causes);
            case "rolebindings", "clusterrolebindings" -> unchanged(oldObj, newObj, "roleRef", "roleRef",
                    "cannot change roleRef", causes);
            case "services" -> {
                String oldIp = oldSpec.path("clusterIP").asText("");
                String newIp = newSpec.path("clusterIP").asText("");
                if (!oldIp.isEmpty() && !oldIp.equals(newIp)) {
                    causes.add(new ApiException.Cause("FieldValueInvalid", "spec.clusterIPs[0]",
                            "Invalid value: []string{\"" + newIp + "\"}: may not change once set"));
                }
            }
            case "persistentvolumeclaims" -> claim(oldSpec, newSpec, causes);
            default -> {
                // other kinds: no immutable fields modelled
            }
        }
        return causes;
    }

    private static void unchanged(JsonNode oldObj, JsonNode newObj, String field, String path, String why,
            List<ApiException.Cause> causes) {
        if (!oldObj.path(field).equals(newObj.path(field))) {
            causes.add(new ApiException.Cause("FieldValueInvalid", path, "Invalid value: " + newObj.path(field)
                    + ": " + why));
        }
    }

    private static void claim(JsonNode oldSpec, JsonNode newSpec, List<ApiException.Cause> causes) {
        // The PV controller binds a claim by setting volumeName once, while it is still empty.
        boolean binding = oldSpec.path("volumeName").asText("").isEmpty();
        Set<String> mutable = binding ? withVolumeName(PVC_MUTABLE) : PVC_MUTABLE;
        if (!sameExcept(oldSpec, newSpec, mutable)) {
            causes.add(new ApiException.Cause("FieldValueForbidden", "spec",
                    "Forbidden: spec is immutable after creation except resources.requests and"
                            + " volumeAttributesClassName for bound claims"));
        }
        BigDecimal oldSize = storage(oldSpec);
        BigDecimal newSize = storage(newSpec);
        if (oldSize != null && newSize != null && newSize.compareTo(oldSize) < 0) {
            causes.add(new ApiException.Cause("FieldValueForbidden", "spec.resources.requests.storage",
                    "Forbidden: field can not be less than status.capacity"));
        }
    }

    /** True when the PVC asks for more storage than before (expansion admission applies). */
    static boolean pvcGrows(ObjectNode oldObj, ObjectNode newObj) {
        BigDecimal oldSize = storage(oldObj.path("spec"));
        BigDecimal newSize = storage(newObj.path("spec"));
        return oldSize != null && newSize != null && newSize.compareTo(oldSize) > 0;
    }

    private static BigDecimal storage(JsonNode spec) {
        JsonNode s = spec.path("resources").path("requests").path("storage");
        if (s.isMissingNode() || s.isNull()) {
            return null;
        }
        return Quantity.getAmountInBytes(new Quantity(s.asText()));
    }

    private static Set<String> withVolumeName(Set<String> fields) {
        Set<String> copy = new java.util.HashSet<>(fields);
        copy.add("volumeName");
        return copy;
    }

    private static boolean sameExcept(JsonNode oldSpec, JsonNode newSpec, Set<String> mutable) {
        ObjectNode a = oldSpec.isObject() ? ((ObjectNode) oldSpec).deepCopy() : JsonText.object();
        ObjectNode b = newSpec.isObject() ? ((ObjectNode) newSpec).deepCopy() : JsonText.object();
        a.remove(mutable);
        b.remove(mutable);
        return Objects.equals(a, b);
    }
}
