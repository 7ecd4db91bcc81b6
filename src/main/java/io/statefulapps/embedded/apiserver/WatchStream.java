package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

import java.util.List;
import java.util.function.Supplier;

/** One client's watch over a websocket: what it watches, from which version, with which selectors. */
final class WatchStream extends WebSocketListener {

    private final WatchHub hub;
    private final ResourceType type;
    private final String namespace;
    private final LabelSelector labels;
    private final FieldSelector fields;
    private final Long fromVersion;
    private final Supplier<List<ObjectNode>> currentState;

    WatchStream(WatchHub hub, ResourceType type, RequestTarget target, Supplier<List<ObjectNode>> currentState) {
        this.hub = hub;
        this.type = type;
        this.namespace = type.namespaced() ? target.namespace() : null;
        this.labels = LabelSelector.parse(target.param("labelSelector"));
        String fieldSelector = target.param("fieldSelector");
        if (target.name() != null) {
            // the legacy /watch/.../name form and GET .../name?watch=true watch one object
            fieldSelector = (fieldSelector == null || fieldSelector.isEmpty() ? "" : fieldSelector + ",")
                    + "metadata.name=" + target.name();
        }
        this.fields = FieldSelector.parse(fieldSelector);
        this.fromVersion = parseVersion(target.param("resourceVersion"));
        this.currentState = currentState;
    }

    /** null means "from now, after ADDED for what exists" (no version or "0", as the real server). */
    private static Long parseVersion(String rv) {
        if (rv == null || rv.isEmpty() || rv.equals("0")) {
            return null;
        }
        try {
            return Long.parseLong(rv);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid resourceVersion: " + rv);
        }
    }

    ResourceType type() {
        return type;
    }

    Long fromVersion() {
        return fromVersion;
    }

    boolean matches(ResourceType eventType, ObjectNode object) {
        if (!eventType.equals(type)) {
            return false;
        }
        if (namespace != null && !namespace.equals(JsonFields.text(object, "metadata.namespace"))) {
            return false;
        }
        return labels.matches(object) && fields.matches(object);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        hub.attach(this, webSocket, currentState);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        hub.detach(this);
        webSocket.close(code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        hub.detach(this);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        hub.detach(this);
    }
}
