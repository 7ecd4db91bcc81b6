package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.statefulapps.embedded.apiserver.StoredObjects;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RBAC objects and ServiceAccounts the API server stores, read for every decision. Each kind's
 * objects are copied out of the store once per change to that kind (the store says when the kind
 * last changed), so a request costs no copying while the policy stays the same.
 */
final class StoredRbacObjects implements RbacObjects {

    private static final String GROUP = "rbac.authorization.k8s.io";

    /** A kind's objects as of the store's change {@code version}. */
    private record Snapshot(long version, List<JsonNode> objects) {
    }

    private final StoredObjects store;
    private final Map<String, Snapshot> byResource = new ConcurrentHashMap<>();

    StoredRbacObjects(StoredObjects store) {
        this.store = store;
    }

    @Override
    public List<JsonNode> roles(String namespace) {
        return inNamespace(all("roles"), namespace);
    }

    @Override
    public List<JsonNode> clusterRoles() {
        return all("clusterroles");
    }

    @Override
    public List<JsonNode> roleBindings(String namespace) {
        return inNamespace(all("rolebindings"), namespace);
    }

    @Override
    public List<JsonNode> clusterRoleBindings() {
        return all("clusterrolebindings");
    }

    @Override
    public Optional<JsonNode> serviceAccount(String namespace, String name) {
        return store.get("", "serviceaccounts", namespace, name).map(JsonNode.class::cast);
    }

    /** The version is read before the objects, so a snapshot is never older than the version it names. */
    private List<JsonNode> all(String resource) {
        long version = store.lastChange(GROUP, resource);
        Snapshot known = byResource.get(resource);
        if (known != null && known.version() == version) {
            return known.objects();
        }
        Snapshot fresh = new Snapshot(version, List.copyOf(store.list(GROUP, resource, null)));
        byResource.put(resource, fresh);
        return fresh.objects();
    }

    private static List<JsonNode> inNamespace(List<JsonNode> objects, String namespace) {
        return objects.stream().filter(o -> o.path("metadata").path("namespace").asText().equals(namespace)).toList();
    }
}
