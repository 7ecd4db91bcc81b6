package io.statefulapps.embedded.apiserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Requests the server cannot serve get a Status answer, never a hanging connection. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RobustnessTest extends ApiServerTestBase {

    @Test
    void protobufBodiesAre415() throws Exception {
        var r = http("POST", "/api/v1/namespaces", "application/vnd.kubernetes.protobuf", "k8s\u0000junk");
        assertEquals(415, r.statusCode());
        assertEquals("UnsupportedMediaType", JsonText.parse(r.body()).get("reason").asText());
    }

    @Test
    void unreadableBodiesAreAnsweredForKnownAndUnknownKinds() throws Exception {
        assertEquals(400, http("POST", "/api/v1/namespaces/default/pods", "application/json", "garbage").statusCode());
        assertEquals(400, http("POST", "/apis/apps/v1/namespaces/default/deployments", "application/json", "garbage")
                .statusCode());
        assertEquals(404, http("POST", "/apis/example.com/v1/namespaces/default/widgets", "application/json", "garbage")
                .statusCode());
    }

    @Test
    void unknownPathsAndSubresourcesAre404() throws Exception {
        client.pods().resource(pod("logs")).create();
        // pods/log is served (PodLogTest); other pod subresources have nothing behind them
        assertEquals(200, http("GET", "/api/v1/namespaces/default/pods/logs/log", null, null).statusCode());
        assertEquals(404, http("GET", "/api/v1/namespaces/default/pods/logs/proxy", null, null).statusCode());
        assertEquals(404, http("GET", "/nothing/here", null, null).statusCode());
        assertEquals(404, http("GET", "/api/v1/namespaces/default/pods/absent", null, null).statusCode());
    }
}
