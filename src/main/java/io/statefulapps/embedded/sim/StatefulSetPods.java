package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.statefulapps.kubernetes.StatefulSetNaming;
import io.statefulapps.kubernetes.WellKnownLabels;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the StatefulSet controller stamps out: revision hashes, pods and their claims. */
final class StatefulSetPods {

    // the alphabet of k8s.io/apimachinery's rand.SafeEncodeString: no vowels, no look-alikes
    private static final String SAFE = "bcdfghjklmnpqrstvwxz2456789";

    private StatefulSetPods() {
    }

    /** A short hash of the pod template, spelled like the real controller's (e.g. "7c9f8d6b5d"). */
    static String templateHash(PodTemplateSpec template) {
        byte[] bytes = Serialization.asJson(template).getBytes(StandardCharsets.UTF_8);
        long h = 0xcbf29ce484222325L; // FNV-1a 64
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            out.append(SAFE.charAt((int) Long.remainderUnsigned(h, SAFE.length())));
            h = Long.divideUnsigned(h, SAFE.length());
        }
        return out.toString();
    }

    static String revisionName(StatefulSet sts, String hash) {
        return sts.getMetadata().getName() + "-" + hash;
    }

    /** The ordinal of a pod named {@code <sts>-<n>}, or -1 when the name is not one of the set's. */
    static int ordinal(StatefulSet sts, Pod pod) {
        return StatefulSetNaming.ordinalOf(pod.getMetadata().getName(), sts.getMetadata().getName()).orElse(-1);
    }

    static Pod newPod(StatefulSet sts, PodTemplateSpec template, String revision, int ordinal) {
        String name = StatefulSetNaming.podName(sts.getMetadata().getName(), ordinal);
        Map<String, String> labels = new LinkedHashMap<>(template.getMetadata() == null ? Map.of()
                : template.getMetadata().getLabels());
        labels.putAll(sts.getSpec().getSelector().getMatchLabels());
        labels.put(WellKnownLabels.CONTROLLER_REVISION_HASH, revision);
        labels.put(WellKnownLabels.POD_NAME, name);
        labels.put(WellKnownLabels.POD_INDEX, String.valueOf(ordinal));
        Map<String, String> annotations = template.getMetadata() == null ? Map.of()
                : template.getMetadata().getAnnotations();
        List<Volume> volumes = new ArrayList<>(template.getSpec().getVolumes());
        for (PersistentVolumeClaim claim : sts.getSpec().getVolumeClaimTemplates()) {
            String volume = claim.getMetadata().getName();
            volumes.removeIf(v -> v.getName().equals(volume));
            volumes.add(new VolumeBuilder().withName(volume).withNewPersistentVolumeClaim()
                    .withClaimName(StatefulSetNaming.claimName(volume, sts.getMetadata().getName(), ordinal))
                            .endPersistentVolumeClaim().build());
        }
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(sts.getMetadata().getNamespace())
                .withLabels(labels).withAnnotations(annotations.isEmpty() ? null : annotations)
                .withOwnerReferences(ControllerReferences.of(sts)).endMetadata()
                .withSpec(new PodBuilder().withSpec(template.getSpec()).build().getSpec())
                .editSpec().withHostname(name).withSubdomain(sts.getSpec().getServiceName()).withVolumes(volumes)
                        .endSpec()
                .build();
    }

    /** The claim for one template and ordinal; owned by the set only under whenDeleted=Delete. */
    static PersistentVolumeClaim newClaim(StatefulSet sts, PersistentVolumeClaim template, int ordinal) {
        Map<String, String> labels = new LinkedHashMap<>(template.getMetadata().getLabels());
        labels.putAll(sts.getSpec().getSelector().getMatchLabels());
        PersistentVolumeClaimBuilder claim = new PersistentVolumeClaimBuilder().withNewMetadata()
                .withName(StatefulSetNaming.claimName(template.getMetadata().getName(), sts.getMetadata()
                        .getName(), ordinal))
                .withNamespace(sts.getMetadata().getNamespace()).withLabels(labels)
                .withAnnotations(template.getMetadata().getAnnotations().isEmpty() ? null
                        : template.getMetadata().getAnnotations())
                .endMetadata().withSpec(template.getSpec());
        if ("Delete".equals(retention(sts, true))) {
            claim.editMetadata().withOwnerReferences(ControllerReferences.of(sts)).endMetadata();
        }
        return claim.build();
    }

    /** whenDeleted (or whenScaled) of the set's claim retention policy; Retain when unset. */
    static String retention(StatefulSet sts, boolean whenDeleted) {
        var policy = sts.getSpec().getPersistentVolumeClaimRetentionPolicy();
        String value = policy == null ? null : whenDeleted ? policy.getWhenDeleted() : policy.getWhenScaled();
        return value == null ? "Retain" : value;
    }
}
