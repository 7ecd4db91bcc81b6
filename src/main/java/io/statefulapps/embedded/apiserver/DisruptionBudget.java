package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the disruption controller would write in a PodDisruptionBudget's status, worked out when a
 * pod is evicted: the embedded cluster runs no disruption controller, so the eviction reads the
 * budget's pods itself. Healthy pods are Ready and not Terminating, nor evicted within the last
 * two minutes (status.disruptedPods, the controller's guard against counting them twice).
 *
 * @param expectedPods the pods the budget counts: the StatefulSets' replicas for a percentage or
 *     maxUnavailable, else the pods selected
 */
record DisruptionBudget(String name, int expectedPods, int desiredHealthy, int currentHealthy) {

    private static final Duration DISRUPTED_POD_TIMEOUT = Duration.ofMinutes(2);

    int disruptionsAllowed() {
        return Math.max(0, currentHealthy - desiredHealthy);
    }

    static DisruptionBudget of(JsonNode pdb, List<StoredObject> pods, int scale, Instant now) {
        int healthy = 0;
        for (StoredObject pod : pods) {
            if (healthy(pod.tree(), pdb.path("status").path("disruptedPods").path(pod.name()), now)) {
                healthy++;
            }
        }
        JsonNode spec = pdb.path("spec");
        int expected = pods.size();
        int desired = 0;
        if (spec.hasNonNull("maxUnavailable")) {
            expected = scale;
            desired = Math.max(0, expected - scaled(spec.path("maxUnavailable"), expected));
        } else if (spec.hasNonNull("minAvailable")) {
            if (spec.path("minAvailable").isTextual()) {
                expected = scale;
            }
            desired = scaled(spec.path("minAvailable"), expected);
        }
        return new DisruptionBudget(pdb.path("metadata").path("name").asText(), expected, desired, healthy);
    }

    /** An int or a percentage of {@code total}, rounded up as the controller rounds. */
    private static int scaled(JsonNode value, int total) {
        if (value.isTextual() && value.asText().endsWith("%")) {
            int percent = Integer.parseInt(value.asText().substring(0, value.asText().length() - 1).trim());
            return (int) Math.ceil(percent * total / 100.0);
        }
        return value.asInt(0);
    }

    private static boolean healthy(JsonNode pod, JsonNode disruptedAt, Instant now) {
        if (pod.path("metadata").has("deletionTimestamp")) {
            return false;
        }
        if (disruptedAt.isTextual() && Instant.parse(disruptedAt.asText()).plus(DISRUPTED_POD_TIMEOUT).isAfter(now)) {
            return false;
        }
        for (JsonNode condition : pod.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                return condition.path("status").asText().equals("True");
            }
        }
        return false;
    }
}
