package io.statefulapps.generated;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thousands of generated AppSpec bodies at POST: only documented answers, only complete trios left. */
@QuarkusTest
class GeneratedCreateTest {

    static final String NS = "generated-create";
    static final int INPUTS = 1500;

    @Inject
    KubernetesClient client;

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyGeneratedSpecGetsADocumentedAnswerAndLeavesOnlyCompleteTrios() {
        long seed = SeededSamples.seed();
        List<Exchange.Request> requests = CreateRequests.draw(NS, seed, INPUTS);
        List<Exchange> exchanges = PropertyRun.check("POST generated specs", seed, requests,
                new RawHttp(root.getHost(), root.getPort()));

        long created = exchanges.stream().filter(e -> e.answer().status() == 201).count();
        assertTrue(created > 0, "some generated specs are created for real");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertEquals(List.of(), TrioCensus.incomplete(client, NS), "seed " + seed));
        assertEquals(created, TrioCensus.apps(client, NS), "one trio per 201 (seed " + seed + ")");
    }
}
