package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.statefulapps.kubernetes.StatefulSetNaming;
import io.statefulapps.kubernetes.WellKnownLabels;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Plays kube-controller-manager's StatefulSet controller: stable pod names and claims, ordered
 * or parallel creation, scale down from the highest ordinal, rolling updates from the highest
 * ordinal down honouring {@code partition}, OnDelete, claim retention, and the status it reports.
 */
final class StatefulSetController implements Controller {

    private final KubernetesClient client;
    private final ClusterInformers informers;
    private final ClusterWriter writer;
    private final EventRecorder events;
    private final StatefulSetRevisions revisions;
    private final StatefulSetStatusWriter statusWriter;

    StatefulSetController(ControllerContext context) {
        this.client = context.client();
        this.informers = context.informers();
        this.writer = context.writer();
        this.events = context.events();
        this.revisions = new StatefulSetRevisions(context);
        this.statusWriter = new StatefulSetStatusWriter(context);
    }

    @Override
    public void reconcile() {
        for (StatefulSet sts : informers.statefulSets.getStore().list()) {
            if (!ObjectLifecycle.isTerminating(sts) && sts.getSpec().getSelector() != null) {
                sync(sts);
            }
        }
    }

    private void sync(StatefulSet sts) {
        String updateRevision = revisions.ensure(sts);
        String currentRevision = sts.getStatus() == null || sts.getStatus().getCurrentRevision() == null
                ? updateRevision : sts.getStatus().getCurrentRevision();
        int replicas = sts.getSpec().getReplicas() == null ? 1 : sts.getSpec().getReplicas();
        boolean ordered = !"Parallel".equals(sts.getSpec().getPodManagementPolicy());
        TreeMap<Integer, Pod> pods = ownedPods(sts);

        // a Failed pod is deleted and comes back under the same name, like the real controller does
        pods.values().removeIf(p -> "Failed".equals(p.getStatus() == null ? null : p.getStatus().getPhase())
                && delete(sts, p));

        boolean blocked = false;
        for (int ordinal = 0; ordinal < replicas && !blocked; ordinal++) {
            Pod pod = pods.get(ordinal);
            if (pod == null) {
                createPod(sts, ordinal, revisionFor(sts, ordinal, currentRevision, updateRevision));
                blocked = ordered;
            } else if (ordered && !PodConditions.isRunningAndReady(pod)) {
                blocked = true;
            }
        }
        boolean allHealthy = pods.values().stream().allMatch(PodConditions::isRunningAndReady);
        var condemned = pods.tailMap(replicas, true).descendingMap();
        if (!condemned.isEmpty() && (!ordered || allHealthy)) {
            for (Pod pod : condemned.values()) {
                delete(sts, pod);
                if (ordered) {
                    break;
                }
            }
        }
        if ("Delete".equals(StatefulSetPods.retention(sts, false))) {
            deleteClaimsAbove(sts, replicas, pods);
        }
        boolean complete = pods.headMap(replicas).size() == replicas;
        if (!"OnDelete".equals(updateType(sts)) && complete && (!ordered || allHealthy)) {
            rollOne(sts, pods, replicas, updateRevision);
        }
        statusWriter.write(sts, pods.values(), replicas, currentRevision, updateRevision);
        revisions.trim(sts, currentRevision, updateRevision, pods.values());
    }

    private String updateType(StatefulSet sts) {
        return sts.getSpec().getUpdateStrategy() == null || sts.getSpec().getUpdateStrategy().getType() == null
                ? "RollingUpdate" : sts.getSpec().getUpdateStrategy().getType();
    }

    private int partition(StatefulSet sts) {
        var strategy = sts.getSpec().getUpdateStrategy();
        return strategy == null || strategy.getRollingUpdate() == null || strategy.getRollingUpdate().getPartition() == null
                ? 0 : strategy.getRollingUpdate().getPartition();
    }

    /** Ordinals below the partition keep (or get back) the current revision during a rolling update. */
    private String revisionFor(StatefulSet sts, int ordinal, String current, String update) {
        return "RollingUpdate".equals(updateType(sts)) && ordinal < partition(sts) ? current : update;
    }

    /**
     * Walks down from the highest ordinal to the partition: replaces the first pod still on an old
     * revision, but stops at an updated pod that is not yet Running and Ready (one at a time).
     */
    private void rollOne(StatefulSet sts, TreeMap<Integer, Pod> pods, int replicas, String updateRevision) {
        for (int ordinal = replicas - 1; ordinal >= partition(sts); ordinal--) {
            Pod pod = pods.get(ordinal);
            if (!updateRevision.equals(pod.getMetadata().getLabels().get(WellKnownLabels.CONTROLLER_REVISION_HASH))) {
                delete(sts, pod);
                return;
            }
            if (!PodConditions.isRunningAndReady(pod)) {
                return;
            }
        }
    }

    private TreeMap<Integer, Pod> ownedPods(StatefulSet sts) {
        TreeMap<Integer, Pod> result = new TreeMap<>();
        for (Pod pod : informers.podsControlledBy(sts)) {
            int ordinal = StatefulSetPods.ordinal(sts, pod);
            if (ordinal >= 0 && ControllerReferences.isControlledBy(pod, sts)) {
                result.put(ordinal, pod);
            }
        }
        adoptOrphans(sts, result);
        return result;
    }

    /**
     * Like the real controller (ControllerRefManager): a pod that matches the selector, is named like
     * one of the set's pods and has no controller (e.g. orphaned when its previous StatefulSet was
     * deleted with propagationPolicy Orphan) becomes this set's pod.
     */
    private void adoptOrphans(StatefulSet sts, TreeMap<Integer, Pod> owned) {
        var selector = sts.getSpec().getSelector() == null ? null : sts.getSpec().getSelector().getMatchLabels();
        if (selector == null || selector.isEmpty()) {
            return;
        }
        for (Pod pod : informers.podsMatching(sts.getMetadata().getNamespace(), selector)) {
            int ordinal = StatefulSetPods.ordinal(sts, pod);
            // A controller reference to a deleted predecessor of the same name counts as none: the garbage
            // collector removes such references, and the cache may still show one for a moment.
            java.util.function.Predicate<io.fabric8.kubernetes.api.model.OwnerReference> dangling = ref ->
                    "StatefulSet".equals(ref.getKind()) && sts.getMetadata().getName().equals(ref.getName())
                            && !sts.getMetadata().getUid().equals(ref.getUid());
            boolean orphan = pod.getMetadata().getOwnerReferences().stream()
                    .filter(ref -> Boolean.TRUE.equals(ref.getController())).allMatch(dangling);
            if (ordinal < 0 || !orphan || pod.getMetadata().getDeletionTimestamp() != null || owned.containsKey(ordinal)) {
                continue;
            }
            var kept = pod.getMetadata().getOwnerReferences().stream().filter(dangling.negate()).toList();
            Pod adopted = new io.fabric8.kubernetes.api.model.PodBuilder(pod).editMetadata()
                    .withOwnerReferences(kept).addToOwnerReferences(ControllerReferences.of(sts)).endMetadata().build();
            if (writer.attempt(() -> client.pods().inNamespace(sts.getMetadata().getNamespace()).resource(adopted).update())) {
                owned.put(ordinal, adopted);
            }
        }
    }

    private void createPod(StatefulSet sts, int ordinal, String revision) {
        for (PersistentVolumeClaim template : sts.getSpec().getVolumeClaimTemplates()) {
            PersistentVolumeClaim claim = StatefulSetPods.newClaim(sts, template, ordinal);
            if (ClusterInformers.get(informers.claims, sts.getMetadata().getNamespace(), claim.getMetadata().getName()).isEmpty()) {
                boolean created = writer.attempt(() -> client.persistentVolumeClaims().inNamespace(sts.getMetadata().getNamespace())
                        .resource(claim).create());
                if (created) {
                    events.record(sts, EventRecorder.NORMAL, "SuccessfulCreate", "create Claim " + claim.getMetadata().getName()
                            + " Pod " + StatefulSetNaming.podName(sts.getMetadata().getName(), ordinal) + " in StatefulSet "
                            + sts.getMetadata().getName() + " success", "statefulset-controller", null);
                }
            }
        }
        PodTemplateSpec template = revisions.template(sts, revision);
        Pod pod = StatefulSetPods.newPod(sts, template, revision, ordinal);
        if (writer.attempt(() -> client.pods().inNamespace(sts.getMetadata().getNamespace()).resource(pod).create())) {
            events.record(sts, EventRecorder.NORMAL, "SuccessfulCreate", "create Pod " + pod.getMetadata().getName()
                    + " in StatefulSet " + sts.getMetadata().getName() + " successful", "statefulset-controller", null);
        }
    }

    /** Deletes a pod of the set; true when it was there to delete. */
    private boolean delete(StatefulSet sts, Pod pod) {
        boolean[] deleted = new boolean[1];
        writer.attempt(() -> deleted[0] = !client.pods().inNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName()).withGracePeriod(0).delete().isEmpty());
        if (deleted[0]) {
            events.record(sts, EventRecorder.NORMAL, "SuccessfulDelete", "delete Pod " + pod.getMetadata().getName()
                    + " in StatefulSet " + sts.getMetadata().getName() + " successful", "statefulset-controller", null);
        }
        return deleted[0];
    }

    /** whenScaled=Delete: claims of ordinals that no longer exist go once their pod is gone. */
    private void deleteClaimsAbove(StatefulSet sts, int replicas, Map<Integer, Pod> pods) {
        String namespace = sts.getMetadata().getNamespace();
        for (PersistentVolumeClaim template : sts.getSpec().getVolumeClaimTemplates()) {
            String templateName = template.getMetadata().getName();
            for (PersistentVolumeClaim claim : ClusterInformers.inNamespace(informers.claims, namespace)) {
                String name = claim.getMetadata().getName();
                int ordinal = StatefulSetNaming.parseOrdinal(name.substring(name.lastIndexOf('-') + 1)).orElse(-1);
                if (ordinal < 0 || ObjectLifecycle.isTerminating(claim)
                        || !name.equals(StatefulSetNaming.claimName(templateName, sts.getMetadata().getName(), ordinal))) {
                    continue;
                }
                if (ordinal >= replicas && !pods.containsKey(ordinal)
                        && Objects.equals(claim.getMetadata().getLabels(), StatefulSetPods.newClaim(sts, template, ordinal)
                                .getMetadata().getLabels())) {
                    writer.attempt(() -> client.persistentVolumeClaims().inNamespace(namespace).withName(name).delete());
                }
            }
        }
    }

}
