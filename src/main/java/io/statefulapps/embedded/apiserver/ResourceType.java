package io.statefulapps.embedded.apiserver;

import java.util.List;

/**
 * One resource type the embedded API server knows: what discovery advertises and what the
 * write path needs (scope, status subresource, kind for Status messages).
 */
public record ResourceType(String group, String version, String plural, String singular, String kind,
    boolean namespaced, List<String> verbs, List<String> shortNames, boolean hasStatus) {

  static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  static final List<String> CREATE_ONLY = List.of("create");

  public String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** "StatefulSet.apps" or "Service": how the real server names a kind in error messages. */
  public String qualifiedKind() {
    return group.isEmpty() ? kind : kind + "." + group;
  }

  /** "statefulsets.apps" or "services": how the real server names a resource in NotFound/Forbidden. */
  public String qualifiedResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** The URL prefix of this type's group version: /api/v1 or /apis/apps/v1. */
  public String apiPrefix() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  public String collectionPath(String namespace) {
    return namespaced && namespace != null && !namespace.isEmpty()
        ? apiPrefix() + "/namespaces/" + namespace + "/" + plural
        : apiPrefix() + "/" + plural;
  }

  public String itemPath(String namespace, String name) {
    return collectionPath(namespace) + "/" + name;
  }

  public boolean listable() {
    return verbs.contains("list");
  }
}
