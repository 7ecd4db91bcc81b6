package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.statefulapps.kubernetes.WellKnownLabels;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * The status the real controller computes: counts over the set's pods, and currentRevision
 * catching up with updateRevision once every pod is updated and Ready.
 */
final class StatefulSetStatusWriter {

    private final KubernetesClient client;
    private final ClusterWriter writer;
    private final Clock clock;

    StatefulSetStatusWriter(ControllerContext context) {
        this.client = context.client();
        this.writer = context.writer();
        this.clock = context.clock();
    }

    void write(StatefulSet sts, Collection<Pod> pods, int desired, String currentRevision, String updateRevision) {
        int replicas = 0;
        int ready = 0;
        int available = 0;
        int minReadySeconds = sts.getSpec().getMinReadySeconds() == null ? 0 : sts.getSpec().getMinReadySeconds();
        int current = 0;
        int updated = 0;
        for (Pod pod : pods) {
            if (ObjectLifecycle.isTerminating(pod)) {
                continue;
            }
            replicas++;
            if (PodConditions.isRunningAndReady(pod)) {
                ready++;
                available += isAvailable(pod, minReadySeconds) ? 1 : 0;
            }
            String revision = pod.getMetadata().getLabels().get(WellKnownLabels.CONTROLLER_REVISION_HASH);
            current += Objects.equals(revision, currentRevision) ? 1 : 0;
            updated += Objects.equals(revision, updateRevision) ? 1 : 0;
        }
        String revision = currentRevision;
        boolean rolling = !"OnDelete".equals(sts.getSpec().getUpdateStrategy() == null ? null
                : sts.getSpec().getUpdateStrategy().getType());
        if (updated == desired && ready == desired && replicas == desired && rolling) {
            current = updated;
            revision = updateRevision;
        }
        StatefulSetStatus old = sts.getStatus();
        StatefulSetStatus status = new StatefulSetStatusBuilder()
                .withObservedGeneration(sts.getMetadata().getGeneration())
                .withReplicas(replicas).withReadyReplicas(ready).withAvailableReplicas(available)
                .withCurrentReplicas(current).withUpdatedReplicas(updated)
                .withCurrentRevision(revision).withUpdateRevision(updateRevision).withCollisionCount(0)
                .withConditions(old == null ? java.util.List.of() : old.getConditions()).build();
        if (!status.equals(old)) {
            StatefulSet copy = new StatefulSetBuilder(sts).withStatus(status).build();
            writer.attempt(() -> client.resource(copy).updateStatus());
        }
    }

    /** Ready for at least minReadySeconds, judged by the Ready condition's lastTransitionTime. */
    private boolean isAvailable(Pod pod, int minReadySeconds) {
        if (minReadySeconds == 0) {
            return true;
        }
        var condition = PodConditions.get(pod, "Ready");
        return condition != null && condition.getLastTransitionTime() != null
                && !Instant.parse(condition.getLastTransitionTime()).plusSeconds(minReadySeconds).isAfter(clock.instant());
    }
}
