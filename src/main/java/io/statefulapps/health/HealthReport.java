package io.statefulapps.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET …/apps/{name}/health}: one overall verdict, one per part, and the
 * problems (each with a stable reason code and a hint) that explain them.
 *
 * @param since       when the verdict last changed (see {@link HealthSince#carry}); {@code null} when not known
 * @param dataAge     seconds the cluster data is behind because the watch is re-connecting; {@code null} when live
 * @param fingerprint stable while the situation is: a hash of the verdict and the set of (reason, object)
 * @param statefulSet {@code null} when the StatefulSet is absent
 * @param causes      at most three problems that explain the verdict, root causes before their symptoms
 * @param problems    errors first, then warnings, then information
 * @param events      Warning events, newest first, bounded
 */
@RecordBuilder
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"app", "namespace", "status", "since", "summary", "observedAt", "dataAge", "fingerprint",
        "statefulSet", "pods", "volumes", "dns", "services", "causes", "problems", "events"})
public record HealthReport(
        String app,
        String namespace,
        HealthStatus status,
        Instant since,
        String summary,
        Instant observedAt,
        Long dataAge,
        String fingerprint,
        StatefulSetReport statefulSet,
        List<PodReport> pods,
        List<VolumeReport> volumes,
        List<DnsRecordReport> dns,
        List<ServiceReport> services,
        List<HealthProblem> causes,
        List<HealthProblem> problems,
        List<EventReport> events) implements HealthReportBuilder.With {

    /** Ready pods, for one-line summaries. */
    public int readyPods() {
        return (int) pods.stream().filter(PodReport::ready).count();
    }

    /** Desired replicas, or the pod count when the StatefulSet is absent. */
    public int desiredPods() {
        return statefulSet != null ? statefulSet.replicas() : pods.size();
    }

    /** The same report with other times: the verdict's and each problem's (same problems, same order). */
    HealthReport withSince(Instant verdictSince, List<HealthProblem> timedProblems, List<HealthProblem> timedCauses) {
        return new HealthReport(app, namespace, status, verdictSince, summary, observedAt, dataAge, fingerprint,
                statefulSet, pods, volumes, dns, services, timedCauses, timedProblems, events);
    }
}
