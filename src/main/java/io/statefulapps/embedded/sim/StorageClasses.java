package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.statefulapps.kubernetes.WellKnownLabels;

import java.util.Optional;

/**
 * Which StorageClass a claim gets, as the API server and the PV controller decide it, and the
 * classes with a meaning of their own in the simulated cluster.
 */
final class StorageClasses {

    /**
     * A class whose volumes provision and bind but never mount: the pod that uses one stays
     * ContainerCreating with the kubelet's {@code FailedMount} events.
     */
    static final String MOUNT_FAIL = "mountfail";

    /** The provisioner the simulated classes name (as the API server's seed does). */
    static final String PROVISIONER = "statefulapps.io/simulated";

    private StorageClasses() {
    }

    /**
     * The StorageClass {@code mountfail}, for a cluster whose seed lacks it: Immediate binding,
     * reclaim Delete, no expansion; its volumes provision and bind like any other.
     */
    static StorageClass mountFail() {
        return new StorageClassBuilder().withNewMetadata().withName(MOUNT_FAIL).endMetadata()
                .withProvisioner(PROVISIONER).withVolumeBindingMode("Immediate").withReclaimPolicy("Delete")
                .withAllowVolumeExpansion(false).build();
    }

    /** The claim's class: the one it names, or the default class when it names none; empty if unknown. */
    static Optional<StorageClass> of(ClusterInformers informers, PersistentVolumeClaim claim) {
        String name = claim.getSpec().getStorageClassName();
        return name == null ? defaultClass(informers) : informers.get(informers.storageClasses, null, name);
    }

    static Optional<StorageClass> defaultClass(ClusterInformers informers) {
        return informers.storageClasses.getStore().list().stream()
                .filter(sc -> "true".equals(sc.getMetadata().getAnnotations()
                        .get(WellKnownLabels.DEFAULT_STORAGE_CLASS)))
                .findFirst();
    }
}
