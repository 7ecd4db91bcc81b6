package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Namespaces as the real server treats them: its NamespaceLifecycle admission (a create into a
 * namespace that does not exist is 404 NotFound, into one being deleted 403 Forbidden; the three
 * system namespaces cannot be deleted) and its namespace controller (a deleted namespace turns
 * Terminating, everything in it is deleted through the normal delete path, then it goes).
 */
final class NamespaceLifecycle {

    static final Set<String> SYSTEM_NAMESPACES = Set.of("default", "kube-system", "kube-public");
    private static final Logger LOG = Logger.getLogger(NamespaceLifecycle.class.getName());
    /** How soon the controller looks again at a namespace whose content is held by finalizers. */
    private static final Duration RETRY = Duration.ofMillis(200);

    private final ObjectStore store;
    private final ResourceCatalog catalog;
    private final ResourceType namespaces;
    private final GarbageCollector gc;
    private final DelayedTasks later;
    private final Clock clock;

    NamespaceLifecycle(ObjectStore store, ResourceCatalog catalog, GarbageCollector gc, DelayedTasks later,
            Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.namespaces = catalog.get("", "namespaces");
        this.gc = gc;
        this.later = later;
        this.clock = clock;
    }

    /** Refuses a create of a namespaced object as the admission plugin does; call under the write lock. */
    void admitCreate(ResourceType type, String namespace, String name) {
        if (!type.namespaced() || !type.stored()) {
            return;
        }
        StoredObject ns = store.get(namespaces, null, namespace);
        if (ns == null) {
            throw ApiException.notFound(namespaces, namespace);
        }
        // status.phase is a selectable field of namespaces: read as stored, without parsing the object
        if ("Terminating".equals(SelectableFields.value(namespaces, ns, "status.phase"))) {
            throw new ApiException(403, "Forbidden", type.qualifiedResource() + " \"" + name + "\" is forbidden: "
                    + "unable to create new content in namespace " + namespace + " because it is being terminated",
                    name, type.group(), type.plural(), List.of(new ApiException.Cause("NamespaceTerminating",
                    "metadata.namespace", "namespace " + namespace + " is being terminated")));
        }
    }

    /** Marks the namespace Terminating and starts deleting its content; answers it as it is now. */
    StoredObject delete(StoredObject namespace) {
        if (SYSTEM_NAMESPACES.contains(namespace.name())) {
            throw ApiException.forbidden(namespaces, namespace.name(), "this namespace may not be deleted");
        }
        ObjectNode tree = namespace.tree();
        if (tree.path("metadata").has("deletionTimestamp")) {
            return namespace;
        }
        JsonFields.metadata(tree).put("deletionTimestamp", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("deletionGracePeriodSeconds", 0);
        JsonFields.obj(tree, "status").put("phase", "Terminating");
        StoredObject marked = store.replace(namespaces, tree);
        String name = namespace.name();
        later.schedule(Duration.ZERO, () -> cleanUp(name));
        return marked;
    }

    private void cleanUp(String name) {
        try {
            boolean done = store.write(() -> deleteContent(name) && finish(name));
            if (!done) {
                later.schedule(RETRY, () -> cleanUp(name));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "deleting the content of namespace " + name + " failed; trying again", e);
            later.schedule(RETRY, () -> cleanUp(name));
        }
    }

    /** Deletes what is left in the namespace; true when nothing is left. */
    private boolean deleteContent(String namespace) {
        boolean empty = true;
        for (ResourceType t : catalog.all()) {
            if (!t.namespaced() || !t.stored()) {
                continue;
            }
            for (StoredObject o : store.select(t, namespace, LabelSelector.EVERYTHING, FieldSelector.EVERYTHING, null)) {
                if (!o.tree().path("metadata").has("deletionTimestamp")) {
                    gc.delete(t, o, "Background");
                }
            }
            empty &= store.select(t, namespace, LabelSelector.EVERYTHING, FieldSelector.EVERYTHING, null).isEmpty();
        }
        return empty;
    }

    /** Removes the "kubernetes" finalizer, which lets the marked namespace go. */
    private boolean finish(String namespace) {
        StoredObject ns = store.get(namespaces, null, namespace);
        if (ns != null) {
            ObjectNode tree = ns.tree();
            JsonFields.obj(tree, "spec").putArray("finalizers");
            store.replace(namespaces, tree);
        }
        return true;
    }
}
