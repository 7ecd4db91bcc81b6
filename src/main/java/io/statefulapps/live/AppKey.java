package io.statefulapps.live;

/** Which app: its namespace and name. */
public record AppKey(String namespace, String name) implements Comparable<AppKey> {

    @Override
    public int compareTo(AppKey other) {
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
    }

    /** "namespace/name": one app's key as a single String ('/' is in no Kubernetes name). */
    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
