package io.statefulapps.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A Fabric8 model object as the JSON tree the API server stores. */
final class InMemoryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InMemoryJson() {
    }

    static JsonNode of(Object model) {
        return MAPPER.valueToTree(model);
    }
}
