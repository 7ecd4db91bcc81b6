package io.statefulapps.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The StatefulSet's counters as its controller reports them, and where its rollout stands. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "status", "rollout", "replicas", "readyReplicas", "currentReplicas", "updatedReplicas",
        "availableReplicas", "currentRevision", "updateRevision", "generation", "observedGeneration",
        "updateStrategy", "partition", "serviceName"})
public record StatefulSetReport(
        String name,
        HealthStatus status,
        RolloutState rollout,
        int replicas,
        int readyReplicas,
        int currentReplicas,
        int updatedReplicas,
        int availableReplicas,
        String currentRevision,
        String updateRevision,
        Long generation,
        Long observedGeneration,
        String updateStrategy,
        Integer partition,
        String serviceName) {

    StatefulSetReport withStatus(HealthStatus worse) {
        return new StatefulSetReport(name, status.worse(worse), rollout, replicas, readyReplicas, currentReplicas,
                updatedReplicas, availableReplicas, currentRevision, updateRevision, generation, observedGeneration,
                updateStrategy, partition, serviceName);
    }
}
