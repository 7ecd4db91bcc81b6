package io.statefulapps.embedded.apiserver.rbac;

/**
 * What a request asks for, in the terms RBAC rules speak: kube-apiserver's request info. A resource
 * request names a verb (get, list, watch, create, update, patch, delete, deletecollection, ...), an
 * API group and version, a resource with an optional subresource, a namespace ("" at the cluster
 * scope) and a name ("" for collections); any other request is a non-resource request for a path,
 * whose verb is the lower-cased HTTP method.
 */
public record RequestAttributes(boolean resourceRequest, String verb, String apiGroup, String apiVersion,
        String resource, String subresource, String namespace, String name, String path) {

    public RequestAttributes {
        verb = orEmpty(verb);
        apiGroup = orEmpty(apiGroup);
        apiVersion = orEmpty(apiVersion);
        resource = orEmpty(resource);
        subresource = orEmpty(subresource);
        namespace = orEmpty(namespace);
        name = orEmpty(name);
        path = orEmpty(path);
    }

    /**
     * The attributes of an HTTP request, resolved exactly as kube-apiserver resolves them.
     *
     * @param method the HTTP method ({@code GET}, {@code POST}, ...)
     * @param pathAndQuery the request target: the raw path with its query string, if any
     */
    public static RequestAttributes fromHttp(String method, String pathAndQuery) {
        return RequestPathResolver.resolve(method, pathAndQuery);
    }

    public static RequestAttributes resource(String verb, String apiGroup, String resource, String subresource,
            String namespace, String name) {
        return new RequestAttributes(true, verb, apiGroup, "", resource, subresource, namespace, name, "");
    }

    public static RequestAttributes nonResource(String verb, String path) {
        return new RequestAttributes(false, verb, "", "", "", "", "", "", path);
    }

    /** {@code pods/log} for a subresource request, else the resource. */
    public String resourceWithSubresource() {
        return subresource.isEmpty() ? resource : resource + "/" + subresource;
    }

    /** {@code statefulsets.apps} or {@code pods}: a group resource as kube-apiserver prints it. */
    public String qualifiedResource() {
        return apiGroup.isEmpty() ? resource : resource + "." + apiGroup;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
