package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;

import java.util.List;

/**
 * Plays kube-controller-manager's pv-protection controller: every volume carries
 * {@value #FINALIZER}, and a volume marked for deletion keeps it while its status is Bound; once
 * its claim is gone (Released, or reclaimed) it goes.
 */
final class VolumeProtection extends InUseProtection<PersistentVolume> {

    static final String FINALIZER = "kubernetes.io/pv-protection";

    VolumeProtection(ControllerContext context) {
        super(context, context.informers().volumes, FINALIZER);
    }

    @Override
    boolean inUse(PersistentVolume volume) {
        return volume.getStatus() != null && "Bound".equals(volume.getStatus().getPhase());
    }

    @Override
    PersistentVolume withFinalizers(PersistentVolume volume, List<String> finalizers) {
        return new PersistentVolumeBuilder(volume).editMetadata().withFinalizers(finalizers).endMetadata().build();
    }
}
