package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** DELETE on the embedded cluster: the data stays unless asked, and comes back with the app. */
@QuarkusTest
class AppDeleteTest {

    static final String NS = "app-delete";
    static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    KubernetesClient client;

    static void create(String name, int replicas) {
        given().contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"image\":\"nginx:1.27\",\"replicas\":" + replicas
                        + ",\"ports\":[{\"port\":80}],"
                        + "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"1Gi\"}]}")
                .post("/api/v1/namespaces/{ns}/apps", NS).then().statusCode(201);
    }

    static String healthOf(String name) {
        return given().accept("application/json").get("/api/v1/namespaces/{ns}/apps/{name}/health", NS, name)
                .then().statusCode(200).extract().jsonPath().getString("status");
    }

    static JsonPath delete(String name, String query) {
        return given().delete("/api/v1/namespaces/{ns}/apps/{name}" + query, NS, name)
                .then().statusCode(200).contentType(containsString("json")).extract().jsonPath();
    }

    /** Claim name to {uid, volume}. */
    Map<String, List<String>> claims(String app) {
        return client.persistentVolumeClaims().inNamespace(NS).withLabel("app.kubernetes.io/instance", app).list()
                .getItems().stream().collect(Collectors.toMap(c -> c.getMetadata().getName(),
                        c -> List.of(c.getMetadata().getUid(), String.valueOf(c.getSpec().getVolumeName()))));
    }

    @Test
    void keepsTheDataAndACreateWithTheSameNameGetsItBack() {
        create("keep", 2);
        await().atMost(WAIT).until(() -> "Healthy".equals(healthOf("keep")));
        Map<String, List<String>> before = claims("keep");
        assertEquals(2, before.size());

        JsonPath result = delete("keep", "");
        assertEquals(List.of("Service", "StatefulSet", "Service"), result.getList("deleted.kind"));
        assertEquals(List.of("keep", "keep", "keep-headless"), result.getList("deleted.name"));
        assertEquals(List.of("data-keep-0", "data-keep-1"), result.getList("kept.claim"));
        assertEquals(List.of(before.get("data-keep-0").get(1), before.get("data-keep-1").get(1)),
                result.getList("kept.volume"));
        assertEquals(List.of("Delete", "Delete"), result.getList("kept.reclaimPolicy"));
        assertTrue(result.getString("kept[0].warning").contains("would delete PersistentVolume/"),
                result.getString("kept[0].warning"));
        assertEquals(List.of(), result.getList("missing"));
        assertEquals(List.of(), result.getList("skipped"));

        assertNull(client.apps().statefulSets().inNamespace(NS).withName("keep").get());
        assertNull(client.services().inNamespace(NS).withName("keep").get());
        assertNull(client.services().inNamespace(NS).withName("keep-headless").get());
        await().atMost(WAIT).until(() -> client.pods().inNamespace(NS).withLabel("app", "keep").list().getItems()
                .isEmpty());
        assertEquals(before, claims("keep"), "the claims and their volumes are still there");
        given().get("/api/v1/namespaces/{ns}/apps/keep", NS).then().statusCode(404);

        create("keep", 2);
        await().atMost(WAIT).until(() -> "Healthy".equals(healthOf("keep")));
        assertEquals(before, claims("keep"), "the new pods use the kept claims");
    }

    @Test
    void deleteDataRemovesTheClaimsToo() {
        create("wipe", 1);
        await().atMost(WAIT).until(() -> "Healthy".equals(healthOf("wipe")));
        JsonPath result = delete("wipe", "?deleteData=true");
        assertEquals(List.of("Service", "StatefulSet", "Service", "PersistentVolumeClaim"),
                result.getList("deleted.kind"));
        assertEquals(List.of(), result.getList("kept"));
        assertTrue(result.getList("warnings").toString().contains("reclaim policy Delete"),
                result.getList("warnings").toString());
        await().atMost(WAIT).until(() -> claims("wipe").isEmpty());
    }

    @Test
    void theDataAnEarlierDeleteKeptCanBeRemovedLater() {
        create("later", 1);
        await().atMost(WAIT).until(() -> "Healthy".equals(healthOf("later")));
        delete("later", "");
        assertEquals(1, claims("later").size());
        given().delete("/api/v1/namespaces/{ns}/apps/later", NS).then().statusCode(404)
                .body("detail", containsString("only its data is left"));
        // A flag left without a value is refused, not read as true: the claim is still there.
        given().delete("/api/v1/namespaces/{ns}/apps/later?deleteData", NS).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'deleteData' has no value"));
        given().delete("/api/v1/namespaces/{ns}/apps/later?deleteData=", NS).then().statusCode(400);
        assertEquals(1, claims("later").size());
        JsonPath result = delete("later", "?deleteData=true");
        assertEquals(List.of("PersistentVolumeClaim"), result.getList("deleted.kind"));
        await().atMost(WAIT).until(() -> claims("later").isEmpty());
        given().delete("/api/v1/namespaces/{ns}/apps/later?deleteData=true", NS).then().statusCode(404);
    }

    @Test
    void aMissingAppIs404() {
        given().delete("/api/v1/namespaces/{ns}/apps/never", NS).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("never"));
        given().delete("/api/v1/namespaces/{ns}/apps/never?deleteData=maybe", NS).then().statusCode(400);
    }

    @Test
    void aPartlyGoneAppIsDeletedAndWhatIsNotOursIsLeftAlone() {
        create("part", 1);
        client.services().inNamespace(NS).withName("part").delete();
        await().atMost(WAIT).until(() -> client.services().inNamespace(NS).withName("part").get() == null);
        client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("part")
                .addToLabels("app", "part").endMetadata()
                .withNewSpec().addNewPort().withPort(80).endPort().endSpec().build()).create();

        given().delete("/api/v1/namespaces/{ns}/apps/part", NS).then().statusCode(200)
                .body("deleted.kind", equalTo(List.of("StatefulSet", "Service")))
                .body("skipped", hasSize(1))
                .body("skipped[0].name", equalTo("part"))
                .body("warnings", hasItem(containsString("not managed by this service")));
        assertNotNull(client.services().inNamespace(NS).withName("part").get(), "someone else's Service stays");

        create("gone", 1);
        client.services().inNamespace(NS).withName("gone-headless").delete();
        client.apps().statefulSets().inNamespace(NS).withName("gone").withPropagationPolicy(
                io.fabric8.kubernetes.api.model.DeletionPropagation.ORPHAN).delete();
        // By role, one vocabulary for the three objects.
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/namespaces/{ns}/apps/gone", NS).then()
                .statusCode(200).body("status.missing", equalTo(List.of("headless Service", "StatefulSet"))));
        given().delete("/api/v1/namespaces/{ns}/apps/gone", NS).then().statusCode(200)
                .body("missing.name", equalTo(List.of("gone", "gone-headless")))
                .body("deleted.name", equalTo(List.of("gone")));
    }

    @Test
    void ifMatchWithTheCurrentETagDeletes() {
        create("cond", 1);
        await().atMost(WAIT).until(() -> claims("cond").size() == 1);
        String etag = given().contentType("application/merge-patch+json").body("{}")
                .patch("/api/v1/namespaces/{ns}/apps/cond", NS).then().statusCode(200).extract().header("ETag");
        given().header("If-Match", "\"stale\"").delete("/api/v1/namespaces/{ns}/apps/cond", NS)
                .then().statusCode(412);
        given().header("If-Match", etag).delete("/api/v1/namespaces/{ns}/apps/cond", NS).then().statusCode(200);
        PersistentVolumeClaim anyClaim = client.persistentVolumeClaims().inNamespace(NS).withName("data-cond-0").get();
        assertNotNull(anyClaim);
    }
}
