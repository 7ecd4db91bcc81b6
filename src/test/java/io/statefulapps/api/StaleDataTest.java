package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.statefulapps.config.EmbeddedClusterHost;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Watches broken from outside (the fault endpoint ends them and refuses the reconnections) for longer
 * than {@code stateful-apps.health.stale-after} (3 s here): reads still come from the cache, and every
 * report says how old its data is; once the API is back the age goes away.
 */
@QuarkusTest
@TestProfile(ShortTimesProfile.class)
class StaleDataTest {

    static final String NS = "stale-data";
    static final String APP = "/api/v1/namespaces/" + NS + "/apps/aging";

    @Inject
    KubernetesClient client;

    @Inject
    EmbeddedClusterHost cluster;

    @Test
    void reportsSayHowOldTheirDataIsWhileTheWatchesAreBroken() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .createOr(NonDeletingOperation::update);
        given().contentType("application/json").body("{\"name\":\"aging\",\"image\":\"nginx:1.27\","
                + "\"ports\":[{\"port\":80}]}").post("/api/v1/namespaces/" + NS + "/apps").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> "Healthy".equals(given().get(APP + "/health").jsonPath()
                .getString("status")));
        assertNull(given().get(APP + "/health").jsonPath().get("dataAge"));
        String faults = cluster.url() + "/_sim/faults";
        given().relaxedHTTPSValidation().contentType("application/json")
                .body("[{\"refuseConnections\":true,\"forMs\":12000},{\"dropWatches\":true}]").put(faults)
                .then().statusCode(200);
        try {
            await().atMost(Duration.ofSeconds(11)).until(() -> given().get(APP + "/health").jsonPath()
                    .get("dataAge") != null);
            String text = given().accept("text/plain").get(APP + "/health").then().statusCode(200).extract().asString();
            assertTrue(text.contains("old: the watch of the cluster is re-connecting"), text);
            // observedAt says when the data was observed, not when the report was computed from it
            var stale = given().get(APP + "/health").jsonPath();
            java.time.Instant observed = java.time.Instant.parse(stale.getString("observedAt"));
            long age = stale.getLong("dataAge");
            assertTrue(!observed.isAfter(java.time.Instant.now().minusSeconds(age - 1)),
                    "observedAt " + observed + " with dataAge " + age);
        } finally {
            given().relaxedHTTPSValidation().delete(faults);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get(APP + "/health").jsonPath()
                .get("dataAge") == null);
    }
}
