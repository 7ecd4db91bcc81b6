package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A running pod that is not ready: Progressing while its probes may still succeed, Degraded once
 * they have had all the time they allow. The kubelet's latest {@code Unhealthy} event says what the
 * probe saw ("Readiness probe failed: HTTP probe failed with statuscode: 503").
 */
final class PodReadiness {

    private static final Set<String> UNHEALTHY = Set.of("Unhealthy");

    private PodReadiness() {
    }

    static Finding notReady(Pod pod, AssessmentContext context) {
        String name = MetadataReads.name(pod);
        String object = "Pod/" + name;
        Kubectl kubectl = context.kubectl();
        Duration allowed = readinessAllowance(pod).plus(context.settings().notReadyMargin());
        Instant since = notReadySince(pod);
        String probe = probeFailure(pod, context);
        if (since != null && context.passed(since.plus(allowed))) {
            return Finding.of(Reason.NotReadyTooLong, object,
                    "running but not ready for " + elapsed(since, context) + "; its probes allow " + allowed.toSeconds()
                            + "s" + probe,
                    "the readiness probe keeps failing: " + kubectl.describe("pod", name) + "; "
                            + kubectl.logs(name, null, false)).since(since.plus(allowed));
        }
        return Finding.of(Reason.PodNotReady, object, "running, waiting for its readiness probe" + probe,
                kubectl.describe("pod", name)).since(since);
    }

    /**
     * "42s" under a minute, "3m" from then on (whole units, rounded down). The text changes when
     * the next whole unit is reached, which is a due time of the report.
     */
    private static String elapsed(Instant since, AssessmentContext context) {
        Duration elapsed = Duration.between(since, context.now());
        long minutes = elapsed.toMinutes();
        if (minutes > 0) {
            context.dueAt(since.plus(Duration.ofMinutes(minutes + 1)));
            return minutes + "m";
        }
        long seconds = elapsed.toSeconds();
        context.dueAt(since.plusSeconds(seconds + 1));
        return seconds + "s";
    }

    /**
     * How long the probes of the slowest container let a pod be unready before it is a failure:
     * the startup probe's whole budget, then the readiness probe's initial delay plus
     * period × failureThreshold (Kubernetes defaults: 0s, 10s, 3).
     */
    static Duration readinessAllowance(Pod pod) {
        long worst = 0;
        if (pod.getSpec() != null && pod.getSpec().getContainers() != null) {
            for (Container c : pod.getSpec().getContainers()) {
                worst = Math.max(worst, budget(c.getStartupProbe()) + budget(c.getReadinessProbe()));
            }
        }
        return Duration.ofSeconds(worst);
    }

    private static long budget(Probe probe) {
        if (probe == null) {
            return 0;
        }
        long delay = Objects.requireNonNullElse(probe.getInitialDelaySeconds(), 0);
        long period = probe.getPeriodSeconds() == null ? 10 : probe.getPeriodSeconds();
        long failures = probe.getFailureThreshold() == null ? 3 : probe.getFailureThreshold();
        return delay + period * failures;
    }

    /** The later of the Ready condition's last change and the newest container start. */
    private static Instant notReadySince(Pod pod) {
        Instant since = Timestamps.newest(PodReads.conditionChanged(pod, "Ready"), PodReads.newestContainerStart(pod));
        return since != null ? since : MetadataReads.created(pod);
    }

    /**
     * {@code "; last probe failure: Readiness probe failed: …"} from the newest Unhealthy event of a
     * readiness or startup probe during the containers' current run; empty when there is none.
     */
    private static String probeFailure(Pod pod, AssessmentContext context) {
        Event unhealthy = context.events().newest(InvolvedObject.of("Pod", pod), UNHEALTHY);
        if (unhealthy == null || unhealthy.getMessage() == null) {
            return "";
        }
        String message = unhealthy.getMessage().strip();
        boolean gatesReadiness = message.startsWith("Readiness probe") || message.startsWith("Startup probe");
        Instant seen = EventTimes.lastSeen(unhealthy);
        Instant started = Timestamps.newest(PodReads.newestContainerStart(pod), MetadataReads.created(pod));
        boolean earlierRun = seen != null && started != null && seen.isBefore(started);
        return gatesReadiness && !earlierRun ? "; last probe failure: " + message : "";
    }
}
