package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The last step of the pipeline: sends a checked request to what serves it. Non-resource paths
 * go to discovery, OpenAPI and health; known kinds to the watch, list, write, delete and
 * subresource handlers; anything else is the real server's 404.
 */
final class ResourceRouter {

    private final ResourceCatalog catalog;
    private final NonResourcePaths nonResource;
    private final ListHandler lists;
    private final WriteHandler writes;
    private final DeleteHandler deletes;
    private final ScaleSubresource scales;
    private final PodEviction evictions;
    private final PodLogs logs;
    private final ReviewResources reviews;
    private final TableConverter tables;

    ResourceRouter(ResourceCatalog catalog, NonResourcePaths nonResource, ListHandler lists, WriteHandler writes,
            DeleteHandler deletes, PodEviction evictions, PodLogs logs, ReviewResources reviews,
            TableConverter tables) {
        this.catalog = catalog;
        this.nonResource = nonResource;
        this.lists = lists;
        this.writes = writes;
        this.deletes = deletes;
        this.scales = new ScaleSubresource(writes);
        this.evictions = evictions;
        this.logs = logs;
        this.reviews = reviews;
        this.tables = tables;
    }

    Reply route(ApiRequest request) {
        Incoming in = request.incoming();
        RequestTarget target = in.target();
        if (!target.isResource()) {
            return nonResource.answer(in);
        }
        ResourceType type = catalog.find(target.group(), target.version(), target.plural())
                .orElseThrow(ApiException::noSuchPath);
        boolean table = tables.wantsTable(request.header("Accept"));
        if (target.isWatch()) {
            if (!in.method().equals("GET") || !type.stored() || target.subresource() != null) {
                throw ApiException.methodNotAllowed();
            }
            return WatchReply.of(type, target, table);
        }
        if (!type.stored()) {
            return reviews.review(type, request);
        }
        if (target.subresource() != null) {
            return subresource(type, request);
        }
        return resource(type, request, table);
    }

    private Reply resource(ResourceType type, ApiRequest request, boolean table) {
        RequestTarget target = request.target();
        boolean item = target.name() != null;
        switch (request.method()) {
            case "GET" -> {
                return item ? get(type, target, table) : list(type, target, table);
            }
            case "POST" -> {
                if (!item) {
                    return written(201, writes.create(type, target, typeChecked(type, request, request.requireObject())));
                }
            }
            case "PUT" -> {
                if (item) {
                    return written(200, writes.update(type, target, typeChecked(type, request, request.requireObject())));
                }
            }
            case "PATCH" -> {
                if (item) {
                    return written(200, writes.patch(type, target, request.header("Content-Type"),
                            typeCheckedPatch(type, request)));
                }
            }
            case "DELETE" -> {
                return item ? deletes.delete(type, target, request.object())
                        : deletes.deleteCollection(type, target, request.object());
            }
            default -> {
                // answered below
            }
        }
        throw ApiException.methodNotAllowed();
    }

    private Reply subresource(ResourceType type, ApiRequest request) {
        RequestTarget target = request.target();
        String method = request.method();
        if (ScaleSubresource.applies(type, target)) {
            return switch (method) {
                case "GET" -> HttpAnswer.json(200, scales.get(type, target));
                case "PUT" -> HttpAnswer.json(200, scales.write(type, target, null, request.requireObject(), null));
                case "PATCH" -> HttpAnswer.json(200, scales.write(type, target, request.header("Content-Type"), null,
                        request.text()));
                default -> throw ApiException.methodNotAllowed();
            };
        }
        if (PodLogs.applies(type, target)) {
            if (!method.equals("GET")) {
                throw ApiException.methodNotAllowed();
            }
            return logs.read(type, target);
        }
        if (PodStreams.applies(type, target)) {
            return new PodStreams(deletes.store()).refuse(type, target);
        }
        if (PodEviction.applies(type, target)) {
            if (!method.equals("POST")) {
                throw ApiException.methodNotAllowed();
            }
            return evictions.evict(type, target, request.object());
        }
        if (ReviewResources.isTokenRequest(type, target)) {
            return reviews.tokenRequest(type, request);
        }
        if (!"status".equals(target.subresource()) || !type.hasStatus()) {
            // exec, binding, eviction ...: nothing behind them in a simulated cluster
            throw new ApiException(404, "NotFound", "the server could not find the requested resource",
                    target.name(), type.group(), type.plural(), java.util.List.of());
        }
        return switch (method) {
            case "GET" -> get(type, target, tables.wantsTable(request.header("Accept")));
            case "PUT" -> written(200, writes.update(type, target, typeChecked(type, request, request.requireObject())));
            case "PATCH" -> written(200, writes.patch(type, target, request.header("Content-Type"),
                    typeCheckedPatch(type, request)));
            default -> throw ApiException.methodNotAllowed();
        };
    }

    /**
     * The body, once its values have the kind's types. Callers in this JVM (the simulated
     * controllers, the service on the embedded cluster) send what Fabric8 wrote from typed objects:
     * only bodies from outside are checked, a typed decode each.
     */
    private static <T extends com.fasterxml.jackson.databind.JsonNode> T typeChecked(ResourceType type,
            ApiRequest request, T body) {
        if (!request.incoming().inProcess()) {
            TypeCheck.check(type, body);
        }
        return body;
    }

    /** A merge, strategic or apply patch has the object's shape: its values are checked as the object's. */
    private static String typeCheckedPatch(ResourceType type, ApiRequest request) {
        String body = request.text();
        String contentType = request.header("Content-Type");
        if (!request.incoming().inProcess() && contentType != null && !contentType.startsWith("application/json-patch")) {
            typeChecked(type, request, JsonText.parse(body));
        }
        return body;
    }

    private HttpAnswer get(ResourceType type, RequestTarget target, boolean table) {
        StoredObject o = writes.existing(type, target);
        return table ? HttpAnswer.json(200, tables.convert(type, o.tree())) : HttpAnswer.json(200, o.json());
    }

    private HttpAnswer list(ResourceType type, RequestTarget target, boolean table) {
        ListHandler.Page page = lists.list(type, target);
        if (!table) {
            return HttpAnswer.json(200, lists.json(type, page));
        }
        ObjectNode list = JsonText.object();
        ObjectNode meta = list.putObject("metadata").put("resourceVersion", Long.toString(page.version()));
        if (page.continueToken() != null) {
            meta.put("continue", page.continueToken());
        }
        ArrayNode items = list.putArray("items");
        page.items().forEach(o -> items.add(o.tree()));
        return HttpAnswer.json(200, tables.convert(type, list));
    }

    private static HttpAnswer written(int status, Written written) {
        HttpAnswer answer = HttpAnswer.json(status, written.json());
        if (!written.warnings().isEmpty()) {
            answer = answer.withHeader("Warning", String.join(", ", written.warnings().stream()
                    .map(w -> "299 - \"" + w.replace("\"", "\\\"") + "\"").toList()));
        }
        return answer;
    }
}
