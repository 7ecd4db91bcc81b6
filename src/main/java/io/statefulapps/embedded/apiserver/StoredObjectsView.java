package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/** {@link StoredObjects} over the store: copies, so a seam can never change what is stored. */
final class StoredObjectsView implements StoredObjects {

    private final ObjectStore store;
    private final ResourceCatalog catalog;

    StoredObjectsView(ObjectStore store, ResourceCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public Optional<ObjectNode> get(String group, String resource, String namespace, String name) {
        ResourceType type = type(group, resource);
        StoredObject o = store.get(type, type.namespaced() ? namespace : null, name);
        return o == null ? Optional.empty() : Optional.of(o.tree());
    }

    @Override
    public List<ObjectNode> list(String group, String resource, String namespace) {
        ResourceType type = type(group, resource);
        return store.select(type, type.namespaced() ? namespace : null, LabelSelector.EVERYTHING,
                FieldSelector.EVERYTHING, null).stream().map(StoredObject::tree).toList();
    }

    @Override
    public long lastChange(String group, String resource) {
        ResourceType type = type(group, resource);
        return store.read(() -> store.log(type).lastVersion());
    }

    private ResourceType type(String group, String resource) {
        return catalog.find(group, "v1", resource).filter(ResourceType::stored)
                .orElseThrow(() -> new IllegalArgumentException("not a stored resource: " + group + "/" + resource));
    }
}
