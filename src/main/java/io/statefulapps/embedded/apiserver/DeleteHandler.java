package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * DELETE of one object or a collection: the propagation policy comes from the query or from a
 * DeleteOptions body (kubectl and Fabric8 use either), dryRun answers without deleting,
 * preconditions are checked, the garbage collector removes dependents, a Namespace goes through
 * its lifecycle and a pod is deleted gracefully ({@link GracefulPodDeletion}). Answers the object
 * while finalizers or a grace period keep it, else a Success Status.
 */
record DeleteHandler(ObjectStore store, GarbageCollector gc, NamespaceLifecycle namespaces, ListHandler lists, GracefulPodDeletion pods) {

    HttpAnswer delete(ResourceType type, RequestTarget target, ObjectNode body) {
        ObjectNode options = body == null ? JsonText.object() : body;
        String policy = policy(target, options);
        return store.write(() -> {
            StoredObject old = store.get(type, target.namespace(), target.name());
            if (old == null) {
                throw ApiException.notFound(type, target.name());
            }
            checkPreconditions(type, target, options, old);
            if (dryRun(target, options)) {
                return success(type, target, old);
            }
            StoredObject after = deleteOne(type, old, target, options, policy);
            boolean remains = store.get(type, target.namespace(), target.name()) != null;
            return remains ? HttpAnswer.json(200, after.json()) : success(type, target, old);
        });
    }

    /** Deletes what the list selects; answers the list of what was there. */
    HttpAnswer deleteCollection(ResourceType type, RequestTarget target, ObjectNode body) {
        ObjectNode options = body == null ? JsonText.object() : body;
        String policy = policy(target, options);
        return store.write(() -> {
            ListHandler.Page page = lists.list(type, target);
            if (!dryRun(target, options)) {
                for (StoredObject item : page.items()) {
                    StoredObject current = store.get(type, item.namespace(), item.name());
                    if (current != null) {
                        deleteOne(type, current, target, options, policy);
                    }
                }
            }
            return HttpAnswer.json(200, lists.json(type, page));
        });
    }

    /** The pod an eviction lets go, deleted as a DELETE with the Eviction's deleteOptions would; under the write lock. */
    StoredObject deleteAsEvicted(ResourceType pods, StoredObject pod, RequestTarget target, ObjectNode options) {
        return deleteOne(pods, pod, target, options, policy(target, options));
    }

    /** A namespace through its lifecycle, a pod gracefully unless its period is 0, anything else at once. */
    private StoredObject deleteOne(ResourceType type, StoredObject object, RequestTarget target, ObjectNode options,
            String policy) {
        if (type.is("", "namespaces")) {
            return namespaces.delete(object);
        }
        if (type.is("", "pods")) {
            long period = GracefulPodDeletion.gracePeriod(object.tree(), target, options);
            if (period > 0) {
                return pods.mark(type, object, period);
            }
            return pods.deleteNow(type, object, policy);
        }
        return gc.delete(type, object, policy);
    }

    private static HttpAnswer success(ResourceType type, RequestTarget target, StoredObject old) {
        ObjectNode status = JsonText.object().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Success");
        ObjectNode details = status.putObject("details").put("name", target.name()).put("kind", type.plural())
                .put("uid", old.uid());
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        return HttpAnswer.json(200, status);
    }

    private static void checkPreconditions(ResourceType type, RequestTarget target, ObjectNode options,
            StoredObject old) {
        JsonNode pre = options.path("preconditions");
        String uid = pre.path("uid").asText("");
        String rv = pre.path("resourceVersion").asText("");
        if (!uid.isEmpty() && !uid.equals(old.uid())) {
            throw ApiException.conflict(type, target.name(), "Precondition failed: UID in precondition: " + uid
                    + ", UID in object meta: " + old.uid());
        }
        String oldRv = Long.toString(old.version());
        if (!rv.isEmpty() && !rv.equals(oldRv)) {
            throw ApiException.conflict(type, target.name(), "Precondition failed: ResourceVersion in precondition: "
                    + rv + ", ResourceVersion in object meta: " + oldRv);
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
