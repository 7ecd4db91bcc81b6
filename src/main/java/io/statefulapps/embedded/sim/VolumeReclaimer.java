package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;

import java.time.Instant;
import java.util.Optional;

/**
 * The PV controller's reclaiming: when a bound volume's claim is gone, reclaim policy Delete removes
 * the volume, Retain leaves it {@code Released}. A volume is looked at when it or a claim changes.
 */
final class VolumeReclaimer extends KindController<PersistentVolume> {

    VolumeReclaimer(ControllerContext context) {
        super(context, context.informers().volumes);
        lookAtEveryChange();
        informers.onChange(informers.claims, (before, after) -> {
            if (after == null) {
                queue().add("pvc-" + before.getMetadata().getUid());
                String bound = before.getSpec().getVolumeName();
                if (bound != null && !bound.isEmpty()) {
                    queue().add(bound);
                }
            }
        });
    }

    @Override
    Instant reconcile(String name, PersistentVolume pv) {
        if (pv == null) {
            return null;
        }
        var ref = pv.getSpec().getClaimRef();
        String phase = pv.getStatus() == null ? null : pv.getStatus().getPhase();
        if (ref == null || !"Bound".equals(phase)) {
            return null;
        }
        Optional<PersistentVolumeClaim> claim = informers.get(informers.claims, ref.getNamespace(), ref.getName());
        if (claim.isPresent() && claim.get().getMetadata().getUid().equals(ref.getUid())) {
            return null;
        }
        if ("Delete".equals(pv.getSpec().getPersistentVolumeReclaimPolicy())) {
            writer.delete(pv, null);
        } else {
            writer.updateStatus(new PersistentVolumeBuilder(pv).editStatus().withPhase("Released").endStatus().build());
        }
        return null;
    }
}
