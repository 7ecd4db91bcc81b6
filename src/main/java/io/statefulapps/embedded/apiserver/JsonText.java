package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON text to Jackson trees and back. The write path works on plain trees so that every kind goes
 * through the same code; a body that does not parse is the API server's 400.
 */
final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body of the request could not be decoded: " + e.getOriginalMessage());
        }
    }

    static ObjectNode parseObject(String text) {
        JsonNode node = text == null || text.isBlank() ? null : parse(text);
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the body of the request must be a JSON object");
        }
        return (ObjectNode) node;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
