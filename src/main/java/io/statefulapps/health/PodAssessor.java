package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pod: its node, its phase (start, readiness, end, deletion) and restarts. Container-level
 * failures come from {@link ContainerAssessor}, Pending from {@link PendingPodAssessor},
 * readiness from {@link PodReadiness}, the node from {@link NodeAssessor}.
 */
final class PodAssessor {

    private PodAssessor() {
    }

    /** Every pod of the app, in report order. */
    static PartAssessment<List<PodReport>> assessAll(AppPods pods, AssessmentContext context) {
        List<PodReport> reports = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Pod pod : pods.sorted()) {
            PartAssessment<PodReport> assessed = assess(pod, pods.statefulSet(), context);
            reports.add(assessed.part());
            findings.addAll(assessed.findings());
        }
        return new PartAssessment<>(reports, findings);
    }

    static PartAssessment<PodReport> assess(Pod pod, String statefulSetName, AssessmentContext context) {
        String name = MetadataReads.name(pod);
        PartAssessment<List<ContainerReport>> containers = ContainerAssessor.assess(pod, context);
        List<Finding> findings = new ArrayList<>(containers.findings());
        boolean containerFailure = !findings.isEmpty();
        Optional<Finding> nodeDown = NodeAssessor.assess(pod, context);
        nodeDown.ifPresent(findings::add);
        lifecycle(pod, containerFailure, nodeDown.isPresent(), context).ifPresent(findings::add);

        int restarts = PodReads.restarts(pod);
        if (restarts >= context.settings().restartWarningThreshold()) {
            findings.add(Finding.of(Reason.HighRestartCount, "Pod/" + name,
                    "containers restarted " + restarts + " times",
                    "see why the last run ended: " + context.kubectl().logs(name, null, true)));
        }
        HealthStatus status = Finding.worst(findings, HealthStatus.Healthy);
        PodReport report = new PodReport(name, PodReads.ordinal(pod, statefulSetName), status, PodReads.phase(pod),
                PodReads.isReady(pod), restarts, PodReads.podIP(pod), PodReads.nodeName(pod), PodReads.revision(pod),
                pod.getStatus() == null ? null : Timestamps.parse(pod.getStatus().getStartTime()), containers.part());
        return new PartAssessment<>(report, findings);
    }

    /**
     * Where the pod stands in its life. A container failure explains a Pending or unready pod
     * better than the phase does, and a lost node explains an unready pod better than its probe.
     */
    private static Optional<Finding> lifecycle(Pod pod, boolean containerFailure, boolean nodeDown,
            AssessmentContext context) {
        String phase = PodReads.phase(pod);
        if (MetadataReads.isTerminating(pod)) {
            return Optional.of(terminating(pod, context));
        }
        if ("Failed".equals(phase) || "Succeeded".equals(phase)) {
            return Optional.of(ended(pod, context.kubectl()));
        }
        if ("Unknown".equals(phase)) {
            return Optional.of(Finding.of(Reason.PodUnknown, "Pod/" + MetadataReads.name(pod),
                    "the pod's phase is Unknown: node " + PodReads.nodeName(pod) + " no longer reports on it",
                    NodeAssessor.replacementHint(MetadataReads.name(pod), PodReads.nodeName(pod), context.kubectl()))
                    .since(PodReads.conditionChanged(pod, "Ready")));
        }
        if ("Pending".equals(phase) || phase == null) {
            return containerFailure ? Optional.empty() : Optional.of(PendingPodAssessor.assess(pod, context));
        }
        if ("Running".equals(phase) && !PodReads.isReady(pod) && !containerFailure && !nodeDown) {
            return Optional.of(PodReadiness.notReady(pod, context));
        }
        return Optional.empty();
    }

    /** The deletion timestamp already includes the grace period: the kubelet should be done by then. */
    private static Finding terminating(Pod pod, AssessmentContext context) {
        Kubectl kubectl = context.kubectl();
        Instant due = Timestamps.parse(pod.getMetadata().getDeletionTimestamp());
        Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
        Instant requested = due == null ? null : due.minusSeconds(grace == null ? 0 : grace);
        String name = MetadataReads.name(pod);
        String object = "Pod/" + name;
        Instant deadline = due == null ? null : due.plus(context.settings().terminatingDeadline());
        if (deadline != null && context.passed(deadline)) {
            List<String> finalizers = pod.getMetadata().getFinalizers();
            String why = finalizers == null || finalizers.isEmpty() ? "" : " (finalizers: " + String.join(", ", finalizers) + ")";
            return Finding.of(Reason.TerminatingTooLong, object,
                    "pod should have been gone at " + due + " and is still terminating" + why,
                    "check the node and finalizers: " + kubectl.describe("pod", name)
                            + "; force-delete only once the node is confirmed down, a StatefulSet guarantees one pod per identity")
                    .since(deadline);
        }
        return Finding.of(Reason.PodTerminating, object, "pod is terminating", kubectl.describe("pod", name))
                .since(requested);
    }

    private static Finding ended(Pod pod, Kubectl kubectl) {
        String name = MetadataReads.name(pod);
        String reason = pod.getStatus().getReason();
        String message = pod.getStatus().getMessage();
        Instant since = PodReads.conditionChanged(pod, "Ready");
        if ("Evicted".equals(reason)) {
            String node = PodReads.nodeName(pod);
            String where = node == null ? kubectl.describe("pod", name) : "kubectl describe node " + node;
            return Finding.of(Reason.PodEvicted, "Pod/" + name, "pod was evicted" + (message == null ? "" : ": " + message),
                    "check the node's memory and disk pressure: " + where
                            + "; the StatefulSet controller recreates the pod once the evicted one is deleted").since(since);
        }
        String detail = message != null ? message
                : "Succeeded".equals(PodReads.phase(pod)) ? "pod completed, but a StatefulSet pod must keep running"
                : "pod failed";
        return Finding.of(Reason.PodFailed, "Pod/" + name, detail + (reason == null ? "" : " (" + reason + ")"),
                "read why: " + kubectl.describe("pod", name) + "; the StatefulSet controller recreates it once deleted")
                .since(since);
    }
}
