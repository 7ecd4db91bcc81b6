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
        requireFiniteNumbers(patch, "");
        JsonValue result = Json.createMergePatch(toJsonP(patch)).apply(toJsonP(target));
        try {
            return JACKSON.readTree(result.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-P wrote JSON that Jackson cannot read", e);
        }
    }

    /**
     * A number beyond a double's range (1e400) has become Infinity when the patch was read, which JSON
     * cannot express: Jackson would write it as the string "Infinity", turning a wrong value into a
     * valid-looking one. Refused with the place it was found.
     */
    private static void requireFiniteNumbers(JsonNode node, String path) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            String where = path.isEmpty() ? "the patch" : path;
            throw new MalformedSpecException(path, where + ": the number is out of range (a JSON number here must"
                    + " fit in a 64-bit floating-point value, at most about 1.8e308)", null);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireFiniteNumbers(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(member ->
                    requireFiniteNumbers(member.getValue(), JsonPaths.member(path, member.getKey())));
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
