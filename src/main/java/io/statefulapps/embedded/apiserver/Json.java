package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Jackson helpers: the write path works on plain JSON trees so that every kind, including ones
 * Fabric8 has no model for, goes through the same code.
 */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the body of the request could not be decoded: " + e.getOriginalMessage());
    }
  }

  public static ObjectNode parseObject(String text) {
    JsonNode node = text == null || text.isBlank() ? null : parse(text);
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("the body of the request must be a JSON object");
    }
    return (ObjectNode) node;
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Text at a dotted path ("spec.nodeName"), or null when any step is missing. */
  public static String text(JsonNode node, String dottedPath) {
    JsonNode at = at(node, dottedPath);
    if (at == null || at.isNull() || at.isMissingNode()) {
      return null;
    }
    return at.isValueNode() ? at.asText() : at.toString();
  }

  public static JsonNode at(JsonNode node, String dottedPath) {
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
  public static ObjectNode obj(ObjectNode parent, String field) {
    JsonNode existing = parent.get(field);
    if (existing instanceof ObjectNode o) {
      return o;
    }
    return parent.putObject(field);
  }

  public static void putIfAbsent(ObjectNode node, String field, String value) {
    JsonNode existing = node.get(field);
    if (existing == null || existing.isNull() || (existing.isTextual() && existing.asText().isEmpty())) {
      node.set(field, TextNode.valueOf(value));
    }
  }

  public static void putIfAbsent(ObjectNode node, String field, long value) {
    if (node.get(field) == null || node.get(field).isNull()) {
      node.put(field, value);
    }
  }

  public static ObjectNode metadata(ObjectNode obj) {
    return obj(obj, "metadata");
  }
}
