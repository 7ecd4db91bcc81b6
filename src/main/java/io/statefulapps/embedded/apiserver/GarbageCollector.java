package io.statefulapps.embedded.apiserver;

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
final class GarbageCollector {

    private final ObjectStore store;

    GarbageCollector(ObjectStore store) {
        this.store = store;
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
