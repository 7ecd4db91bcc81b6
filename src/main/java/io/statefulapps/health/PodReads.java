package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.statefulapps.kubernetes.StatefulSetNaming;
import io.statefulapps.kubernetes.WellKnownLabels;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/** Null-safe reads of a pod's spec, status and conditions. */
final class PodReads {

    private PodReads() {
    }

    static String phase(Pod pod) {
        return pod.getStatus() == null ? null : pod.getStatus().getPhase();
    }

    static String podIP(Pod pod) {
        return pod.getStatus() == null ? null : pod.getStatus().getPodIP();
    }

    static String nodeName(Pod pod) {
        return pod == null || pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    }

    /** Its {@code controller-revision-hash}: the StatefulSet revision it was created from. */
    static String revision(Pod pod) {
        return MetadataReads.labels(pod).get(WellKnownLabels.CONTROLLER_REVISION_HASH);
    }

    /** The ordinal from the pod-index label, else from the {@code <sts>-<n>} name; {@code null} if neither. */
    static Integer ordinal(Pod pod, String statefulSetName) {
        OptionalInt fromLabel = StatefulSetNaming.parseOrdinal(MetadataReads.labels(pod).get(WellKnownLabels.POD_INDEX));
        OptionalInt ordinal = fromLabel.isPresent() ? fromLabel
                : StatefulSetNaming.ordinalOf(MetadataReads.name(pod), statefulSetName);
        return ordinal.isPresent() ? ordinal.getAsInt() : null;
    }

    static PodCondition condition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return null;
        }
        for (PodCondition c : pod.getStatus().getConditions()) {
            if (type.equals(c.getType())) {
                return c;
            }
        }
        return null;
    }

    /** When the condition last changed, {@code null} when absent or unreadable. */
    static Instant conditionChanged(Pod pod, String type) {
        PodCondition condition = condition(pod, type);
        return condition == null ? null : Timestamps.parse(condition.getLastTransitionTime());
    }

    static boolean isReady(Pod pod) {
        PodCondition ready = condition(pod, "Ready");
        return ready != null && "True".equals(ready.getStatus());
    }

    /** App containers' statuses; empty when the kubelet has not reported any. */
    static List<ContainerStatus> containerStatuses(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null ? List.of()
                : pod.getStatus().getContainerStatuses();
    }

    static List<ContainerStatus> initContainerStatuses(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getInitContainerStatuses() == null ? List.of()
                : pod.getStatus().getInitContainerStatuses();
    }

    /** The newest start of a running app container, {@code null} when none runs. */
    static Instant newestContainerStart(Pod pod) {
        Instant newest = null;
        for (ContainerStatus c : containerStatuses(pod)) {
            if (c.getState() != null && c.getState().getRunning() != null) {
                newest = Timestamps.newest(newest, Timestamps.parse(c.getState().getRunning().getStartedAt()));
            }
        }
        return newest;
    }

    static int restarts(Pod pod) {
        int total = 0;
        for (ContainerStatus status : containerStatuses(pod)) {
            total += Objects.requireNonNullElse(status.getRestartCount(), 0);
        }
        for (ContainerStatus status : initContainerStatuses(pod)) {
            total += Objects.requireNonNullElse(status.getRestartCount(), 0);
        }
        return total;
    }
}
