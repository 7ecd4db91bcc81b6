package io.statefulapps.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.statefulapps.embedded.EmbeddedApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A throttled request is sent once more after the server's Retry-After, never more: against the
 * embedded API server, throttled by a fault rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottlingTest {

    private EmbeddedApiServer api;
    private KubernetesClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        api = EmbeddedApiServer.start(0, List.of("shop"));
        client = new KubernetesClientBuilder()
                // the service's settings (application.properties: request-retry-backoff-limit=1, interval 0.2 s)
                .withConfig(new ConfigBuilder(api.clientConfig()).withRequestRetryBackoffLimit(1)
                        .withRequestRetryBackoffInterval(200).build())
                .withHttpClientBuilderConsumer(h -> h.addOrReplaceInterceptor("throttle-retry", new ThrottleRetry()))
                .build();
        try (KubernetesClient plain = api.newClient()) {
            plain.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata().withName("cm")
                    .endMetadata().build()).create();
        }
    }

    @AfterEach
    void clear() throws Exception {
        faults("DELETE", null);
    }

    @AfterAll
    void stop() {
        client.close();
        api.close();
    }

    private JsonNode faults(String method, String rules) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + "/_sim/faults"))
                .header("Content-Type", "application/json")
                .method(method, rules == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(rules));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body().isBlank() ? null : new ObjectMapper().readTree(answer.body());
    }

    @Test
    void oneThrottledAnswerIsRetriedAfterItsRetryAfter() throws Exception {
        faults("PUT", "[{\"verb\":\"get\",\"resource\":\"configmaps\",\"status\":429,\"retryAfterSeconds\":1,"
                + "\"times\":1}]");
        long started = System.nanoTime();
        assertNotNull(client.configMaps().inNamespace("shop").withName("cm").get());
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(waited >= 800, "waited " + waited + " ms, the Retry-After less the jitter");
        JsonNode rule = faults("GET", null).get(0);
        assertEquals(2, rule.get("matched").asInt(), "the throttled request and its one retry");
        assertEquals(1, rule.get("fired").asInt());
    }

    @Test
    void aSecondThrottledAnswerReachesTheCallerWithTheServersRetryAfter() throws Exception {
        faults("PUT", "[{\"verb\":\"get\",\"resource\":\"configmaps\",\"status\":429,\"retryAfterSeconds\":1}]");
        KubernetesClientException e = assertThrows(KubernetesClientException.class,
                () -> client.configMaps().inNamespace("shop").withName("cm").get());
        assertEquals(429, e.getCode());
        ClusterRefusedException refused = (ClusterRefusedException) KubernetesFailures.translate("read", e);
        assertEquals(1, refused.retryAfterSeconds());
        assertEquals(2, faults("GET", null).get(0).get("matched").asInt(), "one retry, no storm");
    }

    @Test
    void aThrottledWriteIsSentAgainWithItsBody() throws Exception {
        faults("PUT", "[{\"verb\":\"create\",\"resource\":\"configmaps\",\"status\":429,\"retryAfterSeconds\":1,"
                + "\"times\":1}]");
        assertNotNull(client.configMaps().inNamespace("shop").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("written").endMetadata().addToData("k", "v").build()).create());
        assertEquals("v", client.configMaps().inNamespace("shop").withName("written").get().getData().get("k"));
    }

    @Test
    void waitsAreCappedAndJittered() {
        assertEquals(ThrottleRetry.MAX_WAIT_MILLIS, ThrottleRetry.waitMillis("3600"));
        assertEquals(ThrottleRetry.DEFAULT_WAIT_MILLIS, ThrottleRetry.waitMillis("Wed, 21 Oct 2015 07:28:00 GMT"));
        for (int i = 0; i < 100; i++) {
            long jittered = ThrottleRetry.jittered(1000);
            assertTrue(jittered >= 800 && jittered <= 1200, Long.toString(jittered));
        }
    }
}
