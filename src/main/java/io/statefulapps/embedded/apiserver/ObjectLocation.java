package io.statefulapps.embedded.apiserver;

/** Where a stored object is: its kind, namespace ("" when cluster-scoped) and name. */
record ObjectLocation(ResourceType type, String namespace, String name) {
}
