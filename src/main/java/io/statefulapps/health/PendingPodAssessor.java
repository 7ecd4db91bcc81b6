package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSchedulingGate;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A Pending pod: held by scheduling gates, unschedulable, or scheduled but not starting because
 * its sandbox or its volumes cannot be set up (the kubelet says so only in events). Anything else
 * Pending is a start that is allowed {@code pendingDeadline}.
 */
final class PendingPodAssessor {

    private static final Set<String> SANDBOX_FAILED = Set.of("FailedCreatePodSandBox");
    private static final Set<String> MOUNT_FAILED = Set.of("FailedMount", "FailedAttachVolume");

    private PendingPodAssessor() {
    }

    static Finding assess(Pod pod, AssessmentContext context) {
        String name = MetadataReads.name(pod);
        String object = "Pod/" + name;
        Kubectl kubectl = context.kubectl();
        Instant created = MetadataReads.created(pod);
        PodCondition scheduled = PodReads.condition(pod, "PodScheduled");
        List<PodSchedulingGate> gates = pod.getSpec() == null ? null : pod.getSpec().getSchedulingGates();
        if ((gates != null && !gates.isEmpty()) || (scheduled != null && "SchedulingGated".equals(scheduled.getReason()))) {
            return SchedulingGates.finding(pod, gates, young(pod, context), kubectl).since(created);
        }
        if (scheduled != null && "False".equals(scheduled.getStatus()) && "Unschedulable".equals(scheduled.getReason())) {
            return unschedulable(pod, scheduled, context);
        }
        Event sandbox = startEvent(pod, SANDBOX_FAILED, context);
        if (sandbox != null) {
            return Finding.of(Reason.SandboxCreateFailed, object, sandbox.getMessage(),
                    "the node's container runtime or network plugin (CNI) cannot set the pod up: kubectl describe node "
                            + PodReads.nodeName(pod) + "; " + kubectl.describe("pod", name))
                    .since(EventTimes.firstSeen(sandbox));
        }
        Event mount = startEvent(pod, MOUNT_FAILED, context);
        if (mount != null) {
            return Finding.of(Reason.VolumeMountFailed, object, mount.getMessage(),
                    VolumeMountHint.of(pod, mount.getMessage(), context)).since(EventTimes.firstSeen(mount));
        }
        if (young(pod, context)) {
            return Finding.of(Reason.PodPending, object, "pod is starting (Pending)", kubectl.describe("pod", name))
                    .since(created);
        }
        return Finding.of(Reason.PodPendingTooLong, object,
                "pod has been Pending since " + created + " (volume mounts or image pulls usually)",
                "look at its events (FailedMount, FailedAttachVolume): " + kubectl.describe("pod", name)).since(created);
    }

    /**
     * Within {@code pendingDeadline} of its creation (or of unknown age). Asked only by the rules
     * that read it, so that a pod whose verdict does not depend on its age leaves no due time.
     */
    private static boolean young(Pod pod, AssessmentContext context) {
        Instant created = MetadataReads.created(pod);
        return created == null || !context.passed(created.plus(context.settings().pendingDeadline()));
    }

    private static Finding unschedulable(Pod pod, PodCondition scheduled, AssessmentContext context) {
        Kubectl kubectl = context.kubectl();
        String name = MetadataReads.name(pod);
        String message = scheduled.getMessage() == null ? "no node fits the pod" : scheduled.getMessage();
        Instant since = Timestamps.oldest(MetadataReads.created(pod), Timestamps.parse(scheduled.getLastTransitionTime()));
        // Waiting for its PVC to be provisioned is a normal first step, not a placement failure.
        if (message.contains("unbound") && message.contains("PersistentVolumeClaim") && young(pod, context)) {
            return Finding.of(Reason.PodPending, "Pod/" + name, "waiting for its volume: " + message,
                    kubectl.get("pvc") + "; " + kubectl.describe("pod", name)).since(MetadataReads.created(pod));
        }
        return Finding.of(Reason.Unschedulable, "Pod/" + name, message,
                "compare the pod's requests, nodeSelector, affinity and tolerations with the nodes: "
                        + kubectl.describe("pod", name) + "; " + Kubectl.clusterGet("nodes")).since(since);
    }

    /** The newest event of these reasons about this very pod, once it is placed on a node. */
    private static Event startEvent(Pod pod, Set<String> reasons, AssessmentContext context) {
        if (PodReads.nodeName(pod) == null) {
            return null;
        }
        Event event = context.events().newest(InvolvedObject.of("Pod", pod), reasons);
        Instant created = MetadataReads.created(pod);
        Instant seen = event == null ? null : EventTimes.lastSeen(event);
        // Without UIDs an event may be about an earlier pod of the same name.
        boolean earlier = created != null && seen != null && seen.isBefore(created);
        return event == null || event.getMessage() == null || earlier ? null : event;
    }
}
