package io.statefulapps.embedded.apiserver;

import java.util.List;

/**
 * One resource type the embedded API server serves: what discovery advertises, what the write path
 * needs (scope, status and scale subresources, kind for Status messages) and the Fabric8 model class
 * that strict field validation decodes into (null when none).
 */
record ResourceType(String group, String version, String plural, String singular, String kind,
        boolean namespaced, List<String> verbs, List<String> shortNames, boolean hasStatus, boolean hasScale,
        Class<?> model) {

    static final List<String> ALL_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    static final List<String> CREATE_ONLY = List.of("create");

    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** "StatefulSet.apps" or "Service": how the real server names a kind in error messages. */
    String qualifiedKind() {
        return group.isEmpty() ? kind : kind + "." + group;
    }

    /** "statefulsets.apps" or "services": how the real server names a resource in NotFound/Forbidden. */
    String qualifiedResource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** The URL prefix of this type's group version: /api/v1 or /apis/apps/v1. */
    String apiPrefix() {
        return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }

    String collectionPath(String namespace) {
        return namespaced && namespace != null && !namespace.isEmpty()
                ? apiPrefix() + "/namespaces/" + namespace + "/" + plural
                : apiPrefix() + "/" + plural;
    }

    /** Whether objects of this type are kept (reviews are answered, never stored). */
    boolean stored() {
        return verbs.contains("list");
    }

    boolean is(String group, String plural) {
        return this.group.equals(group) && this.plural.equals(plural);
    }
}
