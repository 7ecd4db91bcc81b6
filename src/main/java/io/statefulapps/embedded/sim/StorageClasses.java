package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
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

    private StorageClasses() {
    }

    /** The claim's class: the one it names, or the default class when it names none; empty if unknown. */
    static Optional<StorageClass> of(ClusterInformers informers, PersistentVolumeClaim claim) {
        String name = claim.getSpec().getStorageClassName();
        return name == null ? defaultClass(informers) : informers.get(informers.storageClasses, null, name);
    }

    static Optional<StorageClass> defaultClass(ClusterInformers informers) {
        return informers.storageClasses.getStore().list().stream()
                .filter(sc -> "true".equals(sc.getMetadata().getAnnotations().get(WellKnownLabels.DEFAULT_STORAGE_CLASS)))
                .findFirst();
    }
}
