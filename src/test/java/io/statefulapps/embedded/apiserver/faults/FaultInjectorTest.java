package io.statefulapps.embedded.apiserver.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statefulapps.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the rules make of requests: when they fire, what they answer, and what they count. */
class FaultInjectorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ManualClock clock = new ManualClock();
    private final FaultInjector faults = new FaultInjector();

    private static FaultTarget request(String verb, String group, String resource, String namespace, String name,
            String user) {
        return new FaultTarget(verb, group, resource, "", namespace, name, user, "", "");
    }

    private static FaultTarget createService(String name) {
        return new FaultTarget("create", "", "services", "", "shop", name, "svc", "Service", "");
    }

    private InjectorDecision decide(FaultTarget target) {
        return faults.decide(target, clock.instant());
    }

    private FaultOutcome.Fail failed(FaultTarget target) {
        return assertInstanceOf(FaultOutcome.Fail.class, decide(target).outcome());
    }

    private static void assertJson(String expected, Object actual) throws Exception {
        assertEquals(MAPPER.readTree(expected), MAPPER.readTree(actual.toString()));
    }

    @Test
    void withoutRulesEveryRequestProceedsAtOnce() {
        assertTrue(decide(createService("a")).none());
        assertEquals("[]", faults.view().toString());
    }

    @Test
    void theNthMatchingRequestFailsAndOnlyThatOne() throws Exception {
        faults.install("[{\"verb\":\"create\",\"resource\":\"services\",\"nth\":2,\"status\":500}]", clock.instant());
        assertTrue(decide(createService("web-headless")).none());
        assertTrue(decide(request("get", "", "services", "shop", "web", "svc")).none(), "not in the scope");
        FaultOutcome.Fail fail = failed(createService("web"));
        assertEquals(500, fail.code());
        assertJson("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                + "\"Internal error occurred: injected by fault rule 0 of the embedded API server\",\"reason\":"
                + "\"InternalError\",\"details\":{\"causes\":[{\"message\":\"injected by fault rule 0 of the embedded"
                + " API server\"}]},\"code\":500}", fail.body());
        assertTrue(decide(createService("web")).none(), "fired once");
        assertJson("[{\"verb\":\"create\",\"resource\":\"services\",\"status\":500,\"nth\":2,\"matched\":3,"
                + "\"fired\":1}]", faults.view());
    }

    @Test
    void timesBoundsHowOftenARuleFiresAndWithoutItARuleNeverStops() {
        faults.install("[{\"resource\":\"services\",\"status\":503,\"nth\":2,\"times\":2},"
                + "{\"resource\":\"pods\",\"status\":503}]", clock.instant());
        List<Boolean> services = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            services.add(decide(createService("s")).none());
        }
        assertEquals(List.of(true, false, false, true, true), services);
        for (int i = 0; i < 50; i++) {
            assertFalse(decide(request("get", "", "pods", "shop", "p", "x")).none());
        }
    }

    @Test
    void scopesNarrowByNamespaceNameUserAndSubresource() {
        faults.install("[{\"namespace\":\"shop\",\"name\":\"web\",\"user\":\"svc\",\"status\":500},"
                + "{\"resource\":\"statefulsets\",\"subresource\":\"scale\",\"status\":409}]", clock.instant());
        assertTrue(decide(request("get", "", "services", "other", "web", "svc")).none());
        assertTrue(decide(request("get", "", "services", "shop", "api", "svc")).none());
        assertTrue(decide(request("get", "", "services", "shop", "web", "bob")).none());
        assertEquals(500, failed(request("get", "", "services", "shop", "web", "svc")).code());
        assertEquals(500, failed(request("patch", "apps", "statefulsets", "shop", "web", "svc")).code(),
                "a scope without subresource covers subresources too");
        assertTrue(decide(request("patch", "apps", "statefulsets", "shop", "db", "svc")).none());
        assertEquals(409, failed(new FaultTarget("patch", "apps", "statefulsets", "scale", "shop", "db", "svc", "",
                "")).code());
    }

    @Test
    void aDelayAloneLetsTheRequestThroughLater() {
        faults.install("[{\"resource\":\"statefulsets\",\"delayMs\":3000}]", clock.instant());
        InjectorDecision decision = decide(request("create", "apps", "statefulsets", "shop", "web", ""));
        assertEquals(Duration.ofSeconds(3), decision.delay());
        assertInstanceOf(FaultOutcome.Proceed.class, decision.outcome());
        assertFalse(decision.none());
        assertEquals(List.of(0), decision.fired());
    }

    @Test
    void delaysAddUpAndTheFirstFailureDecidesLaterRulesDoNotSeeTheRequest() throws Exception {
        faults.install("[{\"delayMs\":100},{\"resource\":\"services\",\"delayMs\":200,\"status\":429},"
                + "{\"status\":503}]", clock.instant());
        InjectorDecision decision = decide(createService("web"));
        assertEquals(Duration.ofMillis(300), decision.delay());
        assertEquals(429, assertInstanceOf(FaultOutcome.Fail.class, decision.outcome()).code());
        assertEquals(List.of(0, 1), decision.fired());
        assertEquals(503, failed(request("get", "", "pods", "", "", "")).code());
        assertJson("[{\"delayMs\":100,\"matched\":2,\"fired\":2},{\"resource\":\"services\",\"status\":429,"
                + "\"delayMs\":200,\"matched\":1,\"fired\":1},{\"status\":503,\"matched\":1,\"fired\":1}]",
                faults.view());
    }

    @Test
    void throttlingSaysWhenToComeBack() throws Exception {
        faults.install("[{\"status\":429,\"retryAfterSeconds\":3},{\"status\":429}]", clock.instant());
        FaultOutcome.Fail fail = failed(createService("web"));
        assertEquals(Map.of("Retry-After", "3", "Connection", "close"), fail.headers());
        assertJson("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                + "\"Too many requests, please try again later.\",\"reason\":\"TooManyRequests\",\"details\":"
                + "{\"retryAfterSeconds\":3},\"code\":429}", fail.body());
        faults.install("[{\"status\":429}]", clock.instant());
        assertEquals(Map.of("Retry-After", "1", "Connection", "close"), failed(createService("web")).headers());
    }

    @Test
    void unavailableWithAndWithoutRetryAfter() throws Exception {
        faults.install("[{\"status\":503,\"retryAfterSeconds\":5,\"times\":1},{\"status\":503}]", clock.instant());
        FaultOutcome.Fail first = failed(createService("web"));
        assertEquals(Map.of("Retry-After", "5", "Connection", "close"), first.headers());
        assertJson("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                + "\"the server is currently unable to handle the request\",\"reason\":\"ServiceUnavailable\","
                + "\"code\":503}", first.body());
        assertEquals(Map.of("Connection", "close"), failed(createService("web")).headers());
    }

    @Test
    void conflictsAreWordedLikeTheRealServer() throws Exception {
        faults.install("[{\"verb\":\"patch\",\"status\":409},{\"verb\":\"create\",\"status\":409,"
                + "\"reason\":\"AlreadyExists\"}]", clock.instant());
        assertJson("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                + "\"Operation cannot be fulfilled on statefulsets.apps \\\"web\\\": the object has been modified;"
                + " please apply your changes to the latest version and try again\",\"reason\":\"Conflict\","
                + "\"details\":{\"name\":\"web\",\"group\":\"apps\",\"kind\":\"statefulsets\"},\"code\":409}",
                failed(request("patch", "apps", "statefulsets", "shop", "web", "")).body());
        assertJson("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                + "\"services \\\"web\\\" already exists\",\"reason\":\"AlreadyExists\",\"details\":{\"name\":\"web\","
                + "\"kind\":\"services\"},\"code\":409}", failed(createService("web")).body());
    }

    @Test
    void invalidNamesTheKindAndTheObject() throws Exception {
        faults.install("[{\"status\":422}]", clock.instant());
        assertJson("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                + "\"StatefulSet.apps \\\"web\\\" is invalid: metadata.name: Invalid value: \\\"web\\\": injected by"
                + " fault rule 0 of the embedded API server\",\"reason\":\"Invalid\",\"details\":{\"name\":\"web\","
                + "\"group\":\"apps\",\"kind\":\"StatefulSet\",\"causes\":[{\"reason\":\"FieldValueInvalid\","
                + "\"message\":\"Invalid value: \\\"web\\\": injected by fault rule 0 of the embedded API server\","
                + "\"field\":\"metadata.name\"}]},\"code\":422}",
                failed(new FaultTarget("create", "apps", "statefulsets", "", "shop", "web", "", "StatefulSet", ""))
                        .body());
        assertTrue(failed(request("create", "", "services", "shop", "x", "")).body().path("message").asText()
                .startsWith("services \"x\" is invalid"), "the resource when the kind is unknown");
    }

    @Test
    void refusingConnectionsLastsForItsWindowFromInstallation() throws Exception {
        Instant installed = clock.instant();
        faults.install("[{\"refuseConnections\":true,\"forMs\":5000},{\"status\":500}]", installed);
        clock.advance(Duration.ofMillis(4999));
        InjectorDecision refused = decide(createService("web"));
        assertEquals(new FaultOutcome.RefuseConnection(installed.plusSeconds(5)), refused.outcome());
        assertEquals(List.of(0), refused.fired());
        clock.advance(Duration.ofMillis(1));
        assertEquals(500, failed(createService("web")).code(), "the window is over; the other rules apply again");
        assertJson("[{\"refuseConnections\":true,\"forMs\":5000,\"until\":\"2026-01-01T00:00:05Z\",\"matched\":1,"
                + "\"fired\":1},{\"status\":500,\"matched\":1,\"fired\":1}]", faults.view());
    }

    @Test
    void droppingWatchesHappensOnceWhenInstalledForTheWatchesOfItsScope() throws Exception {
        FaultInstallation installation = faults.install("[{\"dropWatches\":true,\"resource\":\"pods\"},"
                + "{\"dropWatches\":true,\"namespace\":\"kube-system\"}]", clock.instant());
        assertTrue(installation.endsWatch(request("watch", "", "pods", "shop", "", "svc")));
        assertTrue(installation.endsWatch(request("watch", "apps", "statefulsets", "kube-system", "", "svc")));
        assertFalse(installation.endsWatch(request("watch", "apps", "statefulsets", "shop", "", "svc")));
        assertTrue(decide(request("watch", "", "pods", "shop", "", "svc")).none(), "new watches are served");
        assertJson("[{\"resource\":\"pods\",\"dropWatches\":true,\"matched\":0,\"fired\":1},{\"namespace\":"
                + "\"kube-system\",\"dropWatches\":true,\"matched\":0,\"fired\":1}]", faults.view());
        assertEquals(List.of(), faults.install("[{\"status\":500}]", clock.instant()).dropWatches());
    }

    @Test
    void theNextWatchIsGoneAndOnlyIt() throws Exception {
        faults.install("[{\"watchGone\":true,\"resource\":\"pods\"}]", clock.instant());
        assertTrue(decide(request("list", "", "pods", "shop", "", "")).none(), "lists are not watches");
        FaultOutcome.WatchGone gone = assertInstanceOf(FaultOutcome.WatchGone.class,
                decide(request("watch", "", "pods", "shop", "", "")).outcome());
        assertJson("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                + "\"too old resource version: 12 (40)\",\"reason\":\"Expired\",\"code\":410}",
                gone.status("12", "40"));
        assertTrue(decide(request("watch", "", "pods", "shop", "", "")).none(), "the re-list's watch is served");
    }

    @Test
    void aRejectedPutLeavesTheRulesInForceAndDeleteClearsThem() {
        faults.install("[{\"status\":500}]", clock.instant());
        InvalidFaultRules e = assertThrows(InvalidFaultRules.class, () -> faults.install("[{\"status\":1}]",
                clock.instant()));
        assertEquals(1, e.problems().size());
        assertFalse(decide(createService("web")).none());
        faults.clear();
        assertTrue(decide(createService("web")).none());
        assertEquals("[]", faults.view().toString());
    }

    @Test
    void aPutReplacesTheRulesAndTheirCounters() throws Exception {
        faults.install("[{\"status\":500,\"nth\":2}]", clock.instant());
        decide(createService("a"));
        faults.install("[{\"status\":500,\"nth\":2}]", clock.instant());
        assertTrue(decide(createService("a")).none(), "counting starts again");
        assertJson("[{\"status\":500,\"nth\":2,\"matched\":1,\"fired\":0}]", faults.view());
    }

    @Test
    void concurrentRequestsFireARuleExactlyAsOftenAsItMay() throws Exception {
        faults.install("[{\"resource\":\"services\",\"status\":500,\"nth\":11,\"times\":100}]", clock.instant());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger failures = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    if (!decide(createService("s")).none()) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(100, failures.get());
        assertJson("[{\"resource\":\"services\",\"status\":500,\"nth\":11,\"times\":100,\"matched\":4000,"
                + "\"fired\":100}]", faults.view());
    }
}
