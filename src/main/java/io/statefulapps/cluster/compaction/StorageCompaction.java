package io.statefulapps.cluster.compaction;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeStatus;
import io.fabric8.kubernetes.api.model.VolumeResourceRequirements;

/**
 * Claims (also a StatefulSet's claim templates) kept whole and compacted; volumes without their
 * volume source and node affinity (driver details nothing here reads), compacted.
 */
final class StorageCompaction {

    private final ValueCompaction values;

    StorageCompaction(ValueCompaction values) {
        this.values = values;
    }

    void claim(PersistentVolumeClaim claim) {
        values.meta(claim.getMetadata());
        claimSpec(claim.getSpec());
        claimStatus(claim.getStatus());
        claim.setApiVersion(values.text(claim.getApiVersion()));
        claim.setKind(values.text(claim.getKind()));
        claim.setAdditionalProperties(values.extras(claim.getAdditionalProperties()));
    }

    private void claimSpec(PersistentVolumeClaimSpec spec) {
        if (spec == null) {
            return;
        }
        spec.setAccessModes(values.texts(spec.getAccessModes()));
        resources(spec.getResources());
        values.labelSelector(spec.getSelector());
        spec.setStorageClassName(values.text(spec.getStorageClassName()));
        spec.setVolumeMode(values.text(spec.getVolumeMode()));
        spec.setVolumeName(values.text(spec.getVolumeName()));
        spec.setAdditionalProperties(values.extras(spec.getAdditionalProperties()));
    }

    private void resources(VolumeResourceRequirements resources) {
        if (resources == null) {
            return;
        }
        resources.setLimits(values.quantities(resources.getLimits()));
        resources.setRequests(values.quantities(resources.getRequests()));
        resources.setAdditionalProperties(values.extras(resources.getAdditionalProperties()));
    }

    private void claimStatus(PersistentVolumeClaimStatus status) {
        if (status == null) {
            return;
        }
        status.setAccessModes(values.texts(status.getAccessModes()));
        status.setAllocatedResourceStatuses(values.labels(status.getAllocatedResourceStatuses()));
        status.setAllocatedResources(values.quantities(status.getAllocatedResources()));
        status.setCapacity(values.quantities(status.getCapacity()));
        status.setConditions(values.list(status.getConditions(), condition -> {
            condition.setType(values.text(condition.getType()));
            condition.setStatus(values.text(condition.getStatus()));
            condition.setAdditionalProperties(values.extras(condition.getAdditionalProperties()));
        }));
        status.setPhase(values.text(status.getPhase()));
        status.setAdditionalProperties(values.extras(status.getAdditionalProperties()));
    }

    void volume(PersistentVolume volume) {
        values.metaWithoutUid(volume.getMetadata());
        PersistentVolumeSpec spec = volume.getSpec();
        if (spec != null) {
            volume.setSpec(keptSpec(spec));
        }
        PersistentVolumeStatus status = volume.getStatus();
        if (status != null) {
            status.setPhase(values.text(status.getPhase()));
            status.setReason(values.text(status.getReason()));
            status.setMessage(values.text(status.getMessage()));
            status.setLastPhaseTransitionTime(values.text(status.getLastPhaseTransitionTime()));
            status.setAdditionalProperties(values.extras(status.getAdditionalProperties()));
        }
        volume.setApiVersion(values.text(volume.getApiVersion()));
        volume.setKind(values.text(volume.getKind()));
        volume.setAdditionalProperties(values.extras(volume.getAdditionalProperties()));
    }

    private PersistentVolumeSpec keptSpec(PersistentVolumeSpec spec) {
        PersistentVolumeSpec kept = new PersistentVolumeSpec();
        kept.setAccessModes(values.texts(spec.getAccessModes()));
        kept.setCapacity(values.quantities(spec.getCapacity()));
        values.objectReference(spec.getClaimRef());
        kept.setClaimRef(spec.getClaimRef());
        kept.setMountOptions(values.texts(spec.getMountOptions()));
        kept.setPersistentVolumeReclaimPolicy(values.text(spec.getPersistentVolumeReclaimPolicy()));
        kept.setStorageClassName(values.text(spec.getStorageClassName()));
        kept.setVolumeAttributesClassName(values.text(spec.getVolumeAttributesClassName()));
        kept.setVolumeMode(values.text(spec.getVolumeMode()));
        kept.setAdditionalProperties(values.extras(spec.getAdditionalProperties()));
        return kept;
    }
}
