package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * DELETE of one object or a collection: the propagation policy comes from the query or from a
 * DeleteOptions body (kubectl and Fabric8 use either), dryRun answers without deleting,
 * preconditions are checked, and the garbage collector removes dependents.
 */
final class DeleteHandler {

    private final Store store;
    private final GarbageCollector gc;
    private final ListHandler lists;

    DeleteHandler(Store store, ResourceCatalog catalog, ListHandler lists) {
        this.store = store;
        this.gc = new GarbageCollector(store, catalog);
        this.lists = lists;
    }

    ObjectNode delete(ResourceType type, RequestTarget target, String body) {
        ObjectNode options = body == null || body.isBlank() ? JsonText.object() : JsonText.parseObject(body);
        ObjectNode old = store.get(type, WriteHandler.namespace(type, target), target.name());
        if (old == null) {
            throw ApiException.notFound(type, target.name());
        }
        checkPreconditions(type, target, options, old);
        if (!dryRun(target, options)) {
            gc.delete(type, old, policy(target, options));
        }
        ObjectNode status = JsonText.object().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Success");
        ObjectNode details = status.putObject("details").put("name", target.name()).put("kind", type.plural())
                .put("uid", JsonFields.text(old, "metadata.uid"));
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        return status;
    }

    ObjectNode deleteCollection(ResourceType type, RequestTarget target, String body) {
        ObjectNode options = body == null || body.isBlank() ? JsonText.object() : JsonText.parseObject(body);
        ObjectNode list = lists.list(type, target);
        if (!dryRun(target, options)) {
            for (JsonNode item : (ArrayNode) list.get("items")) {
                ObjectNode current = store.get(type, JsonFields.text(item, "metadata.namespace"), JsonFields.text(item, "metadata.name"));
                if (current != null) {
                    gc.delete(type, current, policy(target, options));
                }
            }
        }
        return list;
    }

    private static void checkPreconditions(ResourceType type, RequestTarget target, ObjectNode options,
            ObjectNode old) {
        JsonNode pre = options.path("preconditions");
        String uid = pre.path("uid").asText("");
        String rv = pre.path("resourceVersion").asText("");
        if (!uid.isEmpty() && !uid.equals(JsonFields.text(old, "metadata.uid"))) {
            throw ApiException.conflict(type, target.name(), "Precondition failed: UID in precondition: " + uid
                    + ", UID in object meta: " + JsonFields.text(old, "metadata.uid"));
        }
        if (!rv.isEmpty() && !rv.equals(JsonFields.text(old, "metadata.resourceVersion"))) {
            throw ApiException.conflict(type, target.name(), "Precondition failed: ResourceVersion in precondition: "
                    + rv + ", ResourceVersion in object meta: " + JsonFields.text(old, "metadata.resourceVersion"));
        }
    }

    private static boolean dryRun(RequestTarget target, ObjectNode options) {
        JsonNode dr = options.path("dryRun");
        return target.dryRun() || (dr.isArray() && dr.toString().contains("\"All\""));
    }

    static String policy(RequestTarget target, ObjectNode options) {
        String p = target.param("propagationPolicy");
        if (p == null || p.isEmpty()) {
            p = options.path("propagationPolicy").asText("");
        }
        if (p.isEmpty() && ("true".equals(target.param("orphanDependents"))
                || options.path("orphanDependents").asBoolean(false))) {
            p = "Orphan";
        }
        if (!p.isEmpty() && !List.of("Orphan", "Background", "Foreground").contains(p)) {
            throw ApiException.badRequest("propagationPolicy: Unsupported value: \"" + p + "\"");
        }
        return p.isEmpty() ? "Background" : p;
    }
}
