package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The storage behind our layer: Fabric8's CRUD dispatcher, driven with synthetic requests that
 * carry the final object. Writing through it (never around it) is what keeps watch events
 * flowing for everything we default, rewrite or garbage-collect.
 */
final class Store {

    private final KubernetesCrudDispatcher delegate;
    private final WatchHub watches;

    Store(KubernetesCrudDispatcher delegate, WatchHub watches) {
        this.delegate = delegate;
        this.watches = watches;
    }

    /** A resourceVersion newer than every stored object's: what a list reports. */
    long nextVersion() {
        return delegate.requestResourceVersion();
    }

    ObjectNode get(ResourceType type, String namespace, String name) {
        MockResponse response = call(HttpMethod.GET, type.itemPath(namespace, name), null);
        if (response.code() != 200) {
            return null;
        }
        JsonNode node = JsonText.parse(body(response));
        return node instanceof ObjectNode o ? o : null;
    }

    /** Every stored object of the type; across all namespaces when {@code namespace} is null. */
    List<ObjectNode> list(ResourceType type, String namespace) {
        MockResponse response = call(HttpMethod.GET, type.collectionPath(namespace), null);
        List<ObjectNode> items = new ArrayList<>();
        if (response.code() != 200) {
            return items;
        }
        JsonNode list = JsonText.parse(body(response));
        if (list.has("items")) {
            list.get("items").forEach(item -> {
                // the CRUD mock files core and events.k8s.io Events under one key: keep this type's own
                if (item instanceof ObjectNode o && type.groupVersion().equals(o.path("apiVersion").asText(type.groupVersion()))) {
                    items.add(o);
                }
            });
        }
        return items;
    }

    ObjectNode create(ResourceType type, ObjectNode object) {
        String ns = JsonFields.text(object, "metadata.namespace");
        return published(type, "ADDED", write(HttpMethod.POST, type.collectionPath(ns), object));
    }

    ObjectNode replace(ResourceType type, ObjectNode object) {
        return afterUpdate(type, write(HttpMethod.PUT, itemPath(type, object), object));
    }

    /** Replaces only the status: the CRUD dispatcher's /status path keeps everything else. */
    ObjectNode replaceStatus(ResourceType type, ObjectNode object) {
        return afterUpdate(type, write(HttpMethod.PUT, itemPath(type, object) + "/status", object));
    }

    void delete(ResourceType type, String namespace, String name) {
        ObjectNode before = get(type, namespace, name);
        call(HttpMethod.DELETE, type.itemPath(namespace, name), null);
        if (before != null) {
            afterUpdate(type, before);
        }
    }

    /**
     * MODIFIED, or DELETED when the write made the object go away (the CRUD dispatcher removes an
     * object marked for deletion once its last finalizer is gone).
     */
    private ObjectNode afterUpdate(ResourceType type, ObjectNode written) {
        ObjectNode now = get(type, JsonFields.text(written, "metadata.namespace"), JsonFields.text(written, "metadata.name"));
        if (now != null) {
            return published(type, "MODIFIED", now);
        }
        ObjectNode gone = written.deepCopy();
        long version = nextVersion();
        // like the real server, the DELETED event carries a new resourceVersion
        JsonFields.metadata(gone).put("resourceVersion", Long.toString(version));
        watches.publish(type, "DELETED", gone, version);
        return written;
    }

    private ObjectNode published(ResourceType type, String kind, ObjectNode object) {
        long version = Long.parseLong(JsonFields.text(object, "metadata.resourceVersion"));
        watches.publish(type, kind, object, version);
        return object;
    }

    private static String itemPath(ResourceType type, ObjectNode object) {
        return type.itemPath(JsonFields.text(object, "metadata.namespace"), JsonFields.text(object, "metadata.name"));
    }

    private ObjectNode write(HttpMethod method, String path, ObjectNode object) {
        MockResponse response = call(method, path, JsonText.write(object));
        if (response.code() >= 300) {
            String text = body(response);
            throw new ApiException(response.code(), response.code() == 409 ? "Conflict" : "InternalError",
                    text.isEmpty() ? "storage refused the write" : text, null, null, null, List.of());
        }
        return JsonText.parseObject(body(response));
    }

    private MockResponse call(HttpMethod method, String path, String body) {
        Buffer buffer = new Buffer();
        if (body != null) {
            buffer.write(body.getBytes(StandardCharsets.UTF_8));
        }
        Headers headers = Headers.builder().add("Content-Type", "application/json").build();
        return delegate.dispatch(new RecordedRequest("HTTP/1.1", method, path, headers, buffer));
    }

    private static String body(MockResponse response) {
        Buffer b = response.getBody();
        return b == null ? "" : new String(b.getBytes(), StandardCharsets.UTF_8);
    }
}
