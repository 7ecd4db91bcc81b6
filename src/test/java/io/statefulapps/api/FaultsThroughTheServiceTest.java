package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.statefulapps.config.EmbeddedClusterHost;
import io.statefulapps.testing.ClusterEdits;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a caller sees when the Kubernetes API misbehaves, caused from outside the service the way a
 * person would: fault rules PUT to the embedded API server's {@code /_sim/faults}.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsThroughTheServiceTest {

    static final String NS = "faults";
    static final String APPS = "/api/v1/namespaces/" + NS + "/apps";
    static final Duration SOON = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @Inject
    EmbeddedClusterHost cluster;

    @BeforeEach
    void namespace() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .createOr(NonDeletingOperation::update);
    }

    @AfterEach
    void clearFaults() {
        given().relaxedHTTPSValidation().delete(faults()).then().statusCode(200);
    }

    String faults() {
        return cluster.url() + "/_sim/faults";
    }

    void install(String rules) {
        given().relaxedHTTPSValidation().contentType("application/json").body(rules).put(faults())
                .then().statusCode(200);
    }

    static String spec(String name) {
        return "{\"name\":\"" + name + "\",\"image\":\"nginx:1.27\",\"ports\":[{\"port\":80}]}";
    }

    Response post(String name) {
        return given().contentType("application/json").body(spec(name)).post(APPS);
    }

    /** A create of an app with one volume ("data"), so its StatefulSet makes claims. */
    static Response postWithVolume(String name) {
        return given().contentType("application/json").body("{\"name\":\"" + name + "\",\"image\":\"nginx:1.27\","
                + "\"ports\":[{\"port\":80}],\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"1Gi\"}]}")
                .post(APPS);
    }

    void assertNothingOf(String app) {
        assertNull(client.apps().statefulSets().inNamespace(NS).withName(app).get(), "StatefulSet/" + app);
        assertNull(client.services().inNamespace(NS).withName(app).get(), "Service/" + app);
        assertNull(client.services().inNamespace(NS).withName(app + "-headless").get(), "Service/" + app + "-headless");
    }

    @Test
    @Order(1)
    void aWriteFailingHalfWayIsUndoneAndSaysWhat() {
        // the dry run is the first create of the client Service, the real ones (the client retries a
        // 5xx a few times) the next
        install("[{\"verb\":\"create\",\"resource\":\"services\",\"name\":\"half\",\"nth\":2,\"times\":50,"
                + "\"status\":500}]");
        Response answer = post("half");
        assertEquals("application/problem+json", answer.contentType(), answer.statusCode() + " " + answer.asString());
        JsonPath problem = answer.jsonPath();
        assertTrue(problem.getInt("status") >= 500, problem.prettify());
        assertEquals("create Service/half", problem.getString("step"), problem.prettify());
        assertTrue(problem.getList("undone").contains("StatefulSet/half"), problem.prettify());
        assertEquals(java.util.List.of(), problem.getList("leftBehind"), problem.prettify());
        assertNothingOf("half");
        // the same request once the API behaves again: the whole app
        given().relaxedHTTPSValidation().delete(faults());
        post("half").then().statusCode(201);
    }

    @Test
    @Order(3)
    void throttlingBeyondOneRetryIs503WithTheServersRetryAfter() {
        install("[{\"verb\":\"create\",\"resource\":\"statefulsets\",\"status\":429,\"retryAfterSeconds\":2,"
                + "\"times\":40}]");
        post("throttled").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("2"))
                .body("type", containsString("cluster-unavailable"));
        assertNothingOf("throttled");
        // the dry run is throttled, sent once more, and the create never tried: two sends, no storm
        assertEquals(2, given().relaxedHTTPSValidation().get(faults()).jsonPath().getInt("[0].matched"));
    }

    @Test
    @Order(2)
    void oneThrottledAnswerIsRetriedAfterItsRetryAfter() {
        install("[{\"verb\":\"create\",\"resource\":\"statefulsets\",\"status\":429,\"retryAfterSeconds\":1,"
                + "\"times\":1}]");
        post("patient").then().statusCode(201);
    }

    @Test
    @Order(4)
    void refusalsOfTheApiServerKeepTheirMeaning() {
        install("[{\"verb\":\"create\",\"resource\":\"statefulsets\",\"name\":\"taken\",\"status\":409,"
                + "\"reason\":\"AlreadyExists\"},"
                + "{\"verb\":\"create\",\"resource\":\"statefulsets\",\"name\":\"invalid\",\"status\":422},"
                + "{\"verb\":\"create\",\"resource\":\"statefulsets\",\"name\":\"away\",\"status\":503,"
                + "\"retryAfterSeconds\":2}]");
        post("taken").then().statusCode(409).contentType("application/problem+json");
        post("invalid").then().statusCode(422).contentType("application/problem+json");
        post("away").then().statusCode(503).header("Retry-After", notNullValue());
        for (String app : new String[] {"taken", "invalid", "away"}) {
            assertNothingOf(app);
        }
    }

    @Test
    @Order(5)
    void aSlowApiIsWaitedFor() {
        install("[{\"resource\":\"statefulsets\",\"verb\":\"create\",\"delayMs\":1500}]");
        long start = System.nanoTime();
        post("slow").then().statusCode(201);
        assertTrue(System.nanoTime() - start >= 1_500_000_000L, "the create waited for the API server");
    }

    @Test
    @Order(7)
    void anApiThatIsAwayIs503WhileReadsComeFromTheCache() {
        post("steady").then().statusCode(201);
        await().atMost(SOON).until(() -> "Healthy".equals(given().get(APPS + "/steady/health").jsonPath()
                .getString("status")));
        install("[{\"refuseConnections\":true,\"forMs\":4000}]");
        given().get(APPS + "/steady/health").then().statusCode(200).body("status", equalTo("Healthy"));
        post("while-away").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        await().atMost(SOON).until(() -> post("while-away").statusCode() == 201);
    }

    @Test
    @Order(6)
    void afterDroppedWatchesAndA410TheReportsCatchUpWithWhatChangedMeanwhile() {
        post("relisted").then().statusCode(201);
        await().atMost(SOON).until(() -> "Healthy".equals(given().get(APPS + "/relisted/health").jsonPath()
                .getString("status")));
        install("[{\"watchGone\":true,\"times\":20},{\"dropWatches\":true}]");
        ClusterEdits.setImage(client, NS, "relisted", "nginx:pullfail");
        client.pods().inNamespace(NS).withName("relisted-0").withGracePeriod(0).delete();
        await().atMost(SOON).until(() -> "Degraded".equals(given().get(APPS + "/relisted/health").jsonPath()
                .getString("status")));
    }

    @Test
    @Order(8)
    void theClaimsAFailedCreatesStatefulSetMadeAreUndoneWithIt() {
        // the client Service's create fails late: by then the StatefulSet has made its pod's claim
        install("[{\"verb\":\"create\",\"resource\":\"services\",\"name\":\"claimed\",\"nth\":2,\"times\":50,"
                + "\"delayMs\":2500,\"status\":422}]");
        JsonPath problem = postWithVolume("claimed").then().statusCode(422).extract().jsonPath();
        assertTrue(problem.getList("undone").contains("PersistentVolumeClaim/data-claimed-0"), problem.prettify());
        assertEquals(java.util.List.of(), problem.getList("leftBehind"), problem.prettify());
        await().atMost(SOON).until(() -> client.persistentVolumeClaims().inNamespace(NS).withName("data-claimed-0")
                .get() == null);
        assertNothingOf("claimed");
    }

    @Test
    @Order(9)
    void aClaimKeptFromAnEarlierAppOfTheNameSurvivesAFailedCreate() {
        postWithVolume("kept").then().statusCode(201);
        await().atMost(SOON).until(() -> client.persistentVolumeClaims().inNamespace(NS).withName("data-kept-0")
                .get() != null);
        String uid = client.persistentVolumeClaims().inNamespace(NS).withName("data-kept-0").get().getMetadata()
                .getUid();
        given().delete(APPS + "/kept").then().statusCode(200);
        await().atMost(SOON).until(() -> client.apps().statefulSets().inNamespace(NS).withName("kept").get() == null);
        install("[{\"verb\":\"create\",\"resource\":\"services\",\"name\":\"kept\",\"nth\":2,\"times\":50,"
                + "\"delayMs\":2500,\"status\":422}]");
        JsonPath problem = postWithVolume("kept").then().statusCode(422).extract().jsonPath();
        assertTrue(problem.getList("undone").contains("StatefulSet/kept"), problem.prettify());
        assertFalse(problem.getList("undone").contains("PersistentVolumeClaim/data-kept-0"), problem.prettify());
        assertEquals(uid, client.persistentVolumeClaims().inNamespace(NS).withName("data-kept-0").get().getMetadata()
                .getUid(), "the data of the earlier app is still there");
    }

    @Test
    @Order(10)
    void aPatchWithIfMatchThatLosesBetweenItsWritesPutsBackWhatItHadWritten() {
        post("raced").then().statusCode(201);
        await().atMost(SOON).until(() -> "Healthy".equals(given().get(APPS + "/raced/health").jsonPath()
                .getString("status")));
        String etag = given().get(APPS + "/raced").then().statusCode(200).extract().header("ETag");
        // another writer's change lands on the client Service between this PATCH's writes
        install("[{\"verb\":\"update\",\"resource\":\"services\",\"name\":\"raced\",\"status\":409,"
                + "\"reason\":\"Conflict\"}]");
        JsonPath problem = given().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"replicas\":2,\"service\":{\"annotations\":{\"who\":\"b\"}}}").patch(APPS + "/raced")
                .then().statusCode(412).extract().jsonPath();
        assertEquals(java.util.List.of(), problem.getList("changed"), problem.prettify());
        assertTrue(problem.getString("detail").contains("Nothing was changed"), problem.prettify());
        assertEquals(1, client.apps().statefulSets().inNamespace(NS).withName("raced").get().getSpec().getReplicas(),
                "the StatefulSet written first is put back");
        given().relaxedHTTPSValidation().delete(faults());
        // as the problem says: read it again, send the change with the new tag
        String again = given().get(APPS + "/raced").then().statusCode(200).extract().header("ETag");
        given().contentType("application/merge-patch+json").header("If-Match", again)
                .body("{\"replicas\":2}").patch(APPS + "/raced").then().statusCode(200);
    }
}
