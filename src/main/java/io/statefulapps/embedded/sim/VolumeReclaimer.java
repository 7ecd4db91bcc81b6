package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The PV controller's reclaiming: when a bound volume's claim is gone, reclaim policy Delete removes
 * the volume, Retain leaves it {@code Released}. A volume is looked at when it or a claim changes.
 */
final class VolumeReclaimer implements Controller {

    private final ClusterInformers informers;
    private final ClusterWriter writer;
    private final WorkQueue queue = new WorkQueue();

    VolumeReclaimer(ControllerContext context) {
        this.informers = context.informers();
        this.writer = context.writer();
        informers.onChange(informers.volumes, (before, after) -> queue.add((after != null ? after : before)
                .getMetadata().getName()));
        informers.onChange(informers.claims, (before, after) -> {
            if (after == null) {
                queue.add("pvc-" + before.getMetadata().getUid());
                String bound = before.getSpec().getVolumeName();
                if (bound != null && !bound.isEmpty()) {
                    queue.add(bound);
                }
            }
        });
    }

    @Override
    public WorkQueue queue() {
        return queue;
    }

    @Override
    public Collection<String> allKeys() {
        return informers.volumes.getIndexer().listKeys();
    }

    @Override
    public Instant reconcile(String name) {
        PersistentVolume pv = informers.get(informers.volumes, null, name).orElse(null);
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
