package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The discovery documents kubectl and client libraries read before anything else: without
 * them kubectl knows no resource types ("the server doesn't have a resource type sts").
 * Only the legacy (v1) documents are served; kubectl falls back to them when the answer to its
 * aggregated-discovery Accept header is plain application/json.
 */
final class Discovery {

    /** The kinds "kubectl get all" shows, as on a real cluster (of those served here). */
    private static final java.util.Set<String> IN_CATEGORY_ALL = java.util.Set.of("pods", "services", "statefulsets",
            "deployments");

    private final ResourceCatalog catalog;
    /** "127.0.0.1:port", known once the server listens. */
    private final Supplier<String> serverAddress;

    Discovery(ResourceCatalog catalog, Supplier<String> serverAddress) {
        this.catalog = catalog;
        this.serverAddress = serverAddress;
    }

    /** The document for a non-resource path, or null when the path is not a discovery path. */
    ObjectNode answer(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (p.equals("/version")) {
            return version();
        }
        if (p.equals("/api")) {
            return apiVersions();
        }
        if (p.equals("/apis")) {
            return groupList();
        }
        String[] segs = p.split("/");
        if (segs.length == 3 && segs[1].equals("api")) {
            return resourceList("", segs[2]);
        }
        if (segs.length == 3 && segs[1].equals("apis")) {
            return group(segs[2]);
        }
        if (segs.length == 4 && segs[1].equals("apis")) {
            return resourceList(segs[2], segs[3]);
        }
        return null;
    }

    private ObjectNode version() {
        ObjectNode v = JsonText.object();
        v.put("major", "1").put("minor", "32").put("gitVersion", "v1.32.0")
                .put("gitCommit", "70d3cc986aa8221cd1dfb1121852688902d3bf53").put("gitTreeState", "clean")
                .put("buildDate", "2024-12-11T17:59:15Z").put("goVersion", "go1.23.3").put("compiler", "gc")
                .put("platform", "linux/amd64");
        return v;
    }

    private ObjectNode apiVersions() {
        ObjectNode doc = JsonText.object().put("kind", "APIVersions");
        doc.putArray("versions").add("v1");
        doc.putArray("serverAddressByClientCIDRs").addObject()
                .put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress.get());
        return doc;
    }

    private ObjectNode groupList() {
        ObjectNode doc = JsonText.object().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = doc.putArray("groups");
        for (Map.Entry<String, List<String>> e : catalog.groupVersions().entrySet()) {
            if (!e.getKey().isEmpty()) {
                groups.add(groupNode(e.getKey(), e.getValue()));
            }
        }
        return doc;
    }

    private ObjectNode group(String name) {
        List<String> versions = catalog.groupVersions().get(name);
        if (name.isEmpty() || versions == null) {
            return null;
        }
        return groupNode(name, versions).put("kind", "APIGroup").put("apiVersion", "v1");
    }

    private static ObjectNode groupNode(String name, List<String> versions) {
        ObjectNode group = JsonText.object().put("name", name);
        ArrayNode list = group.putArray("versions");
        for (String v : versions) {
            list.addObject().put("groupVersion", name + "/" + v).put("version", v);
        }
        group.putObject("preferredVersion").put("groupVersion", name + "/" + versions.get(0))
                .put("version", versions.get(0));
        return group;
    }

    private ObjectNode resourceList(String group, String version) {
        List<ResourceType> types = catalog.inGroupVersion(group, version);
        if (types.isEmpty()) {
            return null;
        }
        ObjectNode doc = JsonText.object().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", types.get(0).groupVersion());
        ArrayNode resources = doc.putArray("resources");
        for (ResourceType t : types) {
            ObjectNode r = resources.addObject().put("name", t.plural()).put("singularName", t.singular())
                    .put("namespaced", t.namespaced()).put("kind", t.kind());
            t.verbs().forEach(r.putArray("verbs")::add);
            if (!t.shortNames().isEmpty()) {
                t.shortNames().forEach(r.putArray("shortNames")::add);
            }
            if (IN_CATEGORY_ALL.contains(t.plural())) {
                r.putArray("categories").add("all");
            }
            subresources(resources, t);
        }
        return doc;
    }

    private static void subresources(ArrayNode resources, ResourceType t) {
        if (t.is("", "pods")) {
            subresource(resources, t, "log", null, "Pod").add("get");
            // kubectl drain evicts only where discovery lists pods/eviction; else it deletes past budgets
            subresource(resources, t, "eviction", "policy", "Eviction").add("create");
        }
        if (t.is("", "serviceaccounts")) {
            subresource(resources, t, "token", "authentication.k8s.io", "TokenRequest").add("create");
        }
        if (t.hasStatus()) {
            subresource(resources, t, "status", null, t.kind()).add("get").add("patch").add("update");
        }
        if (t.hasScale()) {
            subresource(resources, t, "scale", "autoscaling", "Scale").add("get").add("patch").add("update");
        }
    }

    /** Adds "plural/sub" and answers its verbs list to fill. */
    private static ArrayNode subresource(ArrayNode resources, ResourceType t, String sub, String group, String kind) {
        ObjectNode r = resources.addObject().put("name", t.plural() + "/" + sub).put("singularName", "")
                .put("namespaced", t.namespaced());
        if (group != null) {
            r.put("group", group).put("version", "v1");
        }
        r.put("kind", kind);
        return r.putArray("verbs");
    }
}
