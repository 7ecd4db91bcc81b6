package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscoveryTest extends ApiServerTestBase {

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http("GET", path, null, null);
        assertEquals(200, r.statusCode(), path);
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""), path);
        return JsonText.parse(r.body());
    }

    @Test
    void versionIsAVersionInfo() throws Exception {
        JsonNode v = get("/version");
        assertEquals("1", v.get("major").asText());
        assertTrue(v.get("gitVersion").asText().startsWith("v1."));
        assertEquals("1", client.getKubernetesVersion().getMajor());
    }

    @Test
    void apiListsTheCoreVersion() throws Exception {
        JsonNode doc = get("/api");
        assertEquals("APIVersions", doc.get("kind").asText());
        assertEquals("v1", doc.get("versions").get(0).asText());
    }

    @Test
    void apisListsEveryGroup() throws Exception {
        JsonNode doc = get("/apis");
        assertEquals("APIGroupList", doc.get("kind").asText());
        List<String> groups = new ArrayList<>();
        doc.get("groups").forEach(g -> groups.add(g.get("name").asText()));
        assertTrue(groups.containsAll(List.of("apps", "discovery.k8s.io", "storage.k8s.io", "events.k8s.io",
                "authentication.k8s.io", "authorization.k8s.io")), groups.toString());
    }

    @Test
    void coreResourceListHasVerbsShortNamesAndStatus() throws Exception {
        JsonNode doc = get("/api/v1");
        assertEquals("APIResourceList", doc.get("kind").asText());
        JsonNode pvc = find(doc, "persistentvolumeclaims");
        assertEquals("PersistentVolumeClaim", pvc.get("kind").asText());
        assertTrue(pvc.get("namespaced").asBoolean());
        assertEquals("pvc", pvc.get("shortNames").get(0).asText());
        assertTrue(pvc.get("verbs").toString().contains("watch"));
        assertEquals("PersistentVolumeClaim", find(doc, "persistentvolumeclaims/status").get("kind").asText());
        for (String r : List.of("pods", "services", "persistentvolumes", "events", "namespaces", "nodes", "endpoints",
                "configmaps", "secrets", "serviceaccounts")) {
            find(doc, r);
        }
    }

    @Test
    void groupResourceLists() throws Exception {
        JsonNode apps = get("/apis/apps/v1");
        assertEquals("sts", find(apps, "statefulsets").get("shortNames").get(0).asText());
        find(apps, "statefulsets/status");
        find(apps, "controllerrevisions");
        find(get("/apis/discovery.k8s.io/v1"), "endpointslices");
        find(get("/apis/storage.k8s.io/v1"), "storageclasses");
        find(get("/apis/events.k8s.io/v1"), "events");
        assertEquals("[\"create\"]", find(get("/apis/authentication.k8s.io/v1"), "tokenreviews").get("verbs").toString());
        assertEquals("[\"create\"]",
                find(get("/apis/authorization.k8s.io/v1"), "subjectaccessreviews").get("verbs").toString());
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode r : list.get("resources")) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError(name + " missing from " + list.get("groupVersion"));
    }
}
