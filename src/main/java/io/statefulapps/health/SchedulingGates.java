package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSchedulingGate;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod held back by {@code spec.schedulingGates}: the scheduler does not look at it until a
 * controller (a queue such as Kueue, a quota or a provisioning check) removes every gate. Waiting
 * there is normal for {@code pendingDeadline}; past it, whatever should open the gates does not.
 */
final class SchedulingGates {

    private SchedulingGates() {
    }

    static Finding finding(Pod pod, List<PodSchedulingGate> gates, boolean young, Kubectl kubectl) {
        String name = MetadataReads.name(pod);
        List<String> names = new ArrayList<>();
        if (gates != null) {
            gates.forEach(g -> names.add(g.getName()));
        }
        String message = names.isEmpty() ? "the pod waits for its scheduling gates to be removed"
                : "scheduling gates hold the pod: " + String.join(", ", names);
        String hint = "the controller that adds these gates must remove them (spec.schedulingGates); look at it and at "
                + kubectl.get("pod " + name + " -o jsonpath='{.spec.schedulingGates}'");
        if (young) {
            return Finding.of(Reason.SchedulingGated, "Pod/" + name, message, hint);
        }
        // Hardened: past the pending deadline nothing is opening the gates.
        return Finding.withSeverityAndVerdict(Severity.Error, HealthStatus.Degraded, Reason.SchedulingGated, "Pod/" + name,
                message + ", for longer than the pending deadline", hint);
    }
}
