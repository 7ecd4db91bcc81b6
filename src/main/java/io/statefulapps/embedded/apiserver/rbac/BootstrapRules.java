package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The rules kube-apiserver's bootstrap policy gives its default ClusterRoles (as of Kubernetes
 * 1.32), sorted as the real ones are, limited to the API groups the embedded server serves: the
 * rules about autoscaling, batch, extensions and coordination.k8s.io are left out.
 */
final class BootstrapRules {

    static final List<String> READ = List.of("get", "list", "watch");
    static final List<String> WRITE = List.of("create", "delete", "deletecollection", "patch", "update");
    static final List<String> READ_WRITE =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    static final List<String> CREATE = List.of("create");
    static final List<String> GET = List.of("get");

    private BootstrapRules() {
    }

    static List<ObjectNode> clusterAdmin() {
        return List.of(rule(List.of("*"), "*", "*"), urls(List.of("*"), "*"));
    }

    static List<ObjectNode> discovery() {
        return List.of(urls(GET, "/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi",
                "/openapi/*", "/readyz", "/version", "/version/"));
    }

    static List<ObjectNode> publicInfoViewer() {
        return List.of(urls(GET, "/healthz", "/livez", "/readyz", "/version", "/version/"));
    }

    static List<ObjectNode> monitoring() {
        return List.of(urls(GET, "/healthz", "/healthz/*", "/livez", "/livez/*", "/metrics", "/metrics/slis",
                "/readyz", "/readyz/*"));
    }

    static List<ObjectNode> basicUser() {
        return List.of(rule(CREATE, "authorization.k8s.io", "selfsubjectaccessreviews", "selfsubjectrulesreviews"),
                rule(CREATE, "authentication.k8s.io", "selfsubjectreviews"));
    }

    static List<ObjectNode> authDelegator() {
        return List.of(rule(CREATE, "authentication.k8s.io", "tokenreviews"),
                rule(CREATE, "authorization.k8s.io", "subjectaccessreviews"));
    }

    static List<ObjectNode> aggregateToAdmin() {
        return List.of(rule(CREATE, "authorization.k8s.io", "localsubjectaccessreviews"),
                rule(READ_WRITE, "rbac.authorization.k8s.io", "rolebindings", "roles"));
    }

    static List<ObjectNode> aggregateToEdit() {
        return List.of(
                rule(READ, "", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets",
                        "services/proxy"),
                rule(List.of("impersonate"), "", "serviceaccounts"),
                rule(WRITE, "", "pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"),
                rule(CREATE, "", "pods/eviction"),
                rule(WRITE, "", "configmaps", "events", "persistentvolumeclaims", "replicationcontrollers",
                        "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"),
                rule(CREATE, "", "serviceaccounts/token"),
                rule(WRITE, "apps", "daemonsets", "deployments", "deployments/rollback", "deployments/scale",
                        "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale"),
                rule(WRITE, "policy", "poddisruptionbudgets"),
                rule(WRITE, "networking.k8s.io", "ingresses", "networkpolicies"));
    }

    static List<ObjectNode> aggregateToView() {
        return List.of(
                rule(READ, "", "configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status",
                        "pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts",
                        "services", "services/status"),
                rule(READ, "", "bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status",
                        "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"),
                rule(READ, "", "namespaces"),
                rule(READ, "discovery.k8s.io", "endpointslices"),
                rule(READ, "apps", "controllerrevisions", "daemonsets", "daemonsets/status", "deployments",
                        "deployments/scale", "deployments/status", "replicasets", "replicasets/scale",
                        "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"),
                rule(READ, "policy", "poddisruptionbudgets", "poddisruptionbudgets/status"),
                rule(READ, "networking.k8s.io", "ingresses", "ingresses/status", "networkpolicies"));
    }

    private static ObjectNode rule(List<String> verbs, String group, String... resources) {
        ObjectNode rule = JsonNodeFactory.instance.objectNode();
        rule.putArray("apiGroups").add(group);
        add(rule.putArray("resources"), List.of(resources));
        add(rule.putArray("verbs"), verbs);
        return rule;
    }

    private static ObjectNode urls(List<String> verbs, String... urls) {
        ObjectNode rule = JsonNodeFactory.instance.objectNode();
        add(rule.putArray("nonResourceURLs"), List.of(urls));
        add(rule.putArray("verbs"), verbs);
        return rule;
    }

    private static void add(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
