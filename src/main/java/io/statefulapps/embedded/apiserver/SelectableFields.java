package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a field selector may name, per kind, as the real API server declares them (its
 * strategies' {@code GetAttrs}): {@code metadata.name} and {@code metadata.namespace} for every kind,
 * plus a few per kind. Their values are taken once per write, so selecting never parses an object.
 */
final class SelectableFields {

    static final String NAME = "metadata.name";
    static final String NAMESPACE = "metadata.namespace";

    private static final Map<String, String> EVENT_FIELDS = fields(
            "involvedObject.kind", "involvedObject.kind", "involvedObject.namespace", "involvedObject.namespace",
            "involvedObject.name", "involvedObject.name", "involvedObject.uid", "involvedObject.uid",
            "involvedObject.apiVersion", "involvedObject.apiVersion", "involvedObject.resourceVersion",
            "involvedObject.resourceVersion", "involvedObject.fieldPath", "involvedObject.fieldPath",
            "reason", "reason", "reportingComponent", "reportingComponent", "source", "source.component",
            "type", "type");
    /** events.k8s.io/v1 Events share the core Event's selectors, read from the fields it renamed. */
    private static final Map<String, String> NEW_EVENT_FIELDS = renamed(EVENT_FIELDS, Map.of(
            "involvedObject", "regarding", "reportingComponent", "reportingController", "source", "deprecatedSource"));
    /** Selector name to where its value is read, by "group/plural". */
    private static final Map<String, Map<String, String>> BY_RESOURCE = Map.of(
            "/pods", fields("spec.nodeName", "spec.nodeName", "spec.restartPolicy", "spec.restartPolicy",
                    "spec.schedulerName", "spec.schedulerName", "spec.serviceAccountName", "spec.serviceAccountName",
                    "spec.hostNetwork", "spec.hostNetwork", "status.phase", "status.phase", "status.podIP",
                    "status.podIP", "status.nominatedNodeName", "status.nominatedNodeName"),
            "/events", EVENT_FIELDS,
            "events.k8s.io/events", NEW_EVENT_FIELDS,
            "/nodes", fields("spec.unschedulable", "spec.unschedulable"),
            "/namespaces", fields("status.phase", "status.phase"),
            "/secrets", fields("type", "type"),
            "/services", fields("spec.clusterIP", "spec.clusterIP", "spec.type", "spec.type"),
            "apps/replicasets", fields("status.replicas", "status.replicas"));
    private static final Map<String, List<String>> NAMES = names();

    private SelectableFields() {
    }

    /** The selectable fields of the kind beyond name and namespace, in the order values are kept. */
    static List<String> of(ResourceType type) {
        return NAMES.getOrDefault(type.group() + "/" + type.plural(), List.of());
    }

    static boolean supports(ResourceType type, String field) {
        return field.equals(NAME) || field.equals(NAMESPACE) || forType(type).containsKey(field);
    }

    static String[] extract(ResourceType type, ObjectNode object) {
        Map<String, String> fields = forType(type);
        if (fields.isEmpty()) {
            return new String[0];
        }
        String[] values = new String[fields.size()];
        int i = 0;
        for (String path : fields.values()) {
            JsonNode at = JsonFields.at(object, path);
            // a missing field compares as the empty string, like the real server
            values[i++] = at == null || at.isNull() || at.isMissingNode() ? "" : at.asText().intern();
        }
        return values;
    }

    /** The value a selector compares for {@code field}; the field must be supported. */
    static String value(ResourceType type, StoredObject object, String field) {
        if (field.equals(NAME)) {
            return object.name();
        }
        if (field.equals(NAMESPACE)) {
            return object.namespace();
        }
        int index = of(type).indexOf(field);
        return index < 0 || index >= object.fieldValues().length ? "" : object.fieldValues()[index];
    }

    private static Map<String, String> forType(ResourceType type) {
        return BY_RESOURCE.getOrDefault(type.group() + "/" + type.plural(), Map.of());
    }

    private static Map<String, List<String>> names() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        BY_RESOURCE.forEach((resource, fields) -> names.put(resource, List.copyOf(fields.keySet())));
        return Map.copyOf(names);
    }

    /** {@code fields} with the first name of each path renamed as {@code newNames} says. */
    private static Map<String, String> renamed(Map<String, String> fields, Map<String, String> newNames) {
        Map<String, String> renamed = new LinkedHashMap<>();
        fields.forEach((selector, path) -> {
            int dot = path.indexOf('.');
            String first = dot < 0 ? path : path.substring(0, dot);
            renamed.put(selector, newNames.getOrDefault(first, first) + path.substring(first.length()));
        });
        return renamed;
    }

    private static Map<String, String> fields(String... namesAndPaths) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndPaths.length; i += 2) {
            map.put(namesAndPaths[i], namesAndPaths[i + 1]);
        }
        return map;
    }
}
