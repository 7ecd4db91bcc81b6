package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClass;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the PV controller and a CSI provisioner: claims of an existing class get a PV
 * {@code pvc-<claim uid>} after provisionDelay (WaitForFirstConsumer ones once the scheduler has
 * picked a node), both sides marked Bound; an unknown class gives {@code ProvisioningFailed}.
 * Growing a claim on an expandable class goes through {@code FileSystemResizePending} (see
 * {@link VolumeResizer}); what happens to a released volume is {@link VolumeReclaimer}'s.
 */
final class VolumeProvisioner extends KindController<PersistentVolumeClaim> {

    private static final EventRecorder.Source PV_CONTROLLER = EventRecorder.Source.of("persistentvolume-controller");

    /** What the provisioner remembers of a claim it has seen: since when, and what it has done. */
    private record Seen(String uid, Instant since, boolean reported, boolean provisioned) {
    }

    private final VolumeResizer resizer;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    VolumeProvisioner(ControllerContext context) {
        super(context, context.informers().claims);
        this.resizer = new VolumeResizer(context);
        lookAtEveryChange();
        informers.onChange(informers.storageClasses, (before, after) -> cached().stream()
                .filter(c -> c.getStatus() == null || !"Bound".equals(c.getStatus().getPhase()))
                .forEach(c -> queue().add(ClusterInformers.keyOf(c))));
    }

    @Override
    Instant reconcile(String key, PersistentVolumeClaim claim) {
        Seen known = seen.get(key);
        if (claim == null || known != null && !known.uid().equals(claim.getMetadata().getUid())) {
            seen.remove(key);
            resizer.forget(key);
        }
        if (claim == null || ObjectLifecycle.isTerminating(claim)) {
            return null;
        }
        String phase = claim.getStatus() == null ? null : claim.getStatus().getPhase();
        if ("Bound".equals(phase)) {
            return resizer.reconcile(key, claim);
        }
        return phase == null || "Pending".equals(phase) ? provision(key, claim) : null;
    }

    private Instant provision(String key, PersistentVolumeClaim claim) {
        Instant now = clock.instant();
        Seen known = seen.computeIfAbsent(key, k -> new Seen(claim.getMetadata().getUid(), now, false, false));
        String className = claim.getSpec().getStorageClassName();
        if ("".equals(className)) {
            return null; // static binding only; nothing to provision
        }
        Optional<StorageClass> sc = StorageClasses.of(informers, claim);
        if (sc.isEmpty()) {
            if (className != null && !known.reported()) {
                events.record(claim, EventRecorder.WARNING, "ProvisioningFailed", "storageclass.storage.k8s.io \""
                        + className + "\" not found", PV_CONTROLLER);
                seen.put(key, new Seen(known.uid(), known.since(), true, known.provisioned()));
            }
            return null; // the class's creation brings the claim back
        }
        String node = claim.getMetadata().getAnnotations().get(Scheduler.SELECTED_NODE);
        if ("WaitForFirstConsumer".equals(sc.get().getVolumeBindingMode()) && node == null) {
            if (!known.reported()) {
                events.record(claim, EventRecorder.NORMAL, "WaitForFirstConsumer",
                        "waiting for first consumer to be created before binding", PV_CONTROLLER);
                seen.put(key, new Seen(known.uid(), known.since(), true, known.provisioned()));
            }
            return null; // the scheduler's choice of a node brings it back
        }
        Instant due = known.since().plus(settings.provisionDelay());
        if (now.isBefore(due)) {
            return due;
        }
        bind(key, claim, sc.get(), node);
        return null;
    }

    private void bind(String key, PersistentVolumeClaim claim, StorageClass sc, String node) {
        String pvName = "pvc-" + claim.getMetadata().getUid();
        Quantity size = claim.getSpec().getResources().getRequests().get("storage");
        Seen known = seen.get(key);
        if (informers.get(informers.volumes, null, pvName).isEmpty() && !known.provisioned()) {
            ClusterWriter.Written<PersistentVolume> pv = writer.create(VolumeFactory.newVolume(claim, sc, pvName, size,
                    node));
            if (!pv.ok()) {
                return;
            }
            seen.put(key, new Seen(known.uid(), known.since(), known.reported(), true));
            events.record(claim, EventRecorder.NORMAL, "ProvisioningSucceeded", "Successfully provisioned volume "
                    + pvName, EventRecorder.Source.of(sc.getProvisioner()));
            writer.updateStatus(new PersistentVolumeBuilder(pv.object()).withNewStatus().withPhase("Bound").endStatus()
                    .build());
        }
        String annotations = "\"annotations\":{\"pv.kubernetes.io/bind-completed\":\"yes\","
                + "\"pv.kubernetes.io/bound-by-controller\":\"yes\","
                + "\"volume.beta.kubernetes.io/storage-provisioner\":\"" + sc.getProvisioner() + "\","
                + "\"volume.kubernetes.io/storage-provisioner\":\"" + sc.getProvisioner() + "\"}";
        PersistentVolumeClaim base = claim;
        if (claim.getSpec().getVolumeName() == null || !claim.getMetadata().getAnnotations()
                .containsKey("pv.kubernetes.io/bind-completed")) {
            ClusterWriter.Written<PersistentVolumeClaim> patched = writer.mergePatch(claim, "{\"metadata\":{"
                    + annotations + "},\"spec\":{\"volumeName\":\"" + pvName + "\"}}");
            if (!patched.ok() && patched.error().getCode() == 422) {
                // an API server that refuses volumeName here still gets the rest of the binding
                patched = writer.mergePatch(claim, "{\"metadata\":{" + annotations + "}}");
            }
            if (!patched.ok()) {
                return;
            }
            base = patched.object();
        }
        writer.updateStatus(new PersistentVolumeClaimBuilder(base).withNewStatus().withPhase("Bound")
                .withAccessModes(claim.getSpec().getAccessModes()).addToCapacity("storage", size).endStatus().build());
    }
}
