package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Deletion with the garbage collector's propagation policies, done synchronously: Background and
 * Foreground delete dependents (found through the store's owner index) transitively, Orphan strips
 * the ownerReference and keeps them. Every removal goes through the store, so watchers see each
 * DELETED event. Runs under the store's write lock.
 */
record GarbageCollector(ObjectStore store, ResourceCatalog catalog) {

    /**
     * A controller may create a dependent of an owner that was deleted a moment before (its cache had
     * not seen the delete yet). The real garbage collector removes such an object once it finds every
     * owner gone; here that happens right after the create, in the same write. {@code object} is the
     * created object as stored: its owner references are read from it rather than parsed again.
     */
    void collectIfOwnersGone(ResourceType type, StoredObject created, ObjectNode object) {
        JsonNode refs = object.path("metadata").path("ownerReferences");
        if (refs.isEmpty()) {
            return;
        }
        for (JsonNode ref : refs) {
            if (ownerMayExist(ref, created.namespace())) {
                return;
            }
        }
        delete(type, created, "Background");
    }

    private boolean ownerMayExist(JsonNode ref, String ns) {
        String apiVersion = ref.path("apiVersion").asText("");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String kind = ref.path("kind").asText("");
        for (ResourceType t : catalog.all()) {
            if (t.stored() && t.group().equals(group) && t.kind().equals(kind)) {
                StoredObject owner = store.get(t, t.namespaced() ? ns : "", ref.path("name").asText(""));
                return owner != null && owner.uid() != null && owner.uid().equals(ref.path("uid").asText());
            }
        }
        // a kind this server does not store: nothing to check it against, so it is not collected
        return true;
    }

    /** Deletes (or marks, when finalizers hold it) the object; answers what {@link ObjectStore#delete} does. */
    StoredObject delete(ResourceType type, StoredObject obj, String policy) {
        String uid = obj.uid();
        String ns = obj.namespace();
        StoredObject result;
        switch (policy) {
            case "Orphan" -> {
                orphan(uid, ns);
                result = store.delete(type, ns, obj.name());
            }
            case "Foreground" -> {
                // dependents first, then the owner (the real server's foregroundDeletion finalizer)
                deleteDependents(uid, ns, "Foreground");
                result = store.delete(type, ns, obj.name());
            }
            default -> {
                result = store.delete(type, ns, obj.name());
                deleteDependents(uid, ns, "Background");
            }
        }
        return result;
    }

    private void deleteDependents(String uid, String ns, String policy) {
        for (ObjectLocation d : dependents(uid, ns)) {
            // another delete may already have removed it (a dependent of two owners)
            StoredObject current = store.get(d.type(), d.namespace(), d.name());
            if (current != null) {
                delete(d.type(), current, policy);
            }
        }
    }

    private void orphan(String uid, String ns) {
        for (ObjectLocation d : dependents(uid, ns)) {
            StoredObject current = store.get(d.type(), d.namespace(), d.name());
            if (current == null) {
                continue;
            }
            ObjectNode copy = current.tree();
            ArrayNode refs = (ArrayNode) copy.path("metadata").path("ownerReferences");
            for (int i = refs.size() - 1; i >= 0; i--) {
                if (uid.equals(refs.get(i).path("uid").asText())) {
                    refs.remove(i);
                }
            }
            if (refs.isEmpty()) {
                JsonFields.metadata(copy).remove("ownerReferences");
            }
            store.replace(d.type(), copy);
        }
    }

    /** Dependents of uid: in the owner's namespace, or anywhere for a cluster-scoped owner (ns ""). */
    private List<ObjectLocation> dependents(String uid, String ns) {
        List<ObjectLocation> result = new ArrayList<>();
        if (uid == null) {
            return result;
        }
        for (ObjectLocation ref : store.dependents(uid)) {
            if (ns.isEmpty() || ns.equals(ref.namespace())) {
                result.add(ref);
            }
        }
        return result;
    }
}
