package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.statefulapps.kubernetes.WellKnownLabels;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plays the PV controller and a CSI provisioner: claims of an existing class get a PV
 * {@code pvc-<claim uid>} after provisionDelay (WaitForFirstConsumer ones once the scheduler has
 * picked a node), both sides marked Bound; an unknown class gives {@code ProvisioningFailed}.
 * Released claims: reclaim Delete removes the PV, Retain leaves it {@code Released}. Growing a
 * claim on an expandable class goes through {@code FileSystemResizePending} (see {@link VolumeResizer}).
 */
final class VolumeProvisioner implements Controller {

    private static final String PV_CONTROLLER = "persistentvolume-controller";

    private final KubernetesClient client;
    private final ClusterInformers informers;
    private final ClusterWriter writer;
    private final EventRecorder events;
    private final Clock clock;
    private final SimulatorSettings settings;
    private final VolumeResizer resizer;
    private final Map<String, Instant> firstSeen = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private final Set<String> provisioned = new HashSet<>();

    VolumeProvisioner(ControllerContext context) {
        this.client = context.client();
        this.informers = context.informers();
        this.writer = context.writer();
        this.events = context.events();
        this.clock = context.clock();
        this.settings = context.settings();
        this.resizer = new VolumeResizer(context);
    }

    static Optional<StorageClass> defaultClass(ClusterInformers informers) {
        return informers.storageClasses.getStore().list().stream()
                .filter(sc -> "true".equals(sc.getMetadata().getAnnotations().get(WellKnownLabels.DEFAULT_STORAGE_CLASS))).findFirst();
    }

    @Override
    public void reconcile() {
        Instant now = clock.instant();
        Set<String> live = new HashSet<>();
        for (PersistentVolumeClaim claim : informers.claims.getStore().list()) {
            live.add(claim.getMetadata().getUid());
            String phase = claim.getStatus() == null ? null : claim.getStatus().getPhase();
            if (ObjectLifecycle.isTerminating(claim)) {
                continue;
            }
            if ("Bound".equals(phase)) {
                resizer.reconcile(claim);
            } else if (phase == null || "Pending".equals(phase)) {
                provision(claim, now);
            }
        }
        firstSeen.keySet().retainAll(live);
        reported.retainAll(live);
        provisioned.retainAll(live);
        for (PersistentVolume pv : informers.volumes.getStore().list()) {
            reclaim(pv);
        }
    }

    private void provision(PersistentVolumeClaim claim, Instant now) {
        String uid = claim.getMetadata().getUid();
        String className = claim.getSpec().getStorageClassName();
        if ("".equals(className)) {
            return; // static binding only; nothing to provision
        }
        Optional<StorageClass> sc = className == null ? defaultClass(informers)
                : ClusterInformers.get(informers.storageClasses, null, className);
        if (sc.isEmpty()) {
            if (className != null && reported.add(uid)) {
                events.record(claim, EventRecorder.WARNING, "ProvisioningFailed", "storageclass.storage.k8s.io \""
                        + className + "\" not found", PV_CONTROLLER, null);
            }
            markPending(claim);
            return;
        }
        String node = claim.getMetadata().getAnnotations().get(Scheduler.SELECTED_NODE);
        if ("WaitForFirstConsumer".equals(sc.get().getVolumeBindingMode()) && node == null) {
            if (reported.add(uid)) {
                events.record(claim, EventRecorder.NORMAL, "WaitForFirstConsumer",
                        "waiting for first consumer to be created before binding", PV_CONTROLLER, null);
            }
            markPending(claim);
            return;
        }
        Instant seen = firstSeen.computeIfAbsent(uid, u -> now);
        if (now.isBefore(seen.plus(settings.provisionDelay()))) {
            markPending(claim);
            return;
        }
        bind(claim, sc.get(), node);
    }

    private void markPending(PersistentVolumeClaim claim) {
        if (claim.getStatus() == null || claim.getStatus().getPhase() == null) {
            PersistentVolumeClaim copy = new PersistentVolumeClaimBuilder(claim).withNewStatus().withPhase("Pending")
                    .endStatus().build();
            writer.attempt(() -> client.resource(copy).updateStatus());
        }
    }

    private void bind(PersistentVolumeClaim claim, StorageClass sc, String node) {
        String namespace = claim.getMetadata().getNamespace();
        String pvName = "pvc-" + claim.getMetadata().getUid();
        Quantity size = claim.getSpec().getResources().getRequests().get("storage");
        if (ClusterInformers.get(informers.volumes, null, pvName).isEmpty() && provisioned.add(claim.getMetadata().getUid())) {
            PersistentVolume pv = VolumeFactory.newVolume(claim, sc, pvName, size, node);
            writer.attempt(() -> client.persistentVolumes().resource(pv).create());
            events.record(claim, EventRecorder.NORMAL, "ProvisioningSucceeded", "Successfully provisioned volume "
                    + pvName, sc.getProvisioner(), null);
            writer.attempt(() -> client.persistentVolumes().withName(pvName).editStatus(p -> new PersistentVolumeBuilder(p)
                    .withNewStatus().withPhase("Bound").endStatus().build()));
        }
        String patch = "{\"metadata\":{\"annotations\":{\"pv.kubernetes.io/bind-completed\":\"yes\","
                + "\"pv.kubernetes.io/bound-by-controller\":\"yes\","
                + "\"volume.beta.kubernetes.io/storage-provisioner\":\"" + sc.getProvisioner() + "\","
                + "\"volume.kubernetes.io/storage-provisioner\":\"" + sc.getProvisioner() + "\"}}}";
        writer.attempt(() -> client.persistentVolumeClaims().inNamespace(namespace).withName(claim.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
        // the real API server lets the PV controller set an empty volumeName once; kept apart so a
        // stricter mock refusing it does not stop the binding
        String volumePatch = "{\"spec\":{\"volumeName\":\"" + pvName + "\"}}";
        writer.attempt(() -> client.persistentVolumeClaims().inNamespace(namespace).withName(claim.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON_MERGE), volumePatch));
        writer.attempt(() -> client.persistentVolumeClaims().inNamespace(namespace).withName(claim.getMetadata().getName())
                .editStatus(c -> new PersistentVolumeClaimBuilder(c).withNewStatus().withPhase("Bound")
                        .withAccessModes(claim.getSpec().getAccessModes()).addToCapacity("storage", size).endStatus().build()));
    }

    private void reclaim(PersistentVolume pv) {
        var ref = pv.getSpec().getClaimRef();
        String phase = pv.getStatus() == null ? null : pv.getStatus().getPhase();
        if (ref == null || !"Bound".equals(phase)) {
            return;
        }
        Optional<PersistentVolumeClaim> claim = ClusterInformers.get(informers.claims, ref.getNamespace(), ref.getName());
        if (claim.isPresent() && claim.get().getMetadata().getUid().equals(ref.getUid())) {
            return;
        }
        if ("Delete".equals(pv.getSpec().getPersistentVolumeReclaimPolicy())) {
            writer.attempt(() -> client.persistentVolumes().withName(pv.getMetadata().getName()).delete());
        } else {
            PersistentVolume copy = new PersistentVolumeBuilder(pv).editStatus().withPhase("Released").endStatus().build();
            writer.attempt(() -> client.resource(copy).updateStatus());
        }
    }
}
