package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SelectorTest extends ApiServerTestBase {

    @BeforeAll
    void pods() {
        create("a", Map.of("tier", "web", "env", "prod"), "sim-node-1", "Running");
        create("b", Map.of("tier", "db", "env", "prod"), "sim-node-2", "Pending");
        create("c", Map.of("tier", "cache"), "sim-node-1", "Running");
        client.v1().events().resource(new EventBuilder().withNewMetadata().withName("ev1").endMetadata()
                .withNewInvolvedObject().withKind("StatefulSet").withName("web").withNamespace("default").endInvolvedObject()
                .withReason("FailedCreate").withType("Warning").build()).create();
        client.v1().events().resource(new EventBuilder().withNewMetadata().withName("ev2").endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName("web-0").withNamespace("default").endInvolvedObject()
                .withReason("Pulled").withType("Normal").build()).create();
    }

    private void create(String name, Map<String, String> labels, String node, String phase) {
        Pod p = pod(name);
        p.getMetadata().setLabels(labels);
        p.getSpec().setNodeName(node);
        client.pods().resource(p).create();
        p = client.pods().withName(name).get();
        p.getStatus().setPhase(phase);
        client.pods().resource(p).updateStatus();
    }

    private static List<String> names(List<? extends HasMetadata> items) {
        return items.stream().map(i -> i.getMetadata().getName()).sorted().toList();
    }

    @Test
    void setBasedLabelSelectors() {
        assertEquals(List.of("a", "b"), names(client.pods().withLabelIn("tier", "web", "db").list().getItems()));
        assertEquals(List.of("c"), names(client.pods().withLabelNotIn("tier", "web", "db").list().getItems()));
        assertEquals(List.of("c"), names(client.pods().withoutLabel("env").list().getItems()));
        assertEquals(List.of("a", "b"), names(client.pods().withLabel("env").list().getItems()));
        assertEquals(List.of("b"), names(client.pods().withLabel("env", "prod").withoutLabel("tier", "web").list().getItems()));
    }

    @Test
    void setBasedSelectorOverHttp() throws Exception {
        var r = http("GET", "/api/v1/namespaces/default/pods?labelSelector="
                + java.net.URLEncoder.encode("tier in (web,cache),env notin (dev)", "UTF-8"), null, null);
        var items = JsonText.parse(r.body()).get("items");
        assertEquals(2, items.size(), r.body());
        assertEquals("PodList", JsonText.parse(r.body()).get("kind").asText());
    }

    @Test
    void fieldSelectors() {
        assertEquals(List.of("a", "c"), names(client.pods().withField("spec.nodeName", "sim-node-1").list().getItems()));
        assertEquals(List.of("b"), names(client.pods().withField("status.phase", "Pending").list().getItems()));
        assertEquals(List.of("a", "c"), names(client.pods().withoutField("status.phase", "Pending").list().getItems()));
        assertEquals(List.of("a"), names(client.pods().inAnyNamespace().withField("metadata.name", "a").list().getItems()));
        assertEquals(List.of("ev1"), names(client.v1().events().withField("involvedObject.kind", "StatefulSet")
                .withField("involvedObject.name", "web").list().getItems()));
    }

    @Test
    void aMalformedLabelSelectorIsABadRequestStatusForListsAndWatches() throws Exception {
        String selector = java.net.URLEncoder.encode("tier in (web", java.nio.charset.StandardCharsets.UTF_8);
        for (String query : List.of("?labelSelector=", "?watch=true&labelSelector=")) {
            var r = http("GET", "/api/v1/namespaces/default/pods" + query + selector, null, null);
            assertEquals(400, r.statusCode(), r.body());
            var status = JsonText.parse(r.body());
            assertEquals("Status", status.path("kind").asText(), r.body());
            assertEquals("Failure", status.path("status").asText(), r.body());
            assertEquals("BadRequest", status.path("reason").asText(), r.body());
            assertEquals(400, status.path("code").asInt(), r.body());
            assertEquals("unable to parse requirement: found '', expected: ',' or ')'", status.path("message").asText());
        }
    }

    @Test
    void anEmptyValueSetSelectsTheEmptyValueAsTheRealServerDoes() throws Exception {
        var none = http("GET", "/api/v1/namespaces/default/pods?labelSelector="
                + java.net.URLEncoder.encode("tier in ()", "UTF-8"), null, null);
        assertEquals(200, none.statusCode(), none.body());
        assertEquals(0, JsonText.parse(none.body()).get("items").size(), none.body());
        var all = http("GET", "/api/v1/namespaces/default/pods?labelSelector="
                + java.net.URLEncoder.encode("tier notin ()", "UTF-8"), null, null);
        assertEquals(3, JsonText.parse(all.body()).get("items").size(), all.body());
    }
}
