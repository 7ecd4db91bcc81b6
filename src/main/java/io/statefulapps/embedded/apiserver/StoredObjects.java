package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/** A read-only view of what the API server stores, for the seams (RBAC reads Roles and bindings). */
public interface StoredObjects {

    /** A copy of the object, if stored; {@code namespace} null for cluster-scoped kinds. */
    Optional<ObjectNode> get(String group, String resource, String namespace, String name);

    /** Copies of the objects of a kind, in one namespace or (null) all of them. */
    List<ObjectNode> list(String group, String resource, String namespace);

    /**
     * The resourceVersion of the last change to any object of the kind (0 when none since start), so
     * a seam can cache what it derived from them.
     */
    long lastChange(String group, String resource);
}
