package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

/** Reading a pod's conditions: the one place "Running and Ready" is decided for the controllers. */
final class PodConditions {

    private PodConditions() {
    }

    /** The condition of that type, or null. */
    static PodCondition get(Pod pod, String type) {
        return pod.getStatus() == null ? null : pod.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    static boolean isTrue(Pod pod, String type) {
        PodCondition c = get(pod, type);
        return c != null && "True".equals(c.getStatus());
    }

    /** What the StatefulSet controller waits for: phase Running, Ready, not being deleted. */
    static boolean isRunningAndReady(Pod pod) {
        return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase()) && isTrue(pod, "Ready")
                && !ObjectLifecycle.isTerminating(pod);
    }
}
