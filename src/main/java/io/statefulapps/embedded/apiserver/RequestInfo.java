package io.statefulapps.embedded.apiserver;

/**
 * What a request asks for, in the attributes kube-apiserver's authorizers, audit and admission see:
 * the verb (get, list, watch, create, update, patch, delete, deletecollection; for non-resource paths
 * the lowercase HTTP method), the API group ("" for core), resource, subresource, namespace and name
 * (each null when absent), or for a non-resource request its path.
 */
public record RequestInfo(boolean resourceRequest, String verb, String apiGroup, String apiVersion, String resource,
        String subresource, String namespace, String name, String path) {

    static RequestInfo of(String method, RequestTarget target) {
        if (!target.isResource()) {
            return new RequestInfo(false, method.toLowerCase(), null, null, null, null, null, null, target.path());
        }
        RequestTarget t = target.unwatched();
        boolean item = t.name() != null;
        String verb = switch (method.toUpperCase()) {
            case "GET", "HEAD" -> target.isWatch() ? "watch" : item ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> item ? "delete" : "deletecollection";
            default -> method.toLowerCase();
        };
        return new RequestInfo(true, verb, t.group(), t.version(), t.plural(), t.subresource(), t.namespace(), t.name(),
                target.path());
    }
}
