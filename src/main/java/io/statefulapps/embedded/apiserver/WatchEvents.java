package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Watch events as the real server writes them, {@code {"type":...,"object":...}}, assembled around
 * the stored bytes so an event costs no parsing.
 */
final class WatchEvents {

    /** The annotation a watch-list bookmark carries once the initial events are sent. */
    static final String INITIAL_EVENTS_END = "k8s.io/initial-events-end";

    private WatchEvents() {
    }

    static byte[] event(WatchEventType type, byte[] object) {
        byte[] head = ("{\"type\":\"" + type + "\",\"object\":").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + object.length + 1);
        out.writeBytes(head);
        out.writeBytes(object);
        out.write('}');
        return out.toByteArray();
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
}
