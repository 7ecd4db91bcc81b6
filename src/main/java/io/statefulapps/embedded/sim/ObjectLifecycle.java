package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;

/** Where an object is in its life as every controller reads it. */
final class ObjectLifecycle {

    private ObjectLifecycle() {
    }

    /** Marked for deletion (a deletionTimestamp) but still there. */
    static boolean isTerminating(HasMetadata obj) {
        return obj.getMetadata().getDeletionTimestamp() != null;
    }

    /** A pod the scheduler has given a node: from then on it is that node's kubelet's. */
    static boolean isBound(Pod pod) {
        return pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty();
    }

    /** A pod whose containers have all stopped for good: phase Succeeded or Failed. */
    static boolean isFinished(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }
}
