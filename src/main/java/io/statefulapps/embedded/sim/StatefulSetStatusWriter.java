package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.statefulapps.kubernetes.WellKnownLabels;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The status the real controller computes: counts over the set's pods, and currentRevision
 * catching up with updateRevision once every pod is updated and Ready. Written only when it
 * differs from what the set shows (at most once per change of its pods).
 */
final class StatefulSetStatusWriter {

    private final ClusterWriter writer;
    private final Clock clock;

    StatefulSetStatusWriter(ControllerContext context) {
        this.writer = context.writer();
        this.clock = context.clock();
    }

    /** Writes the status if it changed; returns when a Ready pod becomes available, if one will. */
    Instant write(StatefulSet sts, Collection<Pod> pods, int desired, String currentRevision, String updateRevision) {
        int replicas = 0;
        int ready = 0;
        int available = 0;
        int current = 0;
        int updated = 0;
        Instant nextAvailable = null;
        Instant now = clock.instant();
        for (Pod pod : pods) {
            if (ObjectLifecycle.isTerminating(pod)) {
                continue;
            }
            replicas++;
            if (PodConditions.isRunningAndReady(pod)) {
                ready++;
                Instant availableAt = availableAt(pod, sts.getSpec().getMinReadySeconds());
                if (availableAt != null && !availableAt.isAfter(now)) {
                    available++;
                } else if (availableAt != null && (nextAvailable == null || availableAt.isBefore(nextAvailable))) {
                    nextAvailable = availableAt;
                }
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
                .withConditions(old == null ? List.of() : old.getConditions()).build();
        if (!status.equals(old)) {
            writer.updateStatus(new StatefulSet(sts.getApiVersion(), sts.getKind(), sts.getMetadata(), sts.getSpec(),
                    status));
        }
        return nextAvailable;
    }

    /** When a Ready pod counts as available: Ready for minReadySeconds by its condition; null if unknown. */
    private static Instant availableAt(Pod pod, Integer minReadySeconds) {
        if (minReadySeconds == null || minReadySeconds == 0) {
            return Instant.MIN;
        }
        var condition = PodConditions.get(pod, "Ready");
        return condition == null || condition.getLastTransitionTime() == null ? null
                : Instant.parse(condition.getLastTransitionTime()).plusSeconds(minReadySeconds);
    }
}
