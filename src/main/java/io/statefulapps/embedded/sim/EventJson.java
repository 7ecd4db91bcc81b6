package io.statefulapps.embedded.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectReference;

/**
 * A new core/v1 Event as JSON, field for field what Fabric8 writes for the same Event object (no
 * nulls, no empty lists), built directly: the simulator writes eight events per pod, and building
 * and reflecting over an {@code Event} per write cost more than the API server's side of it.
 */
final class EventJson {

    private EventJson() {
    }

    /** The event's first occurrence ({@code count} 1), at {@code now} (RFC 3339). */
    static ObjectNode first(String namespace, String name, ObjectReference involved, String type, String reason,
            String message, EventRecorder.Source source, String now) {
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "Event");
        event.putObject("metadata").put("name", name).put("namespace", namespace);
        ObjectNode ref = event.putObject("involvedObject");
        putIfSet(ref, "apiVersion", involved.getApiVersion());
        putIfSet(ref, "fieldPath", involved.getFieldPath());
        putIfSet(ref, "kind", involved.getKind());
        putIfSet(ref, "name", involved.getName());
        putIfSet(ref, "namespace", involved.getNamespace());
        putIfSet(ref, "resourceVersion", involved.getResourceVersion());
        putIfSet(ref, "uid", involved.getUid());
        event.put("count", 1).put("firstTimestamp", now).put("lastTimestamp", now);
        putIfSet(event, "message", message);
        putIfSet(event, "reason", reason);
        event.put("reportingComponent", source.component())
                .put("reportingInstance", source.host() == null ? source.component() : source.host());
        ObjectNode from = event.putObject("source").put("component", source.component());
        putIfSet(from, "host", source.host());
        putIfSet(event, "type", type);
        return event;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
