package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulapps.kubernetes.StatefulSetNaming;

import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Brings the owner references of a set's claims in line with its retention policy on every sync
 * (1.32, StatefulSetAutoDeletePVC): a policy patched on a live set reaches the claims made under the
 * old one. Deleting what a reference marks is the garbage collector's part: a condemned pod's claim
 * goes once the pod is gone, the set's claims with the set. Only claims whose references differ are
 * written, so a set that keeps its policy costs no write.
 */
final class ClaimRetention {

    private final ClusterInformers informers;
    private final ClusterWriter writer;

    ClaimRetention(ControllerContext context) {
        this.informers = context.informers();
        this.writer = context.writer();
    }

    /**
     * Fixes the claims of the pods below replicas (ordered: up to the first that is terminating or not
     * Running and Ready, where the real controller stops its pass), then, when the set may scale down,
     * those of the condemned pods. False when a write was refused: the condemned pods must not be
     * deleted before their claims name them.
     */
    boolean reconcile(StatefulSet sts, NavigableMap<Integer, Pod> pods, int replicas, boolean ordered,
            boolean mayScaleDown) {
        if (sts.getSpec().getVolumeClaimTemplates().isEmpty()) {
            return true;
        }
        boolean ok = true;
        for (Pod pod : pods.headMap(replicas, false).values()) {
            if (ordered && (ObjectLifecycle.isTerminating(pod) || !PodConditions.isRunningAndReady(pod))) {
                break;
            }
            ok &= reconcile(sts, pod, false);
        }
        if (mayScaleDown) {
            for (Pod pod : pods.tailMap(replicas, true).values()) {
                ok &= reconcile(sts, pod, true);
            }
        }
        return ok;
    }

    private boolean reconcile(StatefulSet sts, Pod pod, boolean condemned) {
        int ordinal = StatefulSetPods.ordinal(sts, pod);
        boolean ok = true;
        for (PersistentVolumeClaim template : sts.getSpec().getVolumeClaimTemplates()) {
            String name = StatefulSetNaming.claimName(template.getMetadata().getName(), sts.getMetadata().getName(),
                    ordinal);
            // a claim not made yet is made with the right references when its pod is
            Optional<PersistentVolumeClaim> claim = informers.get(informers.claims, sts.getMetadata().getNamespace(),
                    name);
            Optional<List<OwnerReference>> wanted = claim.flatMap(c -> ClaimOwners.wanted(c, sts, pod, condemned));
            if (wanted.isPresent()) {
                PersistentVolumeClaim updated = new PersistentVolumeClaimBuilder(claim.get()).editMetadata()
                        .withOwnerReferences(wanted.get()).endMetadata().build();
                ok &= writer.update(updated).ok();
            }
        }
        return ok;
    }
}
