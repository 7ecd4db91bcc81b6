package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulapps.kubernetes.StatefulSetNaming;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Claims a scale-down left behind: {@code <template>-<sts>-<ordinal>} for an ordinal outside
 * {@code start … start+replicas-1} whose pod is gone. A StatefulSet keeps them on purpose (a scale
 * back up finds its data again), so this is Info and changes no verdict; it says what they hold and
 * how to let them go, as the set's {@code persistentVolumeClaimRetentionPolicy} has it.
 */
final class RetainedClaimAssessor {

    private RetainedClaimAssessor() {
    }

    static Optional<Finding> assess(StatefulSet sts, AppPods pods, AssessmentContext context) {
        if (sts == null || sts.getSpec() == null || sts.getSpec().getVolumeClaimTemplates() == null) {
            return Optional.empty();
        }
        int first = StatefulSetReads.firstOrdinal(sts);
        int replicas = StatefulSetReads.replicas(sts);
        List<String> retained = new ArrayList<>();
        List<String> names = new ArrayList<>();
        BigDecimal bytes = BigDecimal.ZERO;
        int highest = -1;
        for (PersistentVolumeClaim claim : context.snapshot().claims()) {
            OptionalInt ordinal = ordinal(claim, sts, pods.statefulSet());
            if (ordinal.isEmpty() || (ordinal.getAsInt() >= first && ordinal.getAsInt() < first + replicas)
                    || pods.at(ordinal.getAsInt()) != null) {
                continue;
            }
            String size = size(claim);
            names.add(MetadataReads.name(claim));
            retained.add(MetadataReads.name(claim) + (size == null ? "" : " (" + size + ")"));
            BigDecimal claimBytes = StorageSizes.bytes(StorageSizes.quantity(size));
            bytes = claimBytes == null ? bytes : bytes.add(claimBytes);
            highest = Math.max(highest, ordinal.getAsInt());
        }
        if (retained.isEmpty()) {
            return Optional.empty();
        }
        String holding = bytes.signum() > 0 ? ", holding " + StorageSizes.textOf(bytes) : "";
        return Optional.of(Finding.of(Reason.RetainedClaim, "StatefulSet/" + pods.statefulSet(),
                retained.size() + " claim(s) kept after a scale-down" + holding + ": " + String.join(", ", retained),
                hint(sts, names, highest - first + 1, context.kubectl())));
    }

    private static String hint(StatefulSet sts, List<String> names, int replicasToReuse, Kubectl kubectl) {
        String delete = "kubectl -n " + kubectl.namespace() + " delete pvc " + String.join(" ", names);
        String whenScaled = sts.getSpec().getPersistentVolumeClaimRetentionPolicy() == null ? null
                : sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenScaled();
        if ("Delete".equals(whenScaled)) {
            return "the retention policy (whenScaled: Delete) removes them once their pods are gone; if they stay, they"
                    + " predate the policy: " + delete;
        }
        return "they keep their data for a scale back up (replicas: " + replicasToReuse + " uses them again); to free"
                + " the storage (and the PVs, if their reclaim policy is Delete): " + delete;
    }

    /** The ordinal of a claim named {@code <template>-<sts>-<n>} for one of the set's templates. */
    private static OptionalInt ordinal(PersistentVolumeClaim claim, StatefulSet sts, String statefulSet) {
        String name = MetadataReads.name(claim);
        for (PersistentVolumeClaim template : sts.getSpec().getVolumeClaimTemplates()) {
            // <template>-<sts>-<n> is the pod name of a set called <template>-<sts>
            OptionalInt ordinal = StatefulSetNaming.ordinalOf(name, MetadataReads.name(template) + "-" + statefulSet);
            if (ordinal.isPresent()) {
                return ordinal;
            }
        }
        return OptionalInt.empty();
    }

    /** What the claim holds: its bound capacity, else its request. */
    private static String size(PersistentVolumeClaim claim) {
        String capacity = claim.getStatus() == null ? null
                : StorageSizes.text(StorageSizes.storage(claim.getStatus().getCapacity()));
        if (capacity != null) {
            return capacity;
        }
        return claim.getSpec() == null || claim.getSpec().getResources() == null ? null
                : StorageSizes.text(StorageSizes.storage(claim.getSpec().getResources().getRequests()));
    }
}
