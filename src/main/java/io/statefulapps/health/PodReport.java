package io.statefulapps.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * One pod of the StatefulSet.
 *
 * @param revision   its {@code controller-revision-hash}
 * @param containers init containers first (flagged), then app containers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "ordinal", "status", "phase", "ready", "restarts", "podIP", "node", "revision",
        "startedAt", "containers"})
public record PodReport(
        String name,
        Integer ordinal,
        HealthStatus status,
        String phase,
        boolean ready,
        int restarts,
        String podIP,
        String node,
        String revision,
        Instant startedAt,
        List<ContainerReport> containers) {
}
