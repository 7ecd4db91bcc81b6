package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code /scale} subresource of StatefulSets and Deployments (autoscaling/v1 Scale): what
 * {@code kubectl scale} and Fabric8's {@code scale(n)} read and write. A write changes only
 * spec.replicas.
 */
final class ScaleSubresource {

    private final WriteHandler writes;

    ScaleSubresource(WriteHandler writes) {
        this.writes = writes;
    }

    static boolean applies(ResourceType type, RequestTarget target) {
        return "scale".equals(target.subresource()) && type.hasScale();
    }

    ObjectNode get(ResourceType type, RequestTarget target) {
        return toScale(writes.existing(type, target).tree());
    }

    /** PUT (body is a Scale) or PATCH (patch text of the Scale). */
    ObjectNode write(ResourceType type, RequestTarget target, String contentType, ObjectNode put, String patch) {
        ObjectNode current = toScale(writes.existing(type, target).tree());
        ObjectNode wanted = patch != null ? Patches.apply(contentType, current, patch) : put;
        JsonNode replicas = wanted == null ? null : wanted.path("spec").path("replicas");
        if (replicas == null || !replicas.canConvertToInt() || replicas.asInt() < 0) {
            throw ApiException.invalid(type, target.name(), List.of(new ApiException.Cause("FieldValueInvalid",
                    "spec.replicas", "Invalid value: " + replicas + ": must be greater than or equal to 0")));
        }
        String body = "{\"spec\":{\"replicas\":" + replicas.asInt() + "}}";
        Written written = writes.patch(type, target.main(), "application/merge-patch+json", body);
        return toScale(JsonText.parseObject(new String(written.json(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static ObjectNode toScale(ObjectNode workload) {
        ObjectNode scale = JsonText.object().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode meta = scale.putObject("metadata");
        for (String f : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            if (workload.path("metadata").has(f)) {
                meta.set(f, workload.path("metadata").get(f));
            }
        }
        scale.putObject("spec").put("replicas", workload.path("spec").path("replicas").asInt(1));
        scale.putObject("status").put("replicas", workload.path("status").path("replicas").asInt(0))
                .put("selector", selector(workload));
        return scale;
    }

    private static String selector(ObjectNode workload) {
        List<String> terms = new ArrayList<>();
        workload.path("spec").path("selector").path("matchLabels").fields()
                .forEachRemaining((Map.Entry<String, JsonNode> e) -> terms.add(e.getKey() + "=" + e.getValue().asText()));
        return String.join(",", terms);
    }
}
