package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Reading and filling fields of a JSON tree by dotted path ({@code "spec.nodeName"}), the way the
 * defaulting and validation code needs them: a missing step is null, never an exception.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** Text at a dotted path, or null when any step is missing. */
    static String text(JsonNode node, String dottedPath) {
        JsonNode at = at(node, dottedPath);
        if (at == null || at.isNull() || at.isMissingNode()) {
            return null;
        }
        return at.isValueNode() ? at.asText() : at.toString();
    }

    static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode current = node;
        for (String step : dottedPath.split("\\.")) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(step);
        }
        return current;
    }

    /** The object at {@code field}, created when absent (or not an object). */
    static ObjectNode obj(ObjectNode parent, String field) {
        JsonNode existing = parent.get(field);
        if (existing instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    static void putIfAbsent(ObjectNode node, String field, String value) {
        JsonNode existing = node.get(field);
        if (existing == null || existing.isNull() || (existing.isTextual() && existing.asText().isEmpty())) {
            node.set(field, TextNode.valueOf(value));
        }
    }

    static void putIfAbsent(ObjectNode node, String field, long value) {
        if (node.get(field) == null || node.get(field).isNull()) {
            node.put(field, value);
        }
    }

    static ObjectNode metadata(ObjectNode obj) {
        return obj(obj, "metadata");
    }
}
