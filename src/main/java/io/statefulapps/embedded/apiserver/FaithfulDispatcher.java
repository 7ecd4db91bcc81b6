package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Our layer in front of Fabric8's CRUD dispatcher. It routes each request: discovery documents
 * are answered here, watches go straight to the CRUD dispatcher (its websocket events are the
 * watch stream), reads and writes of known kinds go through our admission, list and delete
 * handlers which store final objects through the CRUD dispatcher. Unknown kinds pass through.
 */
final class FaithfulDispatcher extends Dispatcher {

    private static final Logger LOG = Logger.getLogger(FaithfulDispatcher.class.getName());

    private final KubernetesCrudDispatcher delegate;
    private final ResourceCatalog catalog;
    private final Store store;
    private final ListHandler lists;
    private final WriteHandler writes;
    private final DeleteHandler deletes;
    private final ScaleSubresource scales;
    private final WatchHub watches = new WatchHub();
    private final TableConverter tables = new TableConverter(java.time.Clock.systemUTC());
    private final PodLogs logs;
    private final OpenApi openApi;
    /** One write at a time: read-modify-write of the store must not interleave. */
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Discovery discovery;

    FaithfulDispatcher(KubernetesCrudDispatcher delegate, ResourceCatalog catalog) {
        this.delegate = delegate;
        this.catalog = catalog;
        this.store = new Store(delegate, watches);
        this.lists = new ListHandler(store);
        this.writes = new WriteHandler(store, catalog);
        this.deletes = new DeleteHandler(store, catalog, lists);
        this.scales = new ScaleSubresource(writes);
        this.logs = new PodLogs(writes, java.time.Clock.systemUTC());
        this.discovery = new Discovery(catalog, "127.0.0.1:0");
        this.openApi = new OpenApi(catalog);
    }

    /** The address advertised in /api, known only once the server listens. */
    void serverAddress(String hostPort) {
        this.discovery = new Discovery(catalog, hostPort);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        RequestTarget target = RequestTarget.parse(request.getPath());
        Optional<ResourceType> type = target.isResource()
                ? catalog.find(target.group(), target.version(), target.plural()) : Optional.empty();
        if (target.watch() || "watch".equals(target.plural())) {
            return watch(request, target);
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && contentType.contains("protobuf")) {
            // kubectl's typed commands (create namespace/configmap, auth can-i) send protobuf
            return json(415, new ApiException(415, "UnsupportedMediaType", "the embedded API server reads JSON only"
                    + " (not " + contentType + "); use kubectl create -f / apply -f with a manifest", null, null, null,
                    List.of()).toStatus());
        }
        if (target.isResource() && type.isEmpty()) {
            return passThrough(request);
        }
        lock.lock();
        try {
            if (!target.isResource()) {
                return nonResource(request, target);
            }
            return resource(request, target, type.get());
        } catch (ApiException e) {
            return json(e.code(), e.toStatus());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "embedded API server failed on " + request.getMethod() + " " + request.getPath(), e);
            ApiException internal = new ApiException(500, "InternalError", "Internal error occurred: " + e,
                    null, null, null, List.of());
            return json(500, internal.toStatus());
        } finally {
            lock.unlock();
        }
    }

    /** A websocket watch served by our hub (not the CRUD mock's, which ignores versions and selectors). */
    private MockResponse watch(RecordedRequest request, RequestTarget parsed) {
        // the legacy form /api/v1/watch/namespaces/x/pods is the same watch as ?watch=true
        RequestTarget target = "watch".equals(parsed.plural())
                ? RequestTarget.parse(request.getPath().replaceFirst("/watch/", "/")) : parsed;
        Optional<ResourceType> type = catalog.find(target.group(), target.version(), target.plural());
        if (type.isEmpty()) {
            return passThrough(request);
        }
        try {
            ResourceType t = type.get();
            String ns = WriteHandler.namespace(t, target);
            WatchStream stream = new WatchStream(watches, t, target, () -> store.list(t, ns));
            String upgrade = request.getHeader("Upgrade");
            if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
                return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                        .setBody(watches.catchUp(stream, () -> store.list(t, ns)));
            }
            return new MockResponse().withWebSocketUpgrade(stream);
        } catch (ApiException e) {
            return json(e.code(), e.toStatus());
        }
    }

    /** For the seed: create through the full admission path. */
    ObjectNode create(ResourceType type, String namespace, ObjectNode object) {
        lock.lock();
        try {
            return writes.create(type, namespace, object, false);
        } finally {
            lock.unlock();
        }
    }

    private MockResponse nonResource(RecordedRequest request, RequestTarget target) {
        boolean get = "GET".equalsIgnoreCase(request.getMethod());
        ObjectNode doc = get ? discovery.answer(target.path()) : null;
        if (doc == null && get) {
            doc = openApi.answer(target.path());
        }
        if (doc != null) {
            return json(200, doc);
        }
        if (List.of("/healthz", "/livez", "/readyz").contains(target.path())) {
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody("ok");
        }
        throw new ApiException(404, "NotFound", "the server could not find the requested resource", null, null,
                null, List.of());
    }

    private MockResponse resource(RecordedRequest request, RequestTarget target, ResourceType type) {
        String method = request.getMethod().toUpperCase();
        String body = request.getBody() == null ? "" : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
        boolean item = target.name() != null;
        String ns = WriteHandler.namespace(type, target);
        if (ScaleSubresource.applies(type, target)) {
            return switch (method) {
                case "GET" -> json(200, scales.get(type, target));
                case "PUT", "PATCH" -> json(200, scales.write(type, target, request.getHeader("Content-Type"), body,
                        method.equals("PATCH")));
                default -> throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on "
                        + "the requested resource", null, null, null, List.of());
            };
        }
        if (PodLogs.applies(type, target)) {
            if (!method.equals("GET")) {
                throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested"
                        + " resource", null, null, null, List.of());
            }
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain")
                    .setBody(logs.read(type, target));
        }
        if (target.subresource() != null && !"status".equals(target.subresource())) {
            // exec, binding, eviction ...: nothing behind them in a simulated cluster
            throw new ApiException(404, "NotFound", "the server could not find the requested resource", target.name(),
                    type.group(), type.plural(), List.of());
        }
        switch (method) {
            case "GET" -> {
                JsonNode answer = item ? writes.existing(type, target) : lists.list(type, target);
                return json(200, tables.wantsTable(request.getHeader("Accept")) ? tables.convert(type, answer) : answer);
            }
            case "POST" -> {
                if (item) {
                    break;
                }
                ObjectNode created = writes.create(type, ns, JsonText.parseObject(body), target.dryRun());
                return json(201, created);
            }
            case "PUT" -> {
                if (!item) {
                    break;
                }
                return json(200, writes.update(type, target, JsonText.parseObject(body)));
            }
            case "PATCH" -> {
                if (!item) {
                    break;
                }
                return json(200, writes.patch(type, target, request.getHeader("Content-Type"), body));
            }
            case "DELETE" -> {
                return json(200, item ? deletes.delete(type, target, body) : deletes.deleteCollection(type, target, body));
            }
            default -> {
                // answered below
            }
        }
        throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource",
                null, null, null, List.of());
    }

    private static MockResponse json(int code, JsonNode body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(JsonText.write(body));
    }

    /**
     * Kinds outside the catalog go to the bare CRUD dispatcher. It throws on bodies it cannot
     * read, which left the connection hanging: answer a Status instead.
     */
    private MockResponse passThrough(RecordedRequest request) {
        try {
            MockResponse response = delegate.dispatch(request);
            if (response == null) {
                throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested"
                        + " resource", null, null, null, List.of());
            }
            return withJsonType(response);
        } catch (ApiException e) {
            return json(e.code(), e.toStatus());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "CRUD dispatcher failed on " + request.getMethod() + " " + request.getPath(), e);
            return json(500, new ApiException(500, "InternalError", "Internal error occurred: " + e, null, null, null,
                    List.of()).toStatus());
        }
    }

    private static MockResponse withJsonType(MockResponse response) {
        if (response != null && response.getWebSocketListener() == null && response.header("Content-Type") == null) {
            response.setHeader("Content-Type", "application/json");
        }
        return response;
    }
}
