package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.statefulapps.spec.VolumeSpec;
import java.util.List;
import java.util.Objects;

/** The spec's volumes: each claim template joined, by name, with the container's mount of it. */
final class VolumeReader {

    private VolumeReader() {
    }

    static List<VolumeSpec> volumes(List<PersistentVolumeClaim> templates, List<VolumeMount> mounts) {
        if (templates == null) {
            return null;
        }
        return templates.stream().map(template -> volume(template, mounts)).toList();
    }

    private static VolumeSpec volume(PersistentVolumeClaim template, List<VolumeMount> mounts) {
        String name = template.getMetadata().getName();
        PersistentVolumeClaimSpec claim = template.getSpec();
        VolumeMount mount = mounts == null ? null : mounts.stream()
                .filter(candidate -> Objects.equals(name, candidate.getName()))
                .findFirst()
                .orElse(null);
        Quantity size = claim.getResources() == null || claim.getResources().getRequests() == null
                ? null
                : claim.getResources().getRequests().get(VolumeClaimTemplateRenderer.STORAGE);
        return new VolumeSpec(
                name,
                mount == null ? null : mount.getMountPath(),
                size == null ? null : size.toString(),
                claim.getStorageClassName(),
                claim.getAccessModes(),
                claim.getVolumeMode(),
                mount == null ? null : mount.getSubPath(),
                mount == null ? null : mount.getReadOnly());
    }
}
