package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault rules installed, shown and cleared over HTTP at /_sim/faults, and what they do to requests. */
class FaultsOverHttpTest extends ApiServerTestBase {

    private static final String FAULTS = "/_sim/faults";
    private static final String SERVICES = "/api/v1/namespaces/default/services";

    @AfterEach
    void clearRules() throws Exception {
        assertEquals(200, http("DELETE", FAULTS, null, null).statusCode());
    }

    private HttpResponse<String> install(String rules) throws Exception {
        HttpResponse<String> answer = http("PUT", FAULTS, "application/json", rules);
        assertEquals(200, answer.statusCode(), answer.body());
        return answer;
    }

    private HttpResponse<String> createService(String name) throws Exception {
        return http("POST", SERVICES, "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"Service\","
                + "\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"ports\":[{\"port\":80}]}}");
    }

    @Test
    void theNthCreateFailsWithAStatusAndGetShowsHowOftenTheRuleFired() throws Exception {
        install("[{\"verb\":\"create\",\"resource\":\"services\",\"nth\":2,\"status\":500}]");
        assertEquals(201, createService("first").statusCode());
        HttpResponse<String> second = createService("second");
        assertEquals(500, second.statusCode(), second.body());
        JsonNode status = JsonText.parse(second.body());
        assertEquals("InternalError", status.get("reason").asText());
        assertEquals("Internal error occurred: injected by fault rule 0 of the embedded API server",
                status.get("message").asText());
        assertEquals(201, createService("third").statusCode());
        assertEquals(404, http("GET", SERVICES + "/second", null, null).statusCode(), "nothing half-created");

        JsonNode rules = JsonText.parse(http("GET", FAULTS, null, null).body());
        assertEquals(1, rules.size());
        assertEquals(3, rules.get(0).get("matched").asInt());
        assertEquals(1, rules.get(0).get("fired").asInt());
    }

    @Test
    void throttlingAnswers429WithRetryAfterAndConflictsTheRealWording() throws Exception {
        install("[{\"verb\":\"create\",\"resource\":\"services\",\"name\":\"busy\",\"status\":429,"
                + "\"retryAfterSeconds\":7},{\"verb\":\"create\",\"resource\":\"services\",\"name\":\"taken\","
                + "\"status\":409,\"reason\":\"AlreadyExists\"}]");
        HttpResponse<String> throttled = createService("busy");
        assertEquals(429, throttled.statusCode());
        assertEquals("7", throttled.headers().firstValue("Retry-After").orElse(""));
        HttpResponse<String> taken = createService("taken");
        assertEquals(409, taken.statusCode());
        assertEquals("services \"taken\" already exists", JsonText.parse(taken.body()).get("message").asText());
    }

    @Test
    void aDelayHoldsTheRequestsItCovers() throws Exception {
        install("[{\"resource\":\"configmaps\",\"delayMs\":400}]");
        long start = System.nanoTime();
        assertEquals(200, http("GET", "/api/v1/namespaces/default/configmaps", null, null).statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 400);
    }

    @Test
    void refusedConnectionsForAWhileThenServedAgain() throws Exception {
        install("[{\"refuseConnections\":true,\"forMs\":1500}]");
        assertThrows(IOException.class, () -> http("GET", "/version", null, null));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> http("GET", "/version", null, null).statusCode() == 200);
    }

    @Test
    void droppedWatchesEndAndInformersListAgain() throws Exception {
        SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace("default").inform();
        try (HttpStream watch = HttpStream.open(api.url(), "/api/v1/namespaces/default/configmaps?watch=true", null)) {
            await().atMost(Duration.ofSeconds(10)).until(informer::hasSynced);
            install("[{\"dropWatches\":true,\"resource\":\"configmaps\"}]");
            String line;
            do {
                line = watch.next();
            } while (!line.equals(HttpStream.END));
            client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("after-drop").endMetadata().withData(Map.of("a", "1")).build()).create();
            await().atMost(Duration.ofSeconds(20)).until(() -> informer.getStore().getByKey("default/after-drop") != null);
        } finally {
            informer.close();
        }
    }

    @Test
    void theNextWatchIsGoneWith410AndTheOneAfterIsServed() throws Exception {
        install("[{\"watchGone\":true,\"resource\":\"configmaps\"}]");
        try (HttpStream gone = HttpStream.open(api.url(), "/api/v1/namespaces/default/configmaps?watch=true"
                + "&resourceVersion=1", null)) {
            JsonNode event = JsonText.parse(gone.next());
            assertEquals("ERROR", event.get("type").asText());
            assertEquals(410, event.get("object").get("code").asInt());
            assertEquals("Expired", event.get("object").get("reason").asText());
        }
        try (HttpStream served = HttpStream.open(api.url(), "/api/v1/namespaces/default/configmaps?watch=true"
                + "&timeoutSeconds=1", null)) {
            assertEquals(200, served.status());
            String line = served.next();
            assertTrue(line.equals(HttpStream.END) || !line.contains("\"ERROR\""), line);
        }
    }

    @Test
    void invalidRulesAreRefusedAndChangeNothing() throws Exception {
        install("[{\"resource\":\"pods\",\"status\":503}]");
        HttpResponse<String> invalid = http("PUT", FAULTS, "application/json", "[{\"status\":418,\"colour\":1}]");
        assertEquals(400, invalid.statusCode());
        String message = JsonText.parse(invalid.body()).get("message").asText();
        assertTrue(message.contains("[0].status") && message.contains("[0].colour"), message);
        assertEquals(503, JsonText.parse(http("GET", FAULTS, null, null).body()).get(0).get("status").asInt());
        assertEquals(200, http("DELETE", FAULTS, null, null).statusCode());
        assertEquals("[]", http("GET", FAULTS, null, null).body());
    }
}
