package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One object as the store keeps it: its JSON exactly as the server last wrote it (answers and watch
 * events send these bytes as they are), and the few things indexes and selectors read without
 * parsing it again: labels, the kind's selectable fields and the uids of its owners. Immutable.
 *
 * @param namespace "" for cluster-scoped objects
 */
record StoredObject(String namespace, String name, String uid, long version, Map<String, String> labels,
        String[] fieldValues, List<String> ownerUids, byte[] json) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Takes a final object apart; its resourceVersion must already be {@code version}. */
    static StoredObject of(ResourceType type, ObjectNode object, long version) {
        JsonNode meta = object.path("metadata");
        String namespace = meta.path("namespace").asText("").intern();
        return new StoredObject(namespace, meta.path("name").asText(), meta.path("uid").asText(null), version,
                labels(meta.path("labels")), SelectableFields.extract(type, object), owners(meta), bytes(object));
    }

    /** A fresh, mutable tree of the stored JSON. */
    ObjectNode tree() {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON no longer parses", e);
        }
    }

    /** "namespace/name", the order lists are answered in. */
    String key() {
        return namespace + "/" + name;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> labels(JsonNode labels) {
        if (!labels.isObject() || labels.isEmpty()) {
            return Map.of();
        }
        Map<String, String> map = new HashMap<>();
        labels.fields().forEachRemaining(e -> map.put(e.getKey().intern(), e.getValue().asText().intern()));
        return Map.copyOf(map);
    }

    private static List<String> owners(JsonNode meta) {
        JsonNode refs = meta.path("ownerReferences");
        if (refs.isEmpty()) {
            return List.of();
        }
        List<String> uids = new ArrayList<>();
        refs.forEach(ref -> {
            if (ref.hasNonNull("uid")) {
                uids.add(ref.get("uid").asText());
            }
        });
        return List.copyOf(uids);
    }
}
