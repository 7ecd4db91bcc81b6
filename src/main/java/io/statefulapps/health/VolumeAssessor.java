package io.statefulapps.health;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulapps.kubernetes.StatefulSetNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One link of the chain pod → PVC → PV: the claim {@code <template>-<sts>-<ordinal>} of one pod,
 * and the volume it is bound to. Pending is always explained: no such StorageClass, provisioning
 * failed (with the provisioner's own words), or waiting for its first consumer.
 */
final class VolumeAssessor {

    private static final Set<String> PROVISIONING_FAILED = Set.of("ProvisioningFailed");

    private VolumeAssessor() {
    }

    /**
     * One claim of one pod, as the StatefulSet names it.
     *
     * @param pod   the pod that mounts the claim, {@code null} when it does not exist (yet)
     * @param claim the claim, {@code null} when it does not exist
     */
    record ClaimSlot(String podName, Pod pod, String template, String claimName, PersistentVolumeClaim claim) {

        String object() {
            return "PersistentVolumeClaim/" + claimName;
        }
    }

    /**
     * For each ordinal that has a pod or should have one, and each claim template: the claim
     * {@code <template>-<sts>-<ordinal>} and its volume. An ordinal with neither pod nor claim is
     * left out: not created yet, which the rollout reports.
     */
    static PartAssessment<List<VolumeReport>> assessAll(StatefulSet sts, AppPods pods, AssessmentContext context) {
        List<VolumeReport> volumes = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        if (sts == null || sts.getSpec() == null || sts.getSpec().getVolumeClaimTemplates() == null) {
            return new PartAssessment<>(volumes, findings);
        }
        Set<Integer> ordinals = new TreeSet<>(pods.byOrdinal().keySet());
        int first = StatefulSetReads.firstOrdinal(sts);
        for (int i = first; i < first + StatefulSetReads.replicas(sts); i++) {
            ordinals.add(i);
        }
        Map<String, PersistentVolumeClaim> claims = new HashMap<>();
        for (PersistentVolumeClaim claim : context.snapshot().claims()) {
            claims.put(MetadataReads.name(claim), claim);
        }
        for (int ordinal : ordinals) {
            Pod pod = pods.at(ordinal);
            String podName = pod != null ? MetadataReads.name(pod) : StatefulSetNaming.podName(pods.statefulSet(), ordinal);
            for (PersistentVolumeClaim template : sts.getSpec().getVolumeClaimTemplates()) {
                String templateName = MetadataReads.name(template);
                String claimName = StatefulSetNaming.claimName(templateName, pods.statefulSet(), ordinal);
                PersistentVolumeClaim claim = claims.get(claimName);
                if (pod != null || claim != null) {
                    PartAssessment<VolumeReport> assessed = assess(
                            new ClaimSlot(podName, pod, templateName, claimName, claim), context);
                    volumes.add(assessed.part());
                    findings.addAll(assessed.findings());
                }
            }
        }
        return new PartAssessment<>(volumes, findings);
    }

    static PartAssessment<VolumeReport> assess(ClaimSlot slot, AssessmentContext context) {
        Kubectl kubectl = context.kubectl();
        PersistentVolumeClaim claim = slot.claim();
        if (claim == null) {
            Finding finding = missing(slot, context);
            return new PartAssessment<>(new VolumeReport(slot.podName(), slot.template(), finding.verdict(), null, null),
                    List.of(finding));
        }
        String claimName = slot.claimName();
        PersistentVolume volume = volumeName(claim) == null ? null
                : context.snapshot().volumesByName().get(volumeName(claim));
        Finding finding = MetadataReads.isTerminating(claim) ? terminating(slot, volume, kubectl) : switch (claim.getStatus() == null || claim.getStatus().getPhase() == null ? "Pending"
                : claim.getStatus().getPhase()) {
            case "Lost" -> Finding.of(Reason.ClaimLost, slot.object(),
                    "the claim lost its volume " + volumeName(claim) + "; the data is no longer reachable",
                    "find out what deleted the PV: " + Kubectl.clusterGet("pv " + volumeName(claim)) + "; "
                            + kubectl.describe("pvc", claimName));
            case "Bound" -> bound(claim, claimName, slot.object(), volume, context.snapshot(), kubectl);
            default -> pending(slot, context);
        };
        HealthStatus status = finding == null || finding.verdict() == null ? HealthStatus.Healthy : finding.verdict();
        VolumeReport report = new VolumeReport(slot.podName(), slot.template(), status, claimReport(claim),
                volumeReport(volume));
        return new PartAssessment<>(report, finding == null ? List.of() : List.of(finding));
    }

    /**
     * A deleted claim that stays while a pod uses it ({@code kubernetes.io/pvc-protection}): the app
     * runs on, but the claim and, by its volume's reclaim policy, the data go when the pod stops,
     * and the pod cannot start again on it. Said while there is still time to keep the data.
     */
    private static Finding terminating(ClaimSlot slot, PersistentVolume volume, Kubectl kubectl) {
        String pv = volume == null ? null : MetadataReads.name(volume);
        String policy = volume == null || volume.getSpec() == null ? null : volume.getSpec().getPersistentVolumeReclaimPolicy();
        String keep = pv != null && "Delete".equals(policy)
                ? "to keep the data, make its volume outlive the claim first: kubectl patch pv " + pv
                        + " -p '{\"spec\":{\"persistentVolumeReclaimPolicy\":\"Retain\"}}'; "
                : "";
        return Finding.of(Reason.ClaimTerminating, slot.object(), "PVC " + slot.claimName()
                + " was deleted and stays only while pod " + slot.podName() + " uses it: when the pod stops, the claim"
                + (pv == null ? "" : " and volume " + pv + (policy == null ? "" : " (reclaim policy " + policy + ")"))
                + " go, and the pod will not start again on it", keep + kubectl.describe("pvc", slot.claimName()))
                .since(Timestamps.parse(slot.claim().getMetadata().getDeletionTimestamp()));
    }

    private static Finding missing(ClaimSlot slot, AssessmentContext context) {
        String message = "pod " + slot.podName() + " has no PVC " + slot.claimName();
        String hint = context.kubectl().get("pvc " + slot.claimName()) + "; "
                + context.kubectl().describe("pod", slot.podName());
        Instant podCreated = MetadataReads.created(slot.pod());
        // The PVC informer may lag the pod informer for a moment; the controller creates the PVC first.
        return podCreated != null && !context.passed(podCreated.plus(context.settings().creationGrace()))
                ? Finding.withSeverityAndVerdict(Severity.Info, HealthStatus.Progressing, Reason.ClaimMissing,
                        slot.object(), message, hint)
                : Finding.of(Reason.ClaimMissing, slot.object(), message, hint);
    }

    private static Finding pending(ClaimSlot slot, AssessmentContext context) {
        Kubectl kubectl = context.kubectl();
        PersistentVolumeClaim claim = slot.claim();
        String claimName = slot.claimName();
        String object = slot.object();
        Instant created = MetadataReads.created(claim);
        Optional<Finding> noClass = storageClassProblem(claim, object, context.snapshot());
        if (noClass.isPresent()) {
            return noClass.get().since(created);
        }
        StorageClassInfo storageClass = storageClassOf(claim, context.snapshot());
        Event failed = context.events().newest(InvolvedObject.of("PersistentVolumeClaim", claim), PROVISIONING_FAILED);
        if (failed != null) {
            return Finding.of(Reason.ProvisioningFailed, object, failed.getMessage(),
                    "the provisioner of " + (storageClass == null ? "the class" : storageClass.name())
                            + " refuses the claim: " + kubectl.describe("pvc", claimName)).since(EventTimes.firstSeen(failed));
        }
        if (storageClass != null && storageClass.waitsForFirstConsumer() && PodReads.nodeName(slot.pod()) == null) {
            // Not a failure: the volume is created where the scheduler places the pod.
            return Finding.of(Reason.WaitingForFirstConsumer, object,
                    "StorageClass " + storageClass.name() + " provisions the volume once the pod is scheduled",
                    "if the pod stays Pending, look at it: " + kubectl.describe("pod", slot.podName())).since(created);
        }
        Instant deadline = created == null ? null : created.plus(context.settings().pendingDeadline());
        if (deadline != null && context.passed(deadline)) {
            return Finding.of(Reason.ClaimPendingTooLong, object, "the claim has been Pending since " + created,
                    kubectl.describe("pvc", claimName) + "; " + Kubectl.clusterGet("pv")).since(deadline);
        }
        return Finding.of(Reason.ClaimPending, object, "the claim is waiting for its volume",
                kubectl.describe("pvc", claimName)).since(created);
    }

    /** The claim names a class that does not exist, or none while the cluster has no default. */
    private static Optional<Finding> storageClassProblem(PersistentVolumeClaim claim, String object,
            ClusterSnapshot snapshot) {
        String className = claim.getSpec() == null ? null : claim.getSpec().getStorageClassName();
        if (className == null && snapshot.defaultStorageClass() == null) {
            return Optional.of(Finding.of(Reason.StorageClassNotFound, object,
                    "the claim names no StorageClass and the cluster has no default one",
                    "set volumes[].storageClassName to one of: " + Kubectl.clusterGet("storageclass")));
        }
        if (className != null && !className.isEmpty() && !snapshot.storageClasses().containsKey(className)) {
            return Optional.of(Finding.of(Reason.StorageClassNotFound, object,
                    "StorageClass " + className + " does not exist",
                    "pick an existing class (" + Kubectl.clusterGet("storageclass") + ") or create " + className));
        }
        return Optional.empty();
    }

    /** The claim's class, the default one when it names none; {@code null} for "" (a pre-provisioned PV) or none. */
    private static StorageClassInfo storageClassOf(PersistentVolumeClaim claim, ClusterSnapshot snapshot) {
        String className = claim.getSpec() == null ? null : claim.getSpec().getStorageClassName();
        return className == null ? snapshot.defaultStorageClass() : snapshot.storageClasses().get(className);
    }

    private static Finding bound(PersistentVolumeClaim claim, String claimName, String object, PersistentVolume volume,
            ClusterSnapshot snapshot, Kubectl kubectl) {
        String pvName = volumeName(claim);
        if (volume == null) {
            return Finding.of(Reason.VolumeMissing, "PersistentVolume/" + pvName,
                    "PVC " + claimName + " is bound to PV " + pvName + ", which does not exist",
                    Kubectl.clusterGet("pv " + pvName) + "; " + kubectl.describe("pvc", claimName));
        }
        String pvPhase = volume.getStatus() == null ? null : volume.getStatus().getPhase();
        if ("Released".equals(pvPhase)) {
            return Finding.of(Reason.VolumeReleased, "PersistentVolume/" + pvName,
                    "PV " + pvName + " is Released: the claim it belonged to was deleted",
                    "to reuse its data, clear spec.claimRef: kubectl describe pv " + pvName);
        }
        if ("Failed".equals(pvPhase)) {
            String why = volume.getStatus().getMessage() == null ? "" : ": " + volume.getStatus().getMessage();
            return Finding.of(Reason.VolumeFailed, "PersistentVolume/" + pvName, "PV " + pvName + " failed" + why,
                    "kubectl describe pv " + pvName);
        }
        BigDecimal requested = StorageSizes.bytes(StorageSizes.storage(claim.getSpec() == null || claim.getSpec().getResources() == null
                ? null : claim.getSpec().getResources().getRequests()));
        BigDecimal capacity = StorageSizes.bytes(StorageSizes.storage(claim.getStatus().getCapacity()));
        if (requested == null || capacity == null || capacity.compareTo(requested) >= 0) {
            return null;
        }
        String sizes = "capacity " + StorageSizes.text(StorageSizes.storage(claim.getStatus().getCapacity())) + " is below the requested "
                + StorageSizes.text(StorageSizes.storage(claim.getSpec().getResources().getRequests()));
        String resizeStatus = claim.getStatus().getAllocatedResourceStatuses() == null ? null
                : claim.getStatus().getAllocatedResourceStatuses().get(StorageSizes.STORAGE);
        boolean infeasible = resizeStatus != null && resizeStatus.endsWith("Infeasible");
        StorageClassInfo storageClass = storageClassOf(claim, snapshot);
        boolean expandable = storageClass != null && storageClass.allowVolumeExpansion();
        // On an expandable class the resizer acts on a larger request by itself; until it sets its
        // conditions (a moment after the request grew) the claim is waiting, not failing.
        if (!infeasible && (resizing(claim, requested) || expandable)) {
            return Finding.of(Reason.ResizePending, object, sizes + "; a resize is under way",
                    "a file system resize finishes when the pod restarts or the node expands it: "
                            + kubectl.describe("pvc", claimName));
        }
        String hint = storageClass != null && !storageClass.allowVolumeExpansion()
                ? "StorageClass " + storageClass.name() + " does not allow volume expansion; " + kubectl.describe("pvc", claimName)
                : kubectl.describe("pvc", claimName);
        return Finding.of(Reason.CapacityBelowRequest, object, sizes + (infeasible ? " (" + resizeStatus + ")" : ""),
                hint);
    }

    /** A resize is pending when a resize condition is set or the controller has already allocated the new size. */
    private static boolean resizing(PersistentVolumeClaim claim, BigDecimal requested) {
        if (claim.getStatus().getConditions() != null) {
            for (PersistentVolumeClaimCondition c : claim.getStatus().getConditions()) {
                if (("Resizing".equals(c.getType()) || "FileSystemResizePending".equals(c.getType()))
                        && "True".equals(c.getStatus())) {
                    return true;
                }
            }
        }
        BigDecimal allocated = StorageSizes.bytes(StorageSizes.storage(claim.getStatus().getAllocatedResources()));
        if (allocated != null && allocated.compareTo(requested) >= 0) {
            return true;
        }
        String resizeStatus = claim.getStatus().getAllocatedResourceStatuses() == null ? null
                : claim.getStatus().getAllocatedResourceStatuses().get(StorageSizes.STORAGE);
        return resizeStatus != null && (resizeStatus.endsWith("InProgress") || resizeStatus.endsWith("Pending"));
    }

    private static String volumeName(PersistentVolumeClaim claim) {
        return claim.getSpec() == null ? null : claim.getSpec().getVolumeName();
    }

    private static ClaimReport claimReport(PersistentVolumeClaim claim) {
        var spec = claim.getSpec();
        var status = claim.getStatus();
        return new ClaimReport(MetadataReads.name(claim), status == null ? null : status.getPhase(),
                status == null ? null : StorageSizes.text(StorageSizes.storage(status.getCapacity())),
                spec == null || spec.getResources() == null ? null : StorageSizes.text(StorageSizes.storage(spec.getResources().getRequests())),
                spec == null ? null : spec.getStorageClassName(),
                spec == null ? null : spec.getAccessModes(), spec == null ? null : spec.getVolumeName());
    }

    private static PersistentVolumeReport volumeReport(PersistentVolume volume) {
        if (volume == null) {
            return null;
        }
        var spec = volume.getSpec();
        return new PersistentVolumeReport(MetadataReads.name(volume), volume.getStatus() == null ? null : volume.getStatus().getPhase(),
                spec == null ? null : StorageSizes.text(StorageSizes.storage(spec.getCapacity())),
                spec == null ? null : spec.getPersistentVolumeReclaimPolicy(),
                spec == null ? null : spec.getStorageClassName());
    }
}
