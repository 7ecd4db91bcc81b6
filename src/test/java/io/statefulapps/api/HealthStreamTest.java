package io.statefulapps.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.statefulapps.testing.SseClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changes pushed: a bot subscribes once and hears each verdict change, and a resumed stream misses nothing. */
@QuarkusTest
class HealthStreamTest {

    static final String NS = "health-stream";
    static final Duration SOON = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI base;

    @Inject
    KubernetesClient client;

    private URI health(String app) {
        return base.resolve("/api/v1/namespaces/" + NS + "/apps/" + app + "/health");
    }

    private static void patchImage(String app, String image) {
        given().contentType("application/merge-patch+json").body("{\"image\":\"" + image + "\"}")
                .patch("/api/v1/namespaces/{ns}/apps/{app}", NS, app).then().statusCode(200);
    }

    private static boolean health(SseClient.Event event, String status) {
        return "health".equals(event.name()) && status.equals(JsonPath.from(event.data()).getString("status"));
    }

    @Test
    void aStreamHearsTheAppGoDegradedAndComeBack() throws Exception {
        HealthStoryTest.create("watched", "nginx:1.27", 1, NS);
        await().atMost(SOON).until(() -> "Healthy".equals(given().get(health("watched")).jsonPath().getString("status")));
        try (SseClient stream = SseClient.open(health("watched"), Map.of())) {
            assertEquals(200, stream.status());
            assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
            assertEquals("Accept", stream.header("Vary"), "the same path answers JSON and text");
            SseClient.Event first = stream.next(e -> "health".equals(e.name()), SOON);
            assertNotNull(first, "the current report comes first");
            assertEquals("Healthy", JsonPath.from(first.data()).getString("status"));
            assertNotNull(first.id());

            patchImage("watched", "nginx:crashloop");
            SseClient.Event degraded = stream.next(e -> health(e, "Degraded"), SOON);
            assertNotNull(degraded, "the Degraded verdict is pushed");
            assertTrue(JsonPath.from(degraded.data()).getList("problems.reason").contains("CrashLoopBackOff")
                    || JsonPath.from(degraded.data()).getList("problems.reason").contains("ContainerError"),
                    degraded.data());

            patchImage("watched", "nginx:1.27");
            // As with a real StatefulSet, a pod stuck in a broken revision is replaced once deleted.
            client.pods().inNamespace(NS).withName("watched-0").delete();
            assertNotNull(stream.next(e -> health(e, "Healthy"), SOON), "the recovery is pushed");
            assertEquals(List.of(), stream.unknownLines(), "only id, event, data and comments");
        }
    }

    @Test
    void aResumedStreamGetsWhatItMissed() throws Exception {
        HealthStoryTest.create("resumed", "nginx:1.27", 1, NS);
        await().atMost(SOON).until(() -> "Healthy".equals(given().get(health("resumed")).jsonPath().getString("status")));
        String lastSeen;
        try (SseClient stream = SseClient.open(health("resumed"), Map.of())) {
            lastSeen = stream.next(e -> health(e, "Healthy"), SOON).id();
        }
        patchImage("resumed", "nginx:pullfail");
        await().atMost(SOON).until(() -> "Degraded".equals(given().get(health("resumed")).jsonPath().getString("status")));
        try (SseClient resumed = SseClient.open(health("resumed"), Map.of("Last-Event-ID", lastSeen))) {
            SseClient.Event missed = resumed.next(e -> "health".equals(e.name()), SOON);
            assertNotNull(missed);
            assertTrue(!"Healthy".equals(JsonPath.from(missed.data()).getString("status")),
                    "the first event is a change made while away, not the report seen before: " + missed.data());
            assertNotNull(resumed.next(e -> health(e, "Degraded"), SOON), "the Degraded verdict made while away");
        }
    }

    @Test
    void aNamespaceStreamHearsOfAppsCreatedLater() throws Exception {
        try (SseClient stream = SseClient.open(base.resolve("/api/v1/namespaces/" + NS + "-all/apps?watch=true"),
                Map.of())) {
            assertEquals(200, stream.status());
            HealthStoryTest.create("newcomer", "nginx:1.27", 1, NS + "-all");
            SseClient.Event event = stream.next(e -> "health".equals(e.name())
                    && "newcomer".equals(JsonPath.from(e.data()).getString("app")), SOON);
            assertNotNull(event, "the new app's report is pushed");
            assertNotNull(stream.next(e -> health(e, "Healthy"), SOON), "and its way to Healthy");

            given().delete("/api/v1/namespaces/{ns}/apps/newcomer", NS + "-all").then().statusCode(200);
            SseClient.Event gone = stream.next(e -> "deleted".equals(e.name()), SOON);
            assertNotNull(gone, "a deleted app is announced");
            assertEquals("newcomer", JsonPath.from(gone.data()).getString("app"));
        }
    }

    @Test
    void aStreamCutDuringItsOpeningSnapshotResumesWithTheRestOfIt() throws Exception {
        String ns = NS + "-snapshot";
        for (String app : new String[] {"one", "two", "three"}) {
            HealthStoryTest.create(app, "nginx:1.27", 1, ns);
        }
        URI all = base.resolve("/api/v1/namespaces/" + ns + "/apps?watch=true");
        await().atMost(SOON).until(() -> given().get("/api/v1/namespaces/{ns}/apps", ns).jsonPath()
                .getList("items").size() == 3);
        SseClient.Event first;
        java.util.Set<String> ids = new java.util.HashSet<>();
        try (SseClient stream = SseClient.open(all, Map.of())) {
            first = stream.next(e -> "health".equals(e.name()), SOON);
            ids.add(first.id());
            ids.add(stream.next(e -> "health".equals(e.name()), SOON).id());
        }
        assertEquals(2, ids.size(), "each report of the snapshot has its own id");
        assertEquals("one", JsonPath.from(first.data()).getString("app"), "the snapshot comes in app order");
        java.util.Set<String> rest = new java.util.HashSet<>();
        try (SseClient resumed = SseClient.open(all, Map.of("Last-Event-ID", first.id()))) {
            // The changes since come first (the apps may still be settling), then the rest of the snapshot.
            while (!rest.containsAll(java.util.Set.of("three", "two"))) {
                SseClient.Event event = resumed.next(e -> "health".equals(e.name()), SOON);
                assertNotNull(event, "the rest of the snapshot after " + first.id() + "; had " + rest);
                rest.add(JsonPath.from(event.data()).getString("app"));
            }
        }
        assertTrue(rest.containsAll(java.util.Set.of("three", "two")), rest.toString());
    }

    @Test
    void aStreamOfAnUnknownAppIsRefusedWithAProblem() throws Exception {
        try (SseClient stream = SseClient.open(health("never-created"), Map.of("X-Request-Id", "bot-7"))) {
            assertEquals(404, stream.status());
            assertEquals(404, JsonPath.from(stream.body()).getInt("status"));
            assertEquals("bot-7", stream.header("X-Request-Id"), "a stream's refusal carries the request id");
            assertEquals("bot-7", JsonPath.from(stream.body()).getString("requestId"));
        }
    }

    @Test
    void aStreamCarriesItsRequestId() throws Exception {
        try (SseClient stream = SseClient.open(base.resolve("/api/v1/namespaces/" + NS + "-all/apps?watch=true"),
                Map.of("X-Request-Id", "portal-9"))) {
            assertEquals(200, stream.status());
            assertEquals("portal-9", stream.header("X-Request-Id"));
        }
        try (SseClient stream = SseClient.open(base.resolve("/api/v1/namespaces/" + NS + "-all/apps?watch=true"),
                Map.of())) {
            assertTrue(stream.header("X-Request-Id").matches("[0-9a-f-]{36}"), stream.header("X-Request-Id"));
        }
    }
}
