package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Online expansion as the external resizer and the kubelet do it: the PV grows, the claim shows
 * {@code FileSystemResizePending} for provisionDelay, then its status capacity catches up.
 */
final class VolumeResizer {

    /** The provisioner's: the resizer reads, writes and records as it does. */
    private final ControllerContext context;
    /** Resizes under way by claim key: since when, and to what size. */
    private final Map<String, Instant> pendingSince = new HashMap<>();
    private final Map<String, Quantity> completed = new HashMap<>();

    VolumeResizer(ControllerContext context) {
        this.context = context;
    }

    void forget(String key) {
        pendingSince.remove(key);
        completed.remove(key);
    }

    /** Moves a bound claim's resize on; returns when the pending one completes, if one is pending. */
    Instant reconcile(String key, PersistentVolumeClaim claim) {
        Quantity wanted = claim.getSpec().getResources().getRequests().get("storage");
        Quantity has = claim.getStatus().getCapacity().get("storage");
        String volume = claim.getSpec().getVolumeName() != null ? claim.getSpec().getVolumeName()
                : "pvc-" + claim.getMetadata().getUid();
        if (wanted == null || has == null || wanted.getNumericalAmount().compareTo(has.getNumericalAmount()) <= 0) {
            forget(key);
            return null;
        }
        if (wanted.equals(completed.get(key))) {
            return null; // done; our cache has not seen the new capacity yet
        }
        boolean expandable = StorageClasses.of(context.informers(), claim)
                .map(sc -> Boolean.TRUE.equals(sc.getAllowVolumeExpansion())).orElse(false);
        if (!expandable) {
            return null; // the API server refuses the growth on a real cluster; nothing to do here
        }
        Instant now = context.clock().instant();
        Duration delay = context.settings().provisionDelay();
        Instant since = pendingSince.get(key);
        if (since == null) {
            start(key, claim, volume, wanted, now);
            return now.plus(delay);
        }
        Instant due = since.plus(delay);
        if (now.isBefore(due)) {
            return due;
        }
        if (context.writer().updateStatus(new PersistentVolumeClaimBuilder(claim).editStatus()
                .addToCapacity("storage", wanted).withConditions().endStatus().build()).ok()) {
            context.events().record(claim, EventRecorder.NORMAL, "FileSystemResizeSuccessful",
                    "MountVolume.NodeExpandVolume succeeded for volume \"" + volume + "\"",
                    EventRecorder.Source.of("kubelet"));
            pendingSince.remove(key);
            completed.put(key, wanted);
        }
        return null;
    }

    private void start(String key, PersistentVolumeClaim claim, String volume, Quantity wanted, Instant now) {
        pendingSince.put(key, now);
        context.events().record(claim, EventRecorder.NORMAL, "ExternalExpanding",
                "waiting for an external controller to expand this PVC", EventRecorder.Source.of("volume_expand"));
        ClusterInformers informers = context.informers();
        ClusterWriter writer = context.writer();
        Optional<PersistentVolume> pv = informers.get(informers.volumes, null, volume);
        pv.ifPresent(v -> writer.update(new PersistentVolumeBuilder(v).editSpec().addToCapacity("storage", wanted)
                .endSpec().build()));
        writer.updateStatus(new PersistentVolumeClaimBuilder(claim).editStatus()
                .addToAllocatedResources("storage", wanted)
                .withConditions(new PersistentVolumeClaimConditionBuilder().withType("FileSystemResizePending")
                        .withStatus("True").withLastTransitionTime(TimeFormats.rfc3339(now))
                        .withMessage("Waiting for user to (re-)start a pod to finish file system resize of volume"
                                + " on node.")
                        .build())
                .endStatus().build());
    }
}
