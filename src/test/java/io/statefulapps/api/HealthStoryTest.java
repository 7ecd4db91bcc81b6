package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.statefulapps.cluster.ApiRequestMetrics;
import io.statefulapps.testing.ClusterEdits;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The whole health story on the embedded cluster, and what reads cost the Kubernetes API. */
@QuarkusTest
class HealthStoryTest {

    static final String NS = "health-story";

    @Inject
    KubernetesClient client;

    @Inject
    ApiRequestMetrics metrics;

    static JsonPath health(String name) {
        return given().accept("application/json").get("/api/v1/namespaces/{ns}/apps/{name}/health", NS, name)
                .then().statusCode(200).extract().jsonPath();
    }

    static void create(String name, String image, int replicas) {
        create(name, image, replicas, NS);
    }

    static void create(String name, String image, int replicas, String namespace) {
        given().contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"image\":\"" + image + "\",\"replicas\":" + replicas
                        + ",\"ports\":[{\"name\":\"http\",\"port\":8080}],"
                        + "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"1Gi\"}]}")
                .post("/api/v1/namespaces/{ns}/apps", namespace).then().statusCode(201);
    }

    @Test
    void createProgressingHealthyCrashLoopingFixedHealthy() {
        create("story", "nginx:1.27", 2);
        // From its creation to Healthy an app is Progressing, never Missing, Degraded or Unknown on the way.
        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            seen.add(health("story").getString("status"));
            return seen.get(seen.size() - 1).equals("Healthy");
        });
        assertEquals(Set.of("Healthy"), new HashSet<>(seen.stream().filter(s -> !s.equals("Progressing")).toList()),
                "statuses seen on the way: " + seen);
        JsonPath healthy = health("story");
        assertEquals(2, healthy.getList("pods").size());
        assertEquals(List.of("Bound", "Bound"), healthy.getList("volumes.claim.phase"));
        assertEquals("story-0.story-headless." + NS + ".svc.cluster.local", healthy.getString("dns[0].hostname"));
        assertEquals(healthy.getString("pods[0].podIP"), healthy.getString("dns[0].publishedAddresses[0]"));

        ClusterEdits.setImage(client, NS, "story", "nginx:crashloop");
        // A crash-looping container flips between running and waiting: catch it while it waits.
        AtomicReference<JsonPath> crashing = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            crashing.set(health("story"));
            return crashing.get().getList("problems.reason").contains("CrashLoopBackOff");
        });
        JsonPath degraded = crashing.get();
        assertEquals("Degraded", degraded.getString("status"));
        String hint = degraded.getString("problems.find { it.reason == 'CrashLoopBackOff' }.hint");
        assertTrue(hint.contains("kubectl -n " + NS + " logs story-1") && hint.contains("--previous"), hint);

        AtomicReference<String> text = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            text.set(given().accept("text/plain").get("/api/v1/namespaces/{ns}/apps/story/health", NS)
                    .then().statusCode(200).contentType(containsString("text/plain")).extract().asString());
            return text.get().contains("CrashLoopBackOff");
        });
        assertTrue(text.get().startsWith("story in " + NS + ": Degraded (1/2 pods ready)"), text.get());
        assertTrue(text.get().lines().count() <= 15, text.get());
        assertTrue(text.get().contains("hint: "), text.get());

        ClusterEdits.setImage(client, NS, "story", "nginx:1.27");
        // As with a real StatefulSet, a pod stuck in a broken revision is replaced once deleted.
        client.pods().inNamespace(NS).withName("story-1").delete();
        await().atMost(Duration.ofSeconds(60)).until(() -> "Healthy".equals(health("story").getString("status")));
    }

    @Test
    void readsOfExistingAppsCostTheKubernetesApiNothing() {
        create("quiet", "nginx:1.27", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "Healthy".equals(health("quiet").getString("status")));

        double before = metrics.total();
        for (int i = 0; i < 25; i++) {
            health("quiet");
            given().get("/api/v1/namespaces/{ns}/apps/quiet", NS).then().statusCode(200);
            given().accept("text/plain").get("/api/v1/namespaces/{ns}/apps/quiet/health", NS).then().statusCode(200);
            given().get("/api/v1/namespaces/{ns}/apps", NS).then().statusCode(200);
        }
        assertEquals(before, metrics.total(), "reads must be served from the watch cache");

        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(scrape.contains("stateful_apps_kubernetes_api_requests_total{code=\"201\",resource=\"statefulsets\",verb=\"create\"}"),
                scrape.lines().filter(l -> l.contains("stateful_apps")).toList().toString());
    }

    @Test
    void listsAreSortedAndPaged() {
        for (String name : List.of("page-c", "page-a", "page-b")) {
            create(name, "nginx:1.27", 0);
        }
        JsonPath first = given().get("/api/v1/namespaces/{ns}/apps?limit=2", "health-story")
                .then().statusCode(200).extract().jsonPath();
        List<String> names = first.getList("items.name");
        assertEquals(names.stream().sorted().toList(), names);
        String next = first.getString("continue");
        given().get("/api/v1/namespaces/{ns}/apps?limit=2&continue=" + next, NS)
                .then().statusCode(200).body("items.name", not(hasItem(names.get(0))));
        given().get("/api/v1/namespaces/{ns}/apps?limit=0", NS).then().statusCode(400);
        given().get("/api/v1/namespaces/{ns}/apps?continue=bogus", NS).then().statusCode(400);
        // Progressing until the StatefulSet controller has observed the new set, then Suspended.
        await().atMost(Duration.ofSeconds(30)).until(() -> "Suspended".equals(given()
                .get("/api/v1/namespaces/{ns}/apps/page-a", NS).then().statusCode(200).extract().jsonPath()
                .getString("status.health")));
    }
}
