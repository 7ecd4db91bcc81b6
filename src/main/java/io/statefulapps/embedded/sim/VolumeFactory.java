package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClass;

/**
 * The PersistentVolume a CSI provisioner creates for a claim; with {@code kubernetes.io/pv-protection}
 * from its first version, as the real API server's admission gives it.
 */
final class VolumeFactory {

    private VolumeFactory() {
    }

    static PersistentVolume newVolume(PersistentVolumeClaim claim, StorageClass sc, String name, Quantity size,
            String node) {
        String reclaim = sc.getReclaimPolicy() == null ? "Delete" : sc.getReclaimPolicy();
        PersistentVolumeBuilder pv = new PersistentVolumeBuilder().withNewMetadata().withName(name)
                .addToAnnotations("pv.kubernetes.io/provisioned-by", sc.getProvisioner())
                .addToAnnotations("volume.kubernetes.io/provisioner-deletion-secret-name", "")
                .addToAnnotations("volume.kubernetes.io/provisioner-deletion-secret-namespace", "")
                .addToFinalizers(VolumeProtection.FINALIZER)
                .endMetadata()
                .withNewSpec().addToCapacity("storage", size).withAccessModes(claim.getSpec().getAccessModes())
                .withVolumeMode(claim.getSpec().getVolumeMode() == null ? "Filesystem" : claim.getSpec()
                        .getVolumeMode())
                .withStorageClassName(sc.getMetadata().getName()).withPersistentVolumeReclaimPolicy(reclaim)
                .withNewClaimRef().withApiVersion("v1").withKind("PersistentVolumeClaim")
                .withNamespace(claim.getMetadata().getNamespace()).withName(claim.getMetadata().getName())
                .withUid(claim.getMetadata().getUid()).withResourceVersion(claim.getMetadata().getResourceVersion())
                        .endClaimRef()
                .withNewCsi().withDriver(sc.getProvisioner()).withVolumeHandle(name).withFsType("ext4")
                .addToVolumeAttributes("storage.kubernetes.io/csiProvisionerIdentity", "1700000000000-0-"
                        + sc.getProvisioner())
                .endCsi().endSpec();
        if (node != null) {
            pv.editSpec().withNewNodeAffinity().withNewRequired().addNewNodeSelectorTerm().addNewMatchExpression()
                    .withKey("kubernetes.io/hostname").withOperator("In").withValues(node).endMatchExpression()
                    .endNodeSelectorTerm().endRequired().endNodeAffinity().endSpec();
        }
        return pv.build();
    }
}
