package io.statefulapps.embedded.apiserver.faults;

/**
 * The request a fault may hit, as the server resolved it: verb (get, list, watch, create, update,
 * patch, delete, deletecollection), API group, resource (plural), subresource, namespace, object
 * name and the requesting user ("" for each that does not apply or is unknown; the name of a create
 * is the one in its body when the server knows it). {@code kind} (e.g. {@code StatefulSet}) words
 * 422 answers; {@code resourceVersion} is the one a watch asked for.
 */
public record FaultTarget(String verb, String apiGroup, String resource, String subresource, String namespace,
        String name, String user, String kind, String resourceVersion) {

    public FaultTarget {
        verb = orEmpty(verb);
        apiGroup = orEmpty(apiGroup);
        resource = orEmpty(resource);
        subresource = orEmpty(subresource);
        namespace = orEmpty(namespace);
        name = orEmpty(name);
        user = orEmpty(user);
        kind = orEmpty(kind);
        resourceVersion = orEmpty(resourceVersion);
    }

    /** {@code statefulsets.apps} or {@code services}, as kube-apiserver names a resource in messages. */
    String qualifiedResource() {
        return apiGroup.isEmpty() ? resource : resource + "." + apiGroup;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
