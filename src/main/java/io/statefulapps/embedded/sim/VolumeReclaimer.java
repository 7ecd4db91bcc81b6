package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;

import java.time.Instant;
import java.util.Optional;

/**
 * The PV controller's reclaiming: when a bound volume's claim is really gone (not merely marked for
 * deletion: {@link ClaimProtection} holds it while a pod uses it) the volume becomes
 * {@code Released}; reclaim policy Delete then deletes it, Retain leaves it so. Released first, as
 * the real controller does, is also what lets {@link VolumeProtection} free a deleted volume. A
 * volume is looked at when it or a claim changes.
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
        if (pv == null || pv.getSpec().getClaimRef() == null) {
            return null;
        }
        String phase = pv.getStatus() == null ? null : pv.getStatus().getPhase();
        boolean bound = "Bound".equals(phase);
        if (!bound && !"Released".equals(phase) || claimExists(pv)) {
            return null;
        }
        PersistentVolume released = pv;
        if (bound) {
            ClusterWriter.Written<PersistentVolume> written = writer.updateStatus(new PersistentVolumeBuilder(pv)
                    .editStatus().withPhase("Released").endStatus().build());
            if (!written.ok()) {
                return null;
            }
            released = written.object();
        }
        if ("Delete".equals(pv.getSpec().getPersistentVolumeReclaimPolicy())
                && !ObjectLifecycle.isTerminating(released)) {
            writer.delete(released, null);
        }
        return null;
    }

    /** Whether the volume's claim is still there (one of the same name but another uid is not it). */
    private boolean claimExists(PersistentVolume pv) {
        var ref = pv.getSpec().getClaimRef();
        Optional<PersistentVolumeClaim> claim = informers.get(informers.claims, ref.getNamespace(), ref.getName());
        return claim.isPresent() && claim.get().getMetadata().getUid().equals(ref.getUid());
    }
}
