package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.statefulapps.render.Trio;
import io.statefulapps.render.TrioRenderer;
import io.statefulapps.spec.AppSpecBuilder;
import io.statefulapps.spec.PortSpec;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A replica that dies between two creates leaves part of a trio. The next POST of the app does not
 * answer a permanent 409: while the leftovers are young (another request may be creating them) it
 * says when to retry, then it cleans up and creates the app.
 */
@QuarkusTest
@TestProfile(ShortTimesProfile.class)
class AbandonedCreateTest {

    static final String NS = "abandoned-create";
    static final String BODY = "{\"name\":\"halfway\",\"image\":\"nginx:1.27\",\"ports\":[{\"port\":80}]}";

    @Inject
    KubernetesClient client;

    @Test
    void theNextPostOfAnAppLeftHalfCreatedFinishesTheJob() {
        // A warm service: the first POST of a fresh application is slow, and this one must come early.
        given().contentType("application/json").body(BODY.replace("halfway", "warm-up"))
                .post("/api/v1/namespaces/{ns}/apps?dryRun=true", NS).then().statusCode(200);
        // What a replica killed after its second create leaves: the headless Service and the StatefulSet.
        Trio trio = new TrioRenderer().render(NS, AppSpecBuilder.builder().name("halfway").image("nginx:1.27")
                .ports(List.of(new PortSpec(null, 80, null, null))).build());
        client.resource(trio.headlessService()).inNamespace(NS).create();
        client.resource(trio.statefulSet()).inNamespace(NS).create();
        given().contentType("application/json").body(BODY).post("/api/v1/namespaces/{ns}/apps", NS)
                .then().statusCode(409).header("Retry-After", notNullValue())
                .body("detail", containsString("another request may be creating it"));

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() -> given()
                .contentType("application/json").body(BODY).post("/api/v1/namespaces/{ns}/apps", NS).statusCode() == 201);
        assertNotNull(client.services().inNamespace(NS).withName("halfway").get(), "the client Service exists now");
        await().atMost(Duration.ofSeconds(30)).until(() -> "Healthy".equals(given()
                .get("/api/v1/namespaces/{ns}/apps/halfway/health", NS).jsonPath().getString("status")));
    }

    @Test
    void aWholeAppIsNeverTakenForLeftoversWhateverNamesTheNewSpecGives() {
        String body = BODY.replace("halfway", "whole");
        given().contentType("application/json").body(body).post("/api/v1/namespaces/{ns}/apps", NS).then().statusCode(201);
        var created = client.apps().statefulSets().inNamespace(NS).withName("whole").get().getMetadata();
        String uid = created.getUid();
        String renamed = body.replace("\"ports\"", "\"service\":{\"name\":\"vx\"},\"headlessServiceName\":\"vxh\",\"ports\"");
        // Older than abandoned-after, so an incomplete app would be cleaned up: a whole one must not be.
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> Duration.between(
                java.time.Instant.parse(created.getCreationTimestamp()), java.time.Instant.now()).toSeconds() > 11);
        given().contentType("application/json").body(renamed).post("/api/v1/namespaces/{ns}/apps", NS)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("belongs to the app \"whole\""));
        assertEquals(uid, client.apps().statefulSets().inNamespace(NS).withName("whole").get().getMetadata().getUid(),
                "the StatefulSet is the same one");
        assertNull(client.services().inNamespace(NS).withName("vx").get());
        assertNull(client.services().inNamespace(NS).withName("vxh").get());
        assertNotNull(client.services().inNamespace(NS).withName("whole-headless").get());
    }
}
