package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulapps.kubernetes.WellKnownLabels;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plays kube-controller-manager's StatefulSet controller: stable pod names and claims, ordered
 * or parallel creation, scale down from the highest ordinal, rolling updates from the highest
 * ordinal down honouring {@code partition}, OnDelete, claim retention, and the status it reports.
 * A set is looked at when it or one of its pods or revisions changes, or a claim goes.
 */
final class StatefulSetController extends KindController<StatefulSet> {

    private final StatefulSetExpectations expectations = new StatefulSetExpectations();
    private final StatefulSetRevisions revisions;
    private final StatefulSetStatusWriter statusWriter;
    private final StatefulSetPodControl podControl;
    private final ClaimRetention claimRetention;

    StatefulSetController(ControllerContext context) {
        super(context, context.informers().statefulSets);
        this.revisions = new StatefulSetRevisions(context);
        this.statusWriter = new StatefulSetStatusWriter(context);
        this.podControl = new StatefulSetPodControl(context, expectations);
        this.claimRetention = new ClaimRetention(context);
        informers.onChange(informers.statefulSets, (before, after) -> {
            if (after == null) {
                revisions.forget(before.getMetadata().getUid());
            }
            queue().add(ClusterInformers.keyOf(after != null ? after : before));
        });
        informers.onChange(informers.pods, this::podChanged);
        informers.onChange(informers.revisions, (before, after) -> ownerOrAdopters(after != null ? after : before));
        informers.onChange(informers.claims, (before, after) -> {
            if (after == null) {
                // a pod that waited for its claim's deletion can now be made, with a new claim
                informers.statefulSetSelectors.matching(before.getMetadata().getNamespace(),
                        before.getMetadata().getLabels()).forEach(queue()::add);
            }
        });
    }

    private void podChanged(Pod before, Pod after) {
        if (after == null || ObjectLifecycle.isTerminating(after)) {
            expectations.gone(after != null ? after : before);
        }
        if (after != null) {
            expectations.shown(after);
        }
        ownerOrAdopters(after != null ? after : before);
    }

    /** Looks at the set that controls the object, or at every set that may adopt it if it is an orphan. */
    private void ownerOrAdopters(HasMetadata obj) {
        Optional<String> owner = ownerKey(obj);
        if (owner.isPresent()) {
            queue().add(owner.get());
        } else {
            informers.statefulSetSelectors.matching(obj.getMetadata().getNamespace(), obj.getMetadata().getLabels())
                    .forEach(queue()::add);
        }
    }

    private static Optional<String> ownerKey(HasMetadata obj) {
        return obj.getMetadata().getOwnerReferences().stream()
                .filter(ref -> Boolean.TRUE.equals(ref.getController()) && "StatefulSet".equals(ref.getKind()))
                .map(ref -> obj.getMetadata().getNamespace() + "/" + ref.getName()).findFirst();
    }

    @Override
    Instant reconcile(String key, StatefulSet sts) {
        Instant now = clock.instant();
        if (sts == null) {
            expectations.forget(key);
            return null;
        }
        if (ObjectLifecycle.isTerminating(sts) || sts.getSpec().getSelector() == null
                || !expectations.satisfied(key, now)) {
            return null; // what it waits for brings it back
        }
        return sync(sts);
    }

    private Instant sync(StatefulSet sts) {
        String updateRevision = revisions.ensure(sts);
        String currentRevision = sts.getStatus() == null || sts.getStatus().getCurrentRevision() == null
                ? updateRevision : sts.getStatus().getCurrentRevision();
        int replicas = sts.getSpec().getReplicas() == null ? 1 : sts.getSpec().getReplicas();
        boolean ordered = !"Parallel".equals(sts.getSpec().getPodManagementPolicy());
        TreeMap<Integer, Pod> pods = ownedPods(sts);

        // a Failed pod is deleted and comes back under the same name, like the real controller does
        boolean changed = pods.values().removeIf(p -> "Failed".equals(p.getStatus() == null ? null
                : p.getStatus().getPhase()) && !ObjectLifecycle.isTerminating(p) && podControl.delete(sts, p));
        changed |= createMissing(sts, pods, replicas, ordered, currentRevision, updateRevision);
        boolean allHealthy = pods.values().stream().allMatch(PodConditions::isRunningAndReady);
        // a condemned pod is deleted only once its claims name it as owner, if the policy says so
        if (claimRetention.reconcile(sts, pods, replicas, ordered, !ordered || allHealthy)) {
            changed |= scaleDown(sts, pods, replicas, ordered, allHealthy);
        }
        boolean complete = pods.headMap(replicas).size() == replicas;
        if (!changed && !"OnDelete".equals(updateType(sts)) && complete && (!ordered || allHealthy)) {
            changed = rollOne(sts, pods, replicas, updateRevision);
        }
        if (changed) {
            return null; // the informer's news of what changed brings the set back; count then
        }
        Instant next = statusWriter.write(sts, pods.values(), replicas, currentRevision, updateRevision);
        revisions.trim(sts, currentRevision, updateRevision, pods.values());
        return next;
    }

    /** Creates the missing pods (ordered: one, and only once the lower ordinals are Running and Ready). */
    private boolean createMissing(StatefulSet sts, TreeMap<Integer, Pod> pods, int replicas, boolean ordered,
            String currentRevision, String updateRevision) {
        boolean created = false;
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            Pod pod = pods.get(ordinal);
            if (pod == null) {
                String revision = revisionFor(sts, ordinal, currentRevision, updateRevision);
                boolean ok = podControl.create(sts, revisions.template(sts, revision), revision, ordinal);
                created |= ok;
                if (ordered) {
                    return created;
                }
            } else if (ordered && !PodConditions.isRunningAndReady(pod)) {
                return created;
            }
        }
        return created;
    }

    /** Deletes pods at or above replicas, highest first (ordered: one at a time, once all are healthy). */
    private boolean scaleDown(StatefulSet sts, TreeMap<Integer, Pod> pods, int replicas, boolean ordered,
            boolean allHealthy) {
        Map<Integer, Pod> condemned = pods.tailMap(replicas, true).descendingMap();
        boolean deleted = false;
        if (!condemned.isEmpty() && (!ordered || allHealthy)) {
            for (Pod pod : condemned.values()) {
                if (!ObjectLifecycle.isTerminating(pod)) {
                    deleted |= podControl.delete(sts, pod);
                }
                if (ordered) {
                    break; // one at a time: the next once this one is gone
                }
            }
        }
        return deleted;
    }

    private static String updateType(StatefulSet sts) {
        return sts.getSpec().getUpdateStrategy() == null || sts.getSpec().getUpdateStrategy().getType() == null
                ? "RollingUpdate" : sts.getSpec().getUpdateStrategy().getType();
    }

    private static int partition(StatefulSet sts) {
        var strategy = sts.getSpec().getUpdateStrategy();
        return strategy == null || strategy.getRollingUpdate() == null
                || strategy.getRollingUpdate().getPartition() == null ? 0 : strategy.getRollingUpdate().getPartition();
    }

    /** Ordinals below the partition keep (or get back) the current revision during a rolling update. */
    private static String revisionFor(StatefulSet sts, int ordinal, String current, String update) {
        return "RollingUpdate".equals(updateType(sts)) && ordinal < partition(sts) ? current : update;
    }

    /**
     * Walks down from the highest ordinal to the partition: replaces the first pod still on an old
     * revision, but stops at an updated pod that is not yet Running and Ready (one at a time).
     */
    private boolean rollOne(StatefulSet sts, TreeMap<Integer, Pod> pods, int replicas, String updateRevision) {
        for (int ordinal = replicas - 1; ordinal >= partition(sts); ordinal--) {
            Pod pod = pods.get(ordinal);
            if (!updateRevision.equals(pod.getMetadata().getLabels().get(WellKnownLabels.CONTROLLER_REVISION_HASH))) {
                return !ObjectLifecycle.isTerminating(pod) && podControl.delete(sts, pod);
            }
            if (!PodConditions.isRunningAndReady(pod)) {
                return false;
            }
        }
        return false;
    }

    private TreeMap<Integer, Pod> ownedPods(StatefulSet sts) {
        TreeMap<Integer, Pod> result = new TreeMap<>();
        for (Pod pod : informers.podsControlledBy(sts)) {
            int ordinal = StatefulSetPods.ordinal(sts, pod);
            if (ordinal >= 0) {
                result.put(ordinal, informers.get(informers.pods, ClusterInformers.keyOf(pod)).orElse(pod));
            }
        }
        podControl.adoptOrphans(sts, result);
        return result;
    }
}
