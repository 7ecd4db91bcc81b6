package io.statefulapps.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET …/apps/{name}/health}: one overall verdict, one per part, and the
 * problems (each with a stable reason code and a hint) that explain them.
 *
 * @param statefulSet {@code null} when the StatefulSet is absent
 * @param problems    errors first, then warnings, then information
 * @param events      Warning events, newest first, bounded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"app", "namespace", "status", "summary", "observedAt", "statefulSet", "pods", "volumes", "dns",
        "services", "problems", "events"})
public record HealthReport(
        String app,
        String namespace,
        HealthStatus status,
        String summary,
        Instant observedAt,
        StatefulSetReport statefulSet,
        List<PodReport> pods,
        List<VolumeReport> volumes,
        List<DnsRecordReport> dns,
        List<ServiceReport> services,
        List<Problem> problems,
        List<EventReport> events) {

    /** Ready pods, for one-line summaries. */
    public int readyPods() {
        return (int) pods.stream().filter(PodReport::ready).count();
    }

    /** Desired replicas, or the pod count when the StatefulSet is absent. */
    public int desiredPods() {
        return statefulSet != null ? statefulSet.replicas() : pods.size();
    }
}
