package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Placeholder for server-side printing (meta.k8s.io Table). kubectl falls back to its own
 * printing when it gets plain objects, so objects are answered as they are.
 */
final class TableConverter {

  boolean wantsTable(String accept) {
    return false;
  }

  JsonNode convert(ResourceType type, JsonNode answer) {
    return answer;
  }
}
