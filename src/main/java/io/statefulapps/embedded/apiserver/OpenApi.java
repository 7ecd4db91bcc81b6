package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * A minimal OpenAPI v3 index and per-group-version documents. kubectl (create, apply, edit)
 * downloads them only to learn whether PATCH accepts {@code fieldValidation}; when it does,
 * kubectl leaves validation to the server instead of failing with "failed to download
 * openapi". No schemas are served.
 */
final class OpenApi {

    private final ResourceCatalog catalog;

    OpenApi(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    /** The document for an /openapi/v3 path, or null. */
    ObjectNode answer(String path) {
        if (path.equals("/openapi/v3") || path.equals("/openapi/v3/")) {
            return index();
        }
        String prefix = "/openapi/v3/";
        if (!path.startsWith(prefix)) {
            return null;
        }
        String gv = path.substring(prefix.length());
        for (Map.Entry<String, List<String>> e : catalog.groupVersions().entrySet()) {
            for (String version : e.getValue()) {
                if (gv.equals(urlOf(e.getKey(), version))) {
                    return groupVersion(e.getKey(), version);
                }
            }
        }
        return null;
    }

    private ObjectNode index() {
        ObjectNode doc = JsonText.object();
        ObjectNode paths = doc.putObject("paths");
        catalog.groupVersions().forEach((group, versions) -> versions.forEach(v ->
                paths.putObject(urlOf(group, v)).put("serverRelativeURL", "/openapi/v3/" + urlOf(group, v)
                        + "?hash=embedded")));
        return doc;
    }

    private ObjectNode groupVersion(String group, String version) {
        ObjectNode doc = JsonText.object().put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0");
        ObjectNode paths = doc.putObject("paths");
        for (ResourceType t : catalog.inGroupVersion(group, version)) {
            String path = t.namespaced() ? t.apiPrefix() + "/namespaces/{namespace}/" + t.plural() + "/{name}"
                    : t.apiPrefix() + "/" + t.plural() + "/{name}";
            ObjectNode patch = paths.putObject(path).putObject("patch");
            patch.putObject("x-kubernetes-group-version-kind").put("group", t.group()).put("version", t.version())
                    .put("kind", t.kind());
            patch.put("x-kubernetes-action", "patch");
            var params = patch.putArray("parameters");
            for (String param : new String[] {"dryRun", "fieldManager", "fieldValidation", "force"}) {
                params.addObject().put("name", param).put("in", "query").putObject("schema").put("type", "string");
            }
            patch.putObject("responses").putObject("200").put("description", "OK");
        }
        doc.putObject("components").putObject("schemas");
        return doc;
    }

    private static String urlOf(String group, String version) {
        return group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
    }
}
