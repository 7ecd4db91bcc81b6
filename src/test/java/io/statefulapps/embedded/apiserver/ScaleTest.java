package io.statefulapps.embedded.apiserver;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScaleTest extends ApiServerTestBase {

    @Test
    void scaleSubresourceChangesOnlyReplicas() throws Exception {
        client.apps().statefulSets().resource(statefulSet("scaled")).create();
        client.apps().statefulSets().withName("scaled").scale(4);
        var sts = client.apps().statefulSets().withName("scaled").get();
        assertEquals(4, sts.getSpec().getReplicas());
        assertEquals(2L, sts.getMetadata().getGeneration());
        var r = http("GET", "/apis/apps/v1/namespaces/default/statefulsets/scaled/scale", null, null);
        var scale = JsonText.parse(r.body());
        assertEquals("Scale", scale.get("kind").asText());
        assertEquals(4, scale.path("spec").path("replicas").asInt());
        assertEquals("app=scaled", scale.path("status").path("selector").asText());
    }
}
