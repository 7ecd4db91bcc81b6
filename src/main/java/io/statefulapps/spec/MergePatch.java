package io.statefulapps.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * JSON merge patch (RFC 7386) over Jackson trees, applied by Jakarta JSON-P's implementation
 * (parsson) rather than our own: an object patch merges member by member, a {@code null} member
 * removes the target's member, anything else replaces the target's value as a whole. Neither the
 * target nor the patch is changed.
 */
public final class MergePatch {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private MergePatch() {
    }

    /** The target with the patch applied (RFC 7386, section 2); a null target counts as JSON null. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null) {
            return null;
        }
        JsonValue result = Json.createMergePatch(toJsonP(patch)).apply(toJsonP(target));
        try {
            return JACKSON.readTree(result.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-P wrote JSON that Jackson cannot read", e);
        }
    }

    private static JsonValue toJsonP(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonValue.NULL;
        }
        try (JsonReader reader = Json.createReader(new StringReader(node.toString()))) {
            return reader.readValue();
        }
    }
}
