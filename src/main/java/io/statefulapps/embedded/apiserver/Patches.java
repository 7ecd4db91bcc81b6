package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.Iterator;
import java.util.Map;

/**
 * The three patch formats: RFC 7386 merge patch (null removes, lists replace) on the Jackson tree
 * itself, since every status and event patch of the simulated controllers is one; RFC 6902 JSON
 * patch by Jakarta JSON-P (parsson); and strategic merge patch, which is merge patch plus merging
 * of named list elements ({@link StrategicMerge}).
 */
final class Patches {

    /** Looked up once: each of jakarta.json.Json's static methods searches the class path for it again. */
    private static final JsonProvider JSON_P = JsonProvider.provider();

    private Patches() {
    }

    static ObjectNode apply(String contentType, ObjectNode target, String patchText) {
        String type = contentType == null ? "" : contentType.toLowerCase();
        try {
            if (type.startsWith("application/json-patch+json")) {
                JsonArray ops = read(patchText).asJsonArray();
                JsonStructure result = JSON_P.createPatch(ops).apply(toJsonP(target).asJsonObject());
                return toJackson(result);
            }
            if (type.startsWith("application/merge-patch+json")) {
                return mergePatch(target, JsonText.parse(patchText));
            }
            if (type.startsWith("application/strategic-merge-patch+json")
                    || type.startsWith("application/apply-patch")) {
                JsonNode patch = JsonText.parse(patchText);
                return mergePatch(target, StrategicMerge.prepare(target, patch));
            }
        } catch (JsonException | ClassCastException | IllegalStateException e) {
            throw new ApiException(422, "Invalid", "the patch could not be applied: " + e.getMessage(), null, null,
                    null, java.util.List.of());
        }
        throw new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                + "accepted media types include: application/json-patch+json, application/merge-patch+json, "
                + "application/strategic-merge-patch+json", null, null, null, java.util.List.of());
    }

    /** Applies the merge patch to {@code target} in place and answers the result. */
    static ObjectNode mergePatch(ObjectNode target, JsonNode patch) {
        if (!patch.isObject()) {
            // the RFC's result is the patch itself, and a stored object must stay an object
            return JsonText.parseObject(JsonText.write(patch));
        }
        return (ObjectNode) merged(target, patch);
    }

    /** RFC 7386's MergePatch(Target, Patch). */
    private static JsonNode merged(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target instanceof ObjectNode object ? object : JsonText.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), merged(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }

    private static JsonValue read(String text) {
        try (var reader = JSON_P.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static JsonValue toJsonP(JsonNode node) {
        return read(JsonText.write(node));
    }

    private static ObjectNode toJackson(JsonValue value) {
        return JsonText.parseObject(value.toString());
    }
}
