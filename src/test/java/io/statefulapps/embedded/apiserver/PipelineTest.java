package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline's seams, each filled by a test double: a fault step, an access control, a body decoder, the audit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineTest {

    /** Faults driven by the test: refuse connections, delay one path, refuse every second create of services. */
    private final AtomicBoolean refuseConnections = new AtomicBoolean();
    private final AtomicInteger serviceCreates = new AtomicInteger();
    private final AtomicBoolean nextWatchGone = new AtomicBoolean();
    private final AtomicReference<WatchControl> watchControl = new AtomicReference<>();

    private ApiServer server;
    private URI url;

    private final Faults faults = new Faults() {
        @Override
        public boolean refuseConnection() {
            return refuseConnections.get();
        }

        @Override
        public FaultDecision onRequest(Incoming request) {
            RequestInfo info = request.info();
            if (request.path().equals("/_sim/faults")) {
                return FaultDecision.answer(HttpAnswer.text(200, "rules: " + new String(request.body(),
                        StandardCharsets.UTF_8)));
            }
            if ("slow".equals(info.namespace())) {
                return FaultDecision.delay(Duration.ofMillis(300));
            }
            if ("create".equals(info.verb()) && "services".equals(info.resource())
                    && serviceCreates.incrementAndGet() % 2 == 0) {
                return FaultDecision.refuse(new ApiException(429, "TooManyRequests", "slow down", null, null, null,
                        List.of(), 2));
            }
            if ("watch".equals(info.verb()) && nextWatchGone.getAndSet(false)) {
                return FaultDecision.refuse(new ApiException(410, "Gone", "the watch is gone", null, null, null,
                        List.of()));
            }
            return FaultDecision.PROCEED;
        }
    };

    /** Access: token "alice" is alice, anything else 401; alice may not delete. */
    private final AccessControl access = new AccessControl() {
        private final OpenAccess reviews = new OpenAccess(java.time.Clock.systemUTC());

        @Override
        public UserInfo authenticate(Incoming request) {
            if (!"alice".equals(request.bearerToken())) {
                throw ApiException.unauthorized();
            }
            return new UserInfo("alice", "1", List.of("system:authenticated"), Map.of());
        }

        @Override
        public void authorize(UserInfo user, Incoming in) {
            RequestInfo request = in.info();
            if (request.verb().startsWith("delete")) {
                throw new ApiException(403, "Forbidden", request.resource() + " \"" + request.name()
                        + "\" is forbidden: User \"" + user.name() + "\" cannot delete", request.name(),
                        request.apiGroup(), request.resource(), List.of());
            }
        }

        @Override
        public ObjectNode reviewToken(ObjectNode tokenReview) {
            return reviews.reviewToken(tokenReview);
        }

        @Override
        public ObjectNode reviewAccess(ObjectNode review, UserInfo caller) {
            JsonFields.obj(review, "status").put("allowed", true).put("reason", "asked by " + caller.name());
            return review;
        }

        @Override
        public ObjectNode reviewRules(ObjectNode review, UserInfo caller) {
            JsonFields.obj(review, "status").put("incomplete", true);
            return review;
        }

        @Override
        public ObjectNode requestToken(ObjectNode serviceAccount, ObjectNode tokenRequest, UserInfo caller) {
            JsonFields.obj(tokenRequest, "status").put("token", "token-of-" + JsonFields.text(serviceAccount,
                    "metadata.name"));
            return tokenRequest;
        }
    };

    /** "name=x" bodies of a made-up media type decode to a ConfigMap named x. */
    private static final BodyDecoder KEY_VALUE = (body, request, kind) -> {
        String text = new String(body, StandardCharsets.UTF_8).trim();
        if (!text.startsWith("name=")) {
            throw ApiException.badRequest("not a name=value body");
        }
        ObjectNode cm = JsonText.object().put("apiVersion", "v1").put("kind", "ConfigMap");
        cm.putObject("metadata").put("name", text.substring(5));
        return cm;
    };

    @BeforeAll
    void start() {
        server = ApiServer.start(ApiServer.Options.defaults(0, List.of("slow")), ApiServer.Parts.defaults()
                .withDecoder("application/x-key-value", KEY_VALUE)
                .withAccess(context -> access)
                .withFaults(context -> {
                    watchControl.set(context.watches());
                    return faults;
                }));
        url = URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<String> call(String method, String path, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void authenticationAndAuthorizationRefuseWithTheirStatusesAndTheAuditSaysWhoAskedWhat() throws Exception {
        assertEquals(401, call("GET", "/api/v1/namespaces/default/configmaps", null, null, null).statusCode());
        var created = call("POST", "/api/v1/namespaces/default/configmaps", "alice", "application/json",
                "{\"metadata\":{\"name\":\"audited\"}}");
        assertEquals(201, created.statusCode(), created.body());
        var refused = call("DELETE", "/api/v1/namespaces/default/configmaps/audited", "alice", null, null);
        assertEquals(403, refused.statusCode());
        assertEquals("Forbidden", JsonText.parse(refused.body()).path("reason").asText());

        List<AuditRecord> records = server.audit().records(r -> "configmaps".equals(r.resource())
                && "default".equals(r.namespace()));
        AuditRecord anonymous = records.get(records.size() - 3);
        assertEquals("system:anonymous", anonymous.user());
        assertEquals("list", anonymous.verb());
        assertEquals(401, anonymous.status());
        AuditRecord create = records.get(records.size() - 2);
        assertEquals(List.of("alice", "create", "", "configmaps", "default", 201), List.of(create.user(),
                create.verb(), create.apiGroup(), create.resource(), create.namespace(), create.status()));
        AuditRecord delete = records.get(records.size() - 1);
        assertEquals(List.of("delete", "audited", 403), List.of(delete.verb(), delete.name(), delete.status()));
    }

    @Test
    void theFaultStepDelaysRefusesWithRetryAfterAndAnswersItsOwnEndpoint() throws Exception {
        long start = System.nanoTime();
        assertEquals(200, call("GET", "/api/v1/namespaces/slow/configmaps", "alice", null, null).statusCode());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "the request was delayed");

        String service = "{\"metadata\":{\"name\":\"s%d\"},\"spec\":{\"ports\":[{\"port\":80}]}}";
        assertEquals(201, call("POST", "/api/v1/namespaces/default/services", "alice", "application/json",
                String.format(service, 1)).statusCode());
        var throttled = call("POST", "/api/v1/namespaces/default/services", "alice", "application/json",
                String.format(service, 2));
        assertEquals(429, throttled.statusCode());
        assertEquals("2", throttled.headers().firstValue("Retry-After").orElse(""));
        assertEquals(2, JsonText.parse(throttled.body()).path("details").path("retryAfterSeconds").asInt());

        var own = call("PUT", "/_sim/faults", null, "application/json", "[]");
        assertEquals("rules: []", own.body());
    }

    @Test
    void refusedConnectionsFailUntilTheFaultEnds() throws Exception {
        refuseConnections.set(true);
        try {
            assertThrows(IOException.class, () -> call("GET", "/version", "alice", null, null));
        } finally {
            refuseConnections.set(false);
        }
        assertEquals(200, call("GET", "/version", "alice", null, null).statusCode());
    }

    @Test
    void theFaultStepEndsEveryWatchAndAnswersGoneToTheNextOne() throws Exception {
        HttpRequest watchRequest = HttpRequest.newBuilder(URI.create(url
                + "/api/v1/namespaces/default/configmaps?watch=true")).header("Authorization", "Bearer alice").build();
        var ended = HttpClient.newHttpClient().sendAsync(watchRequest, HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> watchControl.get().openWatches() > 0);
        watchControl.get().endAllWatches();
        assertEquals(200, ended.get().statusCode());

        nextWatchGone.set(true);
        String gone = HttpClient.newHttpClient().send(watchRequest, HttpResponse.BodyHandlers.ofString()).body();
        JsonNode error = JsonText.parse(gone.strip());
        assertEquals("ERROR", error.path("type").asText());
        assertEquals(410, error.path("object").path("code").asInt());
    }

    @Test
    void aBodyDecoderForAnotherMediaTypeFeedsTheSameHandlers() throws Exception {
        var created = call("POST", "/api/v1/namespaces/default/configmaps", "alice", "application/x-key-value",
                "name=decoded");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("decoded", JsonText.parse(created.body()).path("metadata").path("name").asText());
        assertEquals(400, call("POST", "/api/v1/namespaces/default/configmaps", "alice", "application/x-key-value",
                "nonsense").statusCode());
        var unknown = call("POST", "/api/v1/namespaces/default/configmaps", "alice", "application/x-unknown", "x");
        assertEquals(415, unknown.statusCode());
        assertTrue(unknown.body().contains("application/x-key-value"), unknown.body());
    }

    @Test
    void reviewsAndTokenRequestsAreAnsweredByTheAccessControl() throws Exception {
        var review = call("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", "alice",
                "application/json", "{\"spec\":{\"resourceAttributes\":{\"verb\":\"list\",\"resource\":\"pods\"}}}");
        assertEquals(201, review.statusCode(), review.body());
        assertEquals("asked by alice", JsonText.parse(review.body()).path("status").path("reason").asText());

        assertEquals(404, call("POST", "/api/v1/namespaces/default/serviceaccounts/robot/token", "alice",
                "application/json", "{}").statusCode());
        assertEquals(201, call("POST", "/api/v1/namespaces/default/serviceaccounts", "alice", "application/json",
                "{\"metadata\":{\"name\":\"robot\"}}").statusCode());
        var token = call("POST", "/api/v1/namespaces/default/serviceaccounts/robot/token", "alice",
                "application/json", "{\"spec\":{\"audiences\":[\"api\"]}}");
        assertEquals(201, token.statusCode(), token.body());
        JsonNode answer = JsonText.parse(token.body());
        assertEquals("TokenRequest", answer.path("kind").asText());
        assertEquals("token-of-robot", answer.path("status").path("token").asText());
    }
}
