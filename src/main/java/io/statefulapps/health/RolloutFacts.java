package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * What the rollout rules look at, read once from the StatefulSet, its status and its pods.
 *
 * @param partition    the RollingUpdate partition (0 for OnDelete)
 * @param lastProgress see {@link StatefulSetAssessor#lastProgress}
 */
record RolloutFacts(
        String name,
        StatefulSetStatus status,
        int replicas,
        int first,
        String strategy,
        int partition,
        Long generation,
        RolloutHolders holders,
        Instant lastProgress,
        String podSelector) {

    static RolloutFacts of(StatefulSet sts, AppPods pods) {
        StatefulSetStatus status = sts.getStatus() != null ? sts.getStatus() : new StatefulSetStatus();
        int replicas = StatefulSetReads.replicas(sts);
        int first = StatefulSetReads.firstOrdinal(sts);
        String strategy = StatefulSetReads.strategy(sts);
        boolean onDelete = StatefulSetReads.ON_DELETE.equals(strategy);
        int partition = onDelete ? 0 : StatefulSetReads.partition(sts);
        RolloutHolders holders = RolloutHolders.of(pods, first, replicas, partition, onDelete, status.getUpdateRevision());
        return new RolloutFacts(MetadataReads.name(sts), status, replicas, first, strategy, partition,
                sts.getMetadata().getGeneration(), holders, StatefulSetAssessor.lastProgress(sts, pods.sorted()),
                StatefulSetReads.selectorArgument(sts));
    }

    String object() {
        return "StatefulSet/" + name;
    }

    boolean onDelete() {
        return StatefulSetReads.ON_DELETE.equals(strategy);
    }

    Long observedGeneration() {
        return status.getObservedGeneration();
    }

    String updateRevision() {
        return status.getUpdateRevision();
    }

    int ready() {
        return Objects.requireNonNullElse(status.getReadyReplicas(), 0);
    }

    int updated() {
        return Objects.requireNonNullElse(status.getUpdatedReplicas(), 0);
    }

    boolean generationObserved() {
        Long observed = observedGeneration();
        return observed != null && (generation == null || observed >= generation);
    }

    /** The update revision differs from the current one: a new template is (being) rolled out. */
    boolean revisionsDiffer() {
        return updateRevision() != null && !updateRevision().equals(status.getCurrentRevision());
    }

    /** Pods still to be updated, not ready, or scaled: the controller has work left. */
    boolean inProgress() {
        // the pods at or above the partition are the ones a rolling update replaces
        int toUpdate = Math.max(0, first + replicas - Math.max(partition, first));
        boolean countersBehind = ready() < replicas
                || (!onDelete() && updateRevision() != null && updated() < toUpdate)
                || (!onDelete() && partition == 0 && revisionsDiffer());
        return !holders.blocking().isEmpty() || (replicas > 0 && countersBehind);
    }

    /** {@code (ready 1/2, updated 2/2); waiting for eureka-1 (not ready)}. */
    String progressText() {
        String counts = "(ready " + ready() + "/" + replicas + ", updated " + updated() + "/" + replicas + ")";
        return holders.blocking().isEmpty() ? counts
                : counts + "; waiting for " + String.join(", ", holders.blocking().values());
    }
}
