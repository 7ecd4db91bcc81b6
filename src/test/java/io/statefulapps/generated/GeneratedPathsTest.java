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

/** Generated path parameters, methods, query flags and Accept headers on every route. */
@QuarkusTest
class GeneratedPathsTest {

    static final String NS = "generated-paths";
    static final int INPUTS = 500;
    static final List<String> APPS = IntStream.range(0, 4).mapToObj(i -> "paths-" + i).toList();

    @Inject
    KubernetesClient client;

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyGeneratedPathAndFlagGetsADocumentedAnswer() {
        for (String app : APPS) {
            given().contentType("application/json").body("{\"name\":\"" + app + "\",\"image\":\"nginx:1.27\","
                    + "\"ports\":[{\"name\":\"http\",\"port\":8080}]}")
                    .post("/api/v1/namespaces/{ns}/apps", NS).then().statusCode(201);
        }
        long seed = SeededSamples.seed();
        List<Exchange.Request> requests = PathRequests.draw(NS, APPS, seed, INPUTS);
        PropertyRun.check("paths and query flags", seed, requests, new RawHttp(root.getHost(), root.getPort()));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertEquals(List.of(), TrioCensus.incomplete(client, NS), "seed " + seed));
    }
}
