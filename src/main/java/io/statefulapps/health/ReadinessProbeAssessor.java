package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pods none of whose containers has a readiness probe. Then "Ready" only means the processes
 * started, and what Ready gates (the pod's DNS record, its place behind the Services, the next
 * ordinal's start under OrderedReady) comes before the app can serve. Info: nothing is broken.
 */
final class ReadinessProbeAssessor {

    private ReadinessProbeAssessor() {
    }

    static Optional<Finding> assess(AppPods pods, AssessmentContext context) {
        List<String> without = new ArrayList<>();
        for (Pod pod : pods.sorted()) {
            if (pod.getSpec() != null && pod.getSpec().getContainers() != null && !pod.getSpec().getContainers().isEmpty()
                    && pod.getSpec().getContainers().stream().map(Container::getReadinessProbe).allMatch(p -> p == null)) {
                without.add(MetadataReads.name(pod));
            }
        }
        if (without.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(Reason.NoReadinessProbe, "StatefulSet/" + pods.statefulSet(),
                "no readiness probe on " + String.join(", ", without) + ": Ready only means the processes started,"
                        + " so DNS records and Service endpoints appear before the app can serve",
                "give the app a readinessProbe (PATCH its spec with \"readinessProbe\"); what runs now: "
                        + context.kubectl().get("statefulset " + pods.statefulSet()
                                + " -o jsonpath='{.spec.template.spec.containers[*].readinessProbe}'")));
    }
}
