package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The StatefulSet {@code /scale} subresource (autoscaling/v1 Scale): what {@code kubectl scale}
 * and Fabric8's {@code scale(n)} read and write. A write changes only spec.replicas.
 */
final class ScaleSubresource {

    private final WriteHandler writes;

    ScaleSubresource(WriteHandler writes) {
        this.writes = writes;
    }

    static boolean applies(ResourceType type, RequestTarget target) {
        return "scale".equals(target.subresource()) && type.plural().equals("statefulsets");
    }

    ObjectNode get(ResourceType type, RequestTarget target) {
        return toScale(writes.existing(type, target));
    }

    /** PUT (body is a Scale) or PATCH (body patches the Scale). */
    ObjectNode write(ResourceType type, RequestTarget target, String contentType, String body, boolean patch) {
        ObjectNode current = toScale(writes.existing(type, target));
        ObjectNode wanted = patch ? Patches.apply(contentType, current, body) : JsonText.parseObject(body);
        if (!wanted.path("spec").path("replicas").canConvertToInt() || wanted.path("spec").path("replicas").asInt() < 0) {
            throw ApiException.invalid(type, target.name(), List.of(new ApiException.Cause("FieldValueInvalid",
                    "spec.replicas", "Invalid value: " + wanted.path("spec").path("replicas") + ": must be greater than or equal to 0")));
        }
        String replicas = "{\"spec\":{\"replicas\":" + wanted.path("spec").path("replicas").asInt() + "}}";
        RequestTarget main = new RequestTarget(target.rawPath(), target.path(), target.legacy(), target.group(),
                target.version(), target.namespace(), target.plural(), target.name(), null, target.query());
        return toScale(writes.patch(type, main, "application/merge-patch+json", replicas));
    }

    private static ObjectNode toScale(ObjectNode sts) {
        ObjectNode scale = JsonText.object().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode meta = scale.putObject("metadata");
        for (String f : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            if (sts.path("metadata").has(f)) {
                meta.set(f, sts.path("metadata").get(f));
            }
        }
        scale.putObject("spec").put("replicas", sts.path("spec").path("replicas").asInt(1));
        scale.putObject("status").put("replicas", sts.path("status").path("replicas").asInt(0))
                .put("selector", selector(sts));
        return scale;
    }

    private static String selector(ObjectNode sts) {
        List<String> terms = new ArrayList<>();
        sts.path("spec").path("selector").path("matchLabels").fields()
                .forEachRemaining((Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e) ->
                        terms.add(e.getKey() + "=" + e.getValue().asText()));
        return String.join(",", terms);
    }
}
