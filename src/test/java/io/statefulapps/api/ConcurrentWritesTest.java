package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Many callers at once: one create wins, a stale If-Match loses, and the trio stays whole. */
@QuarkusTest
class ConcurrentWritesTest {

    static final String NS = "concurrent-writes";

    @Inject
    KubernetesClient client;

    /** Runs every call at the same moment (as far as threads allow) and answers their status codes. */
    private static List<Integer> atOnce(int count, Function<Integer, Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                Callable<Integer> task = () -> {
                    start.await();
                    return call.apply(n);
                };
                answers.add(pool.submit(task));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                codes.add(answer.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Integer, Long> tally(List<Integer> codes) {
        return codes.stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
    }

    @Test
    void twentyPostsOfOneNameCreateOneApp() throws Exception {
        String body = "{\"name\":\"crowded\",\"image\":\"nginx:1.27\",\"ports\":[{\"port\":80}]}";
        List<Integer> codes = atOnce(20, n -> given().contentType("application/json").body(body)
                .post("/api/v1/namespaces/{ns}/apps", NS).statusCode());
        Map<Integer, Long> tally = tally(codes);
        assertEquals(1L, tally.get(201), "exactly one create wins: " + tally);
        assertEquals(19L, tally.getOrDefault(409, 0L), "the others are told the name is taken: " + tally);
        assertNotNull(client.apps().statefulSets().inNamespace(NS).withName("crowded").get());
        assertNotNull(client.services().inNamespace(NS).withName("crowded").get());
        assertNotNull(client.services().inNamespace(NS).withName("crowded-headless").get());
        assertEquals(2, client.services().inNamespace(NS).withLabel("app.kubernetes.io/instance", "crowded").list()
                .getItems().size(), "one trio, not several");
    }

    @Test
    void concurrentPatchesWithTheSameETagLetOneWin() throws Exception {
        HealthStoryTest.create("contended", "nginx:1.27", 1, NS);
        String etag = given().get("/api/v1/namespaces/{ns}/apps/contended", NS).header("ETag");
        List<Integer> codes = atOnce(10, n -> given().contentType("application/merge-patch+json")
                .header("If-Match", etag).body("{\"replicas\":" + (n + 2) + "}")
                .patch("/api/v1/namespaces/{ns}/apps/contended", NS).statusCode());
        Map<Integer, Long> tally = tally(codes);
        assertEquals(1L, tally.get(200), "one change wins: " + tally);
        assertEquals(9L, tally.getOrDefault(412, 0L), "the others learn the app changed: " + tally);
        int replicas = client.apps().statefulSets().inNamespace(NS).withName("contended").get().getSpec()
                .getReplicas();
        assertEquals(replicas, given().get("/api/v1/namespaces/{ns}/apps/contended", NS).jsonPath()
                .getInt("spec.replicas"));
    }

    @Test
    void concurrentPatchesWithoutETagEndInOneOfTheirStates() throws Exception {
        HealthStoryTest.create("jostled", "nginx:1.27", 1, NS);
        List<Integer> codes = atOnce(10, n -> given().contentType("application/merge-patch+json")
                .body("{\"replicas\":" + (n + 2) + ",\"env\":[{\"name\":\"N\",\"value\":\"" + n + "\"}]}")
                .patch("/api/v1/namespaces/{ns}/apps/jostled", NS).statusCode());
        assertTrue(codes.stream().allMatch(c -> c == 200 || c == 409 || c == 412), "no failures: " + tally(codes));
        assertTrue(codes.contains(200), tally(codes).toString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var spec = given().get("/api/v1/namespaces/{ns}/apps/jostled", NS).jsonPath();
            int replicas = spec.getInt("spec.replicas");
            // The last writer's whole patch, never a mix of two patches.
            assertEquals(String.valueOf(replicas - 2), spec.getString("spec.env[0].value"));
        });
    }

    @Test
    void aDeleteDuringVolumeGrowthLeavesNoHalfApp() throws Exception {
        given().contentType("application/json").body("{\"name\":\"growing\",\"image\":\"nginx:1.27\","
                + "\"ports\":[{\"port\":80}],\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\","
                + "\"size\":\"1Gi\",\"storageClassName\":\"standard\"}]}")
                .post("/api/v1/namespaces/{ns}/apps", NS).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> "Healthy".equals(given()
                .get("/api/v1/namespaces/{ns}/apps/growing/health", NS).jsonPath().getString("status")));
        List<Integer> codes = atOnce(2, n -> n == 0
                ? given().contentType("application/merge-patch+json")
                        .body("{\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"2Gi\","
                                + "\"storageClassName\":\"standard\"}]}")
                        .patch("/api/v1/namespaces/{ns}/apps/growing", NS).statusCode()
                : given().delete("/api/v1/namespaces/{ns}/apps/growing", NS).statusCode());
        assertTrue(codes.get(1) == 200 || codes.get(1) == 404, "the delete: " + codes);
        // Whatever the order, what the cluster holds is a whole trio or nothing of it; a DELETE finishes.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            boolean set = client.apps().statefulSets().inNamespace(NS).withName("growing").get() != null;
            boolean headless = client.services().inNamespace(NS).withName("growing-headless").get() != null;
            boolean clientService = client.services().inNamespace(NS).withName("growing").get() != null;
            assertTrue((set && headless && clientService) || (!set && !headless && !clientService),
                    "set " + set + ", headless " + headless + ", client " + clientService + " after " + codes);
            if (!set) {
                // pods orphaned by the replacement go with the app, not left running by themselves
                assertTrue(client.pods().inNamespace(NS).withLabel("app", "growing").list().getItems().isEmpty(),
                        "pods left after " + codes);
            }
        });
    }
}
