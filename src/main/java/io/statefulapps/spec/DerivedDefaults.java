package io.statefulapps.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A merge patch applies to the spec read back with its defaults filled in, and some defaults follow
 * from another field: {@code service.externalTrafficPolicy: Cluster} only exists because the type
 * exposes node ports, {@code updateStrategy.partition: 0} only because the type is RollingUpdate.
 * When a patch changes that other field and says nothing about the derived one, the derived value is
 * dropped, so that {@code {"service": {"type": "ClusterIP"}}} works on its own. Pure.
 */
public final class DerivedDefaults {

    private DerivedDefaults() {
    }

    /** {@code patched} without the derived defaults {@code patch} made stale (a copy; the input is kept). */
    public static JsonNode forgetStale(JsonNode patched, JsonNode patch) {
        if (patched == null || !patched.isObject()) {
            return patched;
        }
        ObjectNode result = ((ObjectNode) patched).deepCopy();
        JsonNode service = patch.path("service");
        if (service.has("type") && !service.has("externalTrafficPolicy") && result.path("service").isObject()
                && !AppSpecDefaults.exposesNodePorts(result.path("service").path("type").asText(null))) {
            ((ObjectNode) result.get("service")).remove("externalTrafficPolicy");
        }
        JsonNode strategy = patch.path("updateStrategy");
        if (strategy.has("type") && !strategy.has("partition") && result.path("updateStrategy").isObject()
                && "OnDelete".equals(result.path("updateStrategy").path("type").asText(null))) {
            ((ObjectNode) result.get("updateStrategy")).remove("partition");
        }
        return result;
    }
}
