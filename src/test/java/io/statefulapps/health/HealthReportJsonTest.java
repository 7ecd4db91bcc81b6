package io.statefulapps.health;

import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

/** The wire shape bots are written against (Quarkus' mapper writes dates as ISO strings, like this one). */
class HealthReportJsonTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void vocabularyAndCodesAreTheEnumNames() throws Exception {
        HealthReport report = HealthAssessor.assess(healthyApp("eureka", 2).withPod(1, Scenarios.crashLooping()).build(),
                TestSettings.DEFAULTS);
        JsonNode node = json.readTree(json.writeValueAsString(report));
        assertEquals("Degraded", node.get("status").asText());
        assertEquals("2026-01-01T12:00:00Z", node.get("observedAt").asText());
        assertEquals("CrashLoopBackOff", node.get("problems").get(0).get("reason").asText());
        assertEquals("Error", node.get("problems").get(0).get("severity").asText());
        assertEquals("Progressing", node.get("statefulSet").get("rollout").asText());
        assertEquals("eureka-1.eureka-headless.shop.svc.cluster.local", node.get("dns").get(1).get("hostname").asText());
        // issue 15 and 13 added since, fingerprint and causes (and dataAge, absent while the data is live)
        assertEquals(java.util.List.of("app", "namespace", "status", "since", "summary", "observedAt", "fingerprint",
                "statefulSet", "pods", "volumes", "dns", "services", "causes", "problems", "events"), fieldNames(node));
    }

    @Test
    void causesFingerprintSinceAndDataAge() throws Exception {
        HealthReport report = HealthSince.carry(null, HealthAssessor.assess(healthyApp("eureka", 2)
                .withPod(1, Scenarios.crashLooping()).staleFor(java.time.Duration.ofSeconds(45)).build(),
                TestSettings.DEFAULTS));
        JsonNode node = json.readTree(json.writeValueAsString(report));
        assertEquals("2026-01-01T11:57:00Z", node.get("since").asText());
        assertEquals(45, node.get("dataAge").asInt());
        assertTrue(node.get("fingerprint").asText().matches("[0-9a-f]{16}"), node.get("fingerprint").asText());
        assertEquals(1, node.get("causes").size());
        assertEquals("CrashLoopBackOff", node.get("causes").get(0).get("reason").asText());
        assertEquals("2026-01-01T11:57:00Z", node.get("problems").get(0).get("since").asText());
        assertEquals(java.util.List.of("severity", "object", "reason", "message", "hint", "since"),
                fieldNames(node.get("problems").get(0)));
    }

    @Test
    void aProblemWithoutSinceLeavesItOut() throws Exception {
        JsonNode problem = json.readTree(json.writeValueAsString(
                new HealthProblem(Severity.Error, "Pod/eureka-1", Reason.CrashLoopBackOff, "m", "h")));
        assertFalse(problem.has("since"));
        assertTrue(problem.has("hint"));
    }

    @Test
    void absentPartsAreLeftOut() throws Exception {
        HealthReport report = HealthAssessor.assess(healthyApp("eureka", 2).withoutStatefulSet().build(),
                TestSettings.DEFAULTS);
        JsonNode node = json.readTree(json.writeValueAsString(report));
        assertFalse(node.has("statefulSet"));
        assertTrue(node.get("services").get(0).has("clusterIP"));
        assertFalse(node.get("services").get(0).has("loadBalancerIngress"));
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
