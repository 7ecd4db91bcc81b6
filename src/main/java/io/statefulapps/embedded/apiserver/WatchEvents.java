package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Watch events as the real server writes them, {@code {"type":...,"object":...}}, assembled around
 * the stored bytes so an event costs no parsing.
 */
final class WatchEvents {

    /** The annotation a watch-list bookmark carries once the initial events are sent. */
    static final String INITIAL_EVENTS_END = "k8s.io/initial-events-end";

    /** {@code {"type":"ADDED","object":} and the like; never changed after the class is loaded. */
    private static final Map<WatchEventType, byte[]> HEADS = heads();

    private WatchEvents() {
    }

    /**
     * One allocation, the event's own bytes: the stored object is copied once between the type's
     * prefix and the closing brace (with a stream and its {@code toByteArray} it was allocated and
     * copied twice: 1.8 GB of the 64 GB the process allocated while 10,000 apps were created, JFR).
     */
    static byte[] event(WatchEventType type, byte[] object) {
        byte[] head = HEADS.get(type);
        byte[] event = Arrays.copyOf(head, head.length + object.length + 1);
        System.arraycopy(object, 0, event, head.length, object.length);
        event[event.length - 1] = '}';
        return event;
    }

    /** An object of the kind with only metadata.resourceVersion: "nothing you watch changed up to here". */
    static byte[] bookmark(ResourceType type, long version, boolean initialEventsEnd) {
        ObjectNode object = JsonText.object().put("kind", type.kind()).put("apiVersion", type.groupVersion());
        ObjectNode meta = object.putObject("metadata").put("resourceVersion", Long.toString(version));
        if (initialEventsEnd) {
            meta.putObject("annotations").put(INITIAL_EVENTS_END, "true");
        }
        return event(WatchEventType.BOOKMARK, StoredObject.bytes(object));
    }

    static byte[] error(ApiException refusal) {
        return event(WatchEventType.ERROR, StoredObject.bytes(refusal.toStatus()));
    }

    /** 410 Expired for a watch that starts before what the server still holds. */
    static ApiException expired(long from, long forgottenUpTo) {
        return new ApiException(410, "Expired", "too old resource version: " + from + " (" + forgottenUpTo + ")",
                null, null, null, java.util.List.of());
    }

    private static Map<WatchEventType, byte[]> heads() {
        Map<WatchEventType, byte[]> heads = new EnumMap<>(WatchEventType.class);
        for (WatchEventType type : WatchEventType.values()) {
            heads.put(type, ("{\"type\":\"" + type + "\",\"object\":").getBytes(StandardCharsets.UTF_8));
        }
        return heads;
    }
}
