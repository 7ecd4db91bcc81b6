package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.statefulapps.spec.AppSpec;
import io.statefulapps.spec.VolumeSpec;
import java.util.List;

/** The volumeClaimTemplates: every pod gets its own claim of each, named {@code <volume>-<pod>}. */
final class VolumeClaimTemplateRenderer {

    static final String STORAGE = "storage";

    private VolumeClaimTemplateRenderer() {
    }

    /**
     * The claim templates carry only the managed labels, never the spec's extra labels: the
     * templates are immutable once the StatefulSet exists, and the extra labels may be patched.
     * The managed labels let health checks and {@code deleteData} find the claims.
     */
    static List<PersistentVolumeClaim> render(String namespace, AppSpec spec) {
        if (spec.volumes() == null) {
            return List.of();
        }
        return spec.volumes().stream().map(volume -> template(namespace, spec.name(), volume)).toList();
    }

    private static PersistentVolumeClaim template(String namespace, String appName, VolumeSpec volume) {
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName(volume.name())
                .withNamespace(namespace)
                .withLabels(ManagedLabels.of(appName))
                .endMetadata()
                .withNewSpec()
                .withAccessModes(volume.accessModes())
                .withStorageClassName(volume.storageClassName())
                .withVolumeMode(volume.volumeMode())
                .withNewResources()
                .addToRequests(STORAGE, new Quantity(volume.size()))
                .endResources()
                .endSpec()
                .build();
    }
}
