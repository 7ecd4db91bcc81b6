package io.statefulapps.generated;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A thousand generated merge patches at a few apps: only documented answers, every trio complete after. */
@QuarkusTest
class GeneratedPatchTest {

    static final String NS = "generated-patch";
    static final int INPUTS = 1000;
    static final List<String> APPS = IntStream.range(0, 5).mapToObj(i -> "patched-" + i).toList();

    @Inject
    KubernetesClient client;

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyGeneratedPatchGetsADocumentedAnswerAndLeavesEveryTrioComplete() {
        for (String app : APPS) {
            given().contentType("application/json").body("{\"name\":\"" + app + "\",\"image\":\"nginx:1.27\","
                    + "\"ports\":[{\"name\":\"http\",\"port\":8080}],"
                    + "\"volumes\":[{\"name\":\"data\",\"mountPath\":\"/data\",\"size\":\"1Gi\"}]}")
                    .post("/api/v1/namespaces/{ns}/apps", NS).then().statusCode(201);
        }
        long seed = SeededSamples.seed();
        List<Exchange.Request> requests = PatchRequests.draw(NS, APPS, seed, INPUTS);
        PropertyRun.check("PATCH generated merge patches", seed, requests, new RawHttp(root.getHost(), root.getPort()));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertEquals(List.of(), TrioCensus.incomplete(client, NS), "seed " + seed));
        assertEquals(APPS.size(), TrioCensus.apps(client, NS), "every patched app is still there (seed " + seed + ")");
    }
}
