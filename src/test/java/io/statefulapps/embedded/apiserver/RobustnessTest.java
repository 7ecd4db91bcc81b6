package io.statefulapps.embedded.apiserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Requests the server cannot serve get a Status answer, never a hanging connection. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RobustnessTest extends ApiServerTestBase {

    @Test
    void brokenProtobufIs400AndAnUnknownMediaType415() throws Exception {
        var broken = http("POST", "/api/v1/namespaces", "application/vnd.kubernetes.protobuf", "k8s\u0000junk");
        assertEquals(400, broken.statusCode());
        assertEquals("BadRequest", JsonText.parse(broken.body()).get("reason").asText());
        var unknown = http("POST", "/api/v1/namespaces", "application/cbor", "junk");
        assertEquals(415, unknown.statusCode());
        assertEquals("UnsupportedMediaType", JsonText.parse(unknown.body()).get("reason").asText());
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
