package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Deletion with the garbage collector's propagation policies, done synchronously: Background and
 * Foreground delete dependents (found by ownerReferences uid) transitively, Orphan strips the
 * ownerReference and keeps them. Deleting a Namespace deletes what is in it. Every removal goes
 * through the store so watchers see each DELETED event.
 */
final class GarbageCollector {

    private final Store store;
    private final ResourceCatalog catalog;

    GarbageCollector(Store store, ResourceCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    void delete(ResourceType type, ObjectNode obj, String policy) {
        String uid = JsonFields.text(obj, "metadata.uid");
        String ns = JsonFields.text(obj, "metadata.namespace");
        String name = JsonFields.text(obj, "metadata.name");
        switch (policy) {
            case "Orphan" -> {
                orphan(uid, ns);
                store.delete(type, ns, name);
            }
            case "Foreground" -> {
                // dependents first, then the owner (the real server's foregroundDeletion finalizer)
                deleteDependents(uid, ns, "Foreground");
                store.delete(type, ns, name);
            }
            default -> {
                store.delete(type, ns, name);
                deleteDependents(uid, ns, "Background");
            }
        }
        if (type.plural().equals("namespaces")) {
            deleteContents(name);
        }
    }

    private void deleteDependents(String uid, String ns, String policy) {
        for (Dependent d : dependents(uid, ns)) {
            // another delete may already have removed it (a dependent of two owners)
            if (store.get(d.type(), d.namespace(), d.name()) != null) {
                delete(d.type(), d.object(), policy);
            }
        }
    }

    private void orphan(String uid, String ns) {
        for (Dependent d : dependents(uid, ns)) {
            ObjectNode copy = d.object().deepCopy();
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

    private void deleteContents(String namespace) {
        for (ResourceType t : catalog.all()) {
            if (t.namespaced() && t.listable()) {
                for (ObjectNode o : store.list(t, namespace)) {
                    store.delete(t, namespace, JsonFields.text(o, "metadata.name"));
                }
            }
        }
    }

    private record Dependent(ResourceType type, ObjectNode object) {
        String namespace() {
            return JsonFields.text(object, "metadata.namespace");
        }

        String name() {
            return JsonFields.text(object, "metadata.name");
        }
    }

    /** Objects with an ownerReference to uid: in the owner's namespace, or anywhere for a cluster-scoped owner. */
    private List<Dependent> dependents(String uid, String ns) {
        List<Dependent> result = new ArrayList<>();
        if (uid == null) {
            return result;
        }
        for (ResourceType t : catalog.all()) {
            if (!t.listable() || (ns != null && !t.namespaced())) {
                continue;
            }
            for (ObjectNode o : store.list(t, t.namespaced() ? ns : null)) {
                JsonNode refs = o.path("metadata").path("ownerReferences");
                for (JsonNode ref : refs) {
                    if (uid.equals(ref.path("uid").asText())) {
                        result.add(new Dependent(t, o));
                        break;
                    }
                }
            }
        }
        return result;
    }
}
