package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Online expansion as the external resizer and the kubelet do it: the PV grows, the claim shows
 * {@code FileSystemResizePending} for provisionDelay, then its status capacity catches up.
 */
final class VolumeResizer {

    private final KubernetesClient client;
    private final ClusterInformers informers;
    private final ClusterWriter writer;
    private final EventRecorder events;
    private final Clock clock;
    private final SimulatorSettings settings;
    private final Map<String, Instant> pendingSince = new HashMap<>();
    private final Map<String, Quantity> completed = new HashMap<>();

    VolumeResizer(ControllerContext context) {
        this.client = context.client();
        this.informers = context.informers();
        this.writer = context.writer();
        this.events = context.events();
        this.clock = context.clock();
        this.settings = context.settings();
    }

    void reconcile(PersistentVolumeClaim claim) {
        Quantity wanted = claim.getSpec().getResources().getRequests().get("storage");
        Quantity has = claim.getStatus().getCapacity().get("storage");
        String volume = claim.getSpec().getVolumeName() != null ? claim.getSpec().getVolumeName()
                : "pvc-" + claim.getMetadata().getUid();
        String uid = claim.getMetadata().getUid();
        if (wanted == null || has == null || wanted.getNumericalAmount().compareTo(has.getNumericalAmount()) <= 0) {
            pendingSince.remove(uid);
            completed.remove(uid);
            return;
        }
        if (wanted.equals(completed.get(uid))) {
            return; // done; our cache has not seen the new capacity yet
        }
        String className = claim.getSpec().getStorageClassName();
        boolean expandable = className != null && ClusterInformers.get(informers.storageClasses, null, className)
                .map(sc -> Boolean.TRUE.equals(sc.getAllowVolumeExpansion())).orElse(false);
        if (!expandable) {
            return; // the API server refuses the growth on a real cluster; nothing to do here
        }
        Instant now = clock.instant();
        if (!pendingSince.containsKey(uid)) {
            pendingSince.put(uid, now);
            events.record(claim, EventRecorder.NORMAL, "ExternalExpanding", "waiting for an external controller to expand"
                    + " this PVC", "volume_expand", null);
            writer.attempt(() -> client.persistentVolumes().withName(volume).edit(pv -> new PersistentVolumeBuilder(pv)
                    .editSpec().addToCapacity("storage", wanted).endSpec().build()));
            writer.attempt(() -> client.resource(new PersistentVolumeClaimBuilder(claim).editStatus()
                    .addToAllocatedResources("storage", wanted)
                    .withConditions(new PersistentVolumeClaimConditionBuilder().withType("FileSystemResizePending")
                            .withStatus("True").withLastTransitionTime(TimeFormats.rfc3339(now))
                            .withMessage("Waiting for user to (re-)start a pod to finish file system resize of volume on node.")
                            .build())
                    .endStatus().build()).updateStatus());
        } else if (!now.isBefore(pendingSince.get(uid).plus(settings.provisionDelay()))) {
            writer.attempt(() -> client.resource(new PersistentVolumeClaimBuilder(claim).editStatus()
                    .addToCapacity("storage", wanted).withConditions().endStatus().build()).updateStatus());
            events.record(claim, EventRecorder.NORMAL, "FileSystemResizeSuccessful", "MountVolume.NodeExpandVolume"
                    + " succeeded for volume \"" + volume + "\"", "kubelet", null);
            pendingSince.remove(uid);
            completed.put(uid, wanted);
        }
    }
}
