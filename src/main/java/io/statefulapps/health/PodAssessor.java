package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One pod: phase, scheduling, readiness against what its probes allow, restarts, termination.
 * Container-level failures come from {@link ContainerAssessor}.
 */
final class PodAssessor {

    private PodAssessor() {
    }

    /** Every pod of the app, in report order. */
    static PartAssessment<List<PodReport>> assessAll(AppPods pods, ClusterSnapshot snapshot, HealthSettings settings) {
        List<PodReport> reports = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Pod pod : pods.sorted()) {
            PartAssessment<PodReport> assessed = assess(pod, pods.statefulSet(), snapshot, settings);
            reports.add(assessed.part());
            findings.addAll(assessed.findings());
        }
        return new PartAssessment<>(reports, findings);
    }

    static PartAssessment<PodReport> assess(Pod pod, String statefulSetName, ClusterSnapshot snapshot,
            HealthSettings settings) {
        Kubectl kubectl = new Kubectl(snapshot.namespace());
        Instant now = snapshot.now();
        String name = MetadataReads.name(pod);
        String object = "Pod/" + name;
        PartAssessment<List<ContainerReport>> containers = ContainerAssessor.assess(pod, kubectl, settings, now);
        List<Finding> findings = new ArrayList<>(containers.findings());
        String phase = PodReads.phase(pod);
        boolean ready = PodReads.isReady(pod);
        boolean containerFailure = !findings.isEmpty();

        if (MetadataReads.isTerminating(pod)) {
            findings.add(terminating(pod, object, kubectl, settings, now));
        } else if ("Failed".equals(phase) || "Succeeded".equals(phase)) {
            findings.add(ended(pod, object, kubectl));
        } else if ("Pending".equals(phase) || phase == null) {
            if (!containerFailure) {
                findings.add(pending(pod, object, kubectl, settings, now));
            }
        } else if ("Running".equals(phase) && !ready && !containerFailure) {
            findings.add(notReady(pod, object, kubectl, settings, now));
        }

        int restarts = PodReads.restarts(pod);
        if (restarts >= settings.restartWarningThreshold()) {
            findings.add(Finding.of(Reason.HighRestartCount, object,
                    "containers restarted " + restarts + " times",
                    "see why the last run ended: " + kubectl.logs(name, null, true)));
        }

        HealthStatus status = Finding.worst(findings, HealthStatus.Healthy);
        PodReport report = new PodReport(name, PodReads.ordinal(pod, statefulSetName), status, phase, ready, restarts,
                PodReads.podIP(pod), PodReads.nodeName(pod), PodReads.revision(pod),
                pod.getStatus() == null ? null : Timestamps.parse(pod.getStatus().getStartTime()), containers.part());
        return new PartAssessment<>(report, findings);
    }

    /** The deletion timestamp already includes the grace period: the kubelet should be done by then. */
    private static Finding terminating(Pod pod, String object, Kubectl kubectl, HealthSettings settings, Instant now) {
        Instant due = Timestamps.parse(pod.getMetadata().getDeletionTimestamp());
        String name = MetadataReads.name(pod);
        if (due != null && now.isAfter(due.plus(settings.terminatingDeadline()))) {
            List<String> finalizers = pod.getMetadata().getFinalizers();
            String why = finalizers == null || finalizers.isEmpty() ? "" : " (finalizers: " + String.join(", ", finalizers) + ")";
            return Finding.of(Reason.TerminatingTooLong, object,
                    "pod should have been gone at " + due + " and is still terminating" + why,
                    "check the node and finalizers: " + kubectl.describe("pod", name)
                            + "; force-delete only once the node is confirmed down, a StatefulSet guarantees one pod per identity");
        }
        return Finding.of(Reason.PodTerminating, object, "pod is terminating", kubectl.describe("pod", name));
    }

    private static Finding ended(Pod pod, String object, Kubectl kubectl) {
        String name = MetadataReads.name(pod);
        String reason = pod.getStatus().getReason();
        String message = pod.getStatus().getMessage();
        if ("Evicted".equals(reason)) {
            String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
            String where = node == null ? kubectl.describe("pod", name) : "kubectl describe node " + node;
            return Finding.of(Reason.PodEvicted, object, "pod was evicted" + (message == null ? "" : ": " + message),
                    "check the node's memory and disk pressure: " + where
                            + "; the StatefulSet controller recreates the pod once the evicted one is deleted");
        }
        String detail = message != null ? message
                : "Succeeded".equals(PodReads.phase(pod)) ? "pod completed, but a StatefulSet pod must keep running"
                : "pod failed";
        return Finding.of(Reason.PodFailed, object, detail + (reason == null ? "" : " (" + reason + ")"),
                "read why: " + kubectl.describe("pod", name) + "; the StatefulSet controller recreates it once deleted");
    }

    private static Finding pending(Pod pod, String object, Kubectl kubectl, HealthSettings settings, Instant now) {
        String name = MetadataReads.name(pod);
        Instant created = MetadataReads.created(pod);
        boolean young = created == null || !now.isAfter(created.plus(settings.pendingDeadline()));
        PodCondition scheduled = PodReads.condition(pod, "PodScheduled");
        if (scheduled != null && "False".equals(scheduled.getStatus()) && "Unschedulable".equals(scheduled.getReason())) {
            String message = scheduled.getMessage() == null ? "no node fits the pod" : scheduled.getMessage();
            // Waiting for its PVC to be provisioned is a normal first step, not a placement failure.
            if (young && message.contains("unbound") && message.contains("PersistentVolumeClaim")) {
                return Finding.of(Reason.PodPending, object, "waiting for its volume: " + message,
                        kubectl.get("pvc") + "; " + kubectl.describe("pod", name));
            }
            return Finding.of(Reason.Unschedulable, object, message,
                    "compare the pod's requests, nodeSelector, affinity and tolerations with the nodes: "
                            + kubectl.describe("pod", name) + "; " + Kubectl.clusterGet("nodes"));
        }
        if (young) {
            return Finding.of(Reason.PodPending, object, "pod is starting (Pending)", kubectl.describe("pod", name));
        }
        return Finding.of(Reason.PodPendingTooLong, object,
                "pod has been Pending since " + created + " (volume mounts or image pulls usually)",
                "look at its events (FailedMount, FailedAttachVolume): " + kubectl.describe("pod", name));
    }

    private static Finding notReady(Pod pod, String object, Kubectl kubectl, HealthSettings settings, Instant now) {
        String name = MetadataReads.name(pod);
        Duration allowed = readinessAllowance(pod).plus(settings.notReadyMargin());
        Instant since = notReadySince(pod);
        if (since != null && now.isAfter(since.plus(allowed))) {
            long minutes = Duration.between(since, now).toMinutes();
            return Finding.of(Reason.NotReadyTooLong, object,
                    "running but not ready for " + (minutes > 0 ? minutes + "m" : Duration.between(since, now).toSeconds() + "s")
                            + "; its probes allow " + allowed.toSeconds() + "s",
                    "the readiness probe keeps failing: " + kubectl.describe("pod", name) + "; "
                            + kubectl.logs(name, null, false));
        }
        return Finding.of(Reason.PodNotReady, object, "running, waiting for its readiness probe",
                kubectl.describe("pod", name));
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
}
