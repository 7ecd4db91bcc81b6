package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner references a StatefulSet's claim should carry under the set's
 * persistentVolumeClaimRetentionPolicy, decided as 1.32's isClaimOwnerUpToDate and
 * updateClaimOwnerRefForSetAndPod decide it: whenDeleted=Delete, the set owns the claim (the
 * garbage collector takes it with the set); whenScaled=Delete, a condemned pod owns its claim
 * instead (it goes with the pod); Retain, neither. A claim naming a deleted predecessor of the set
 * or the pod is left alone (the garbage collector is about to act on it), and so is one with another
 * controller, apart from taking our references off it.
 */
final class ClaimOwners {

    private ClaimOwners() {
    }

    /** The claim's owner references as the policy wants them; empty when they are right already. */
    static Optional<List<OwnerReference>> wanted(PersistentVolumeClaim claim, StatefulSet sts, Pod pod,
            boolean condemned) {
        List<OwnerReference> refs = claim.getMetadata().getOwnerReferences();
        OwnerReference setRef = ControllerReferences.of(sts);
        OwnerReference podRef = podReference(pod);
        if (refs.stream().anyMatch(r -> isStale(r, setRef) || isStale(r, podRef))) {
            return Optional.empty();
        }
        boolean foreignController = refs.stream().anyMatch(r -> Boolean.TRUE.equals(r.getController())
                && !sameOwner(r, setRef) && !sameOwner(r, podRef));
        boolean deleteWithSet = "Delete".equals(StatefulSetPods.retention(sts, true));
        boolean deleteWhenScaled = "Delete".equals(StatefulSetPods.retention(sts, false));
        boolean wantsSet = !foreignController && deleteWithSet && !(deleteWhenScaled && condemned);
        boolean wantsPod = !foreignController && deleteWhenScaled && condemned;
        if (isUpToDate(refs, setRef, wantsSet) && isUpToDate(refs, podRef, wantsPod)) {
            return Optional.empty();
        }
        List<OwnerReference> result = new ArrayList<>(refs);
        result.removeIf(r -> sameOwner(r, setRef) || sameOwner(r, podRef));
        if (wantsSet) {
            result.add(setRef);
        }
        if (wantsPod) {
            result.add(podRef);
        }
        return Optional.of(result);
    }

    /** A reference to the owner counts only as a controller reference: a plain one is rewritten. */
    private static boolean isUpToDate(List<OwnerReference> refs, OwnerReference owner, boolean wanted) {
        List<OwnerReference> toOwner = refs.stream().filter(r -> sameOwner(r, owner)).toList();
        if (!wanted) {
            return toOwner.isEmpty();
        }
        return toOwner.size() == 1 && Boolean.TRUE.equals(toOwner.get(0).getController());
    }

    private static OwnerReference podReference(Pod pod) {
        return new OwnerReferenceBuilder().withApiVersion("v1").withKind("Pod")
                .withName(pod.getMetadata().getName()).withUid(pod.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true).build();
    }

    private static boolean sameOwner(OwnerReference ref, OwnerReference owner) {
        return Objects.equals(ref.getKind(), owner.getKind()) && Objects.equals(ref.getUid(), owner.getUid());
    }

    /** Same kind and name, another uid: a reference to a deleted object of the same name. */
    private static boolean isStale(OwnerReference ref, OwnerReference owner) {
        return Objects.equals(ref.getKind(), owner.getKind()) && Objects.equals(ref.getName(), owner.getName())
                && !Objects.equals(ref.getUid(), owner.getUid());
    }
}
