package io.statefulapps.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Claims and volumes are created with their protection finalizer, as the admission plugin adds it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageProtectionAdmissionTest extends ApiServerTestBase {

    @Test
    void aClaimIsCreatedWithItsProtectionFinalizer() {
        PersistentVolumeClaim created = client.persistentVolumeClaims().inNamespace("default")
                .resource(pvc("protected", "1Gi", null)).create();
        assertEquals(List.of("kubernetes.io/pvc-protection"), created.getMetadata().getFinalizers());
        PersistentVolumeClaim own = client.persistentVolumeClaims().inNamespace("default").resource(
                new PersistentVolumeClaimBuilder(pvc("own", "1Gi", null)).editMetadata()
                        .withFinalizers("example.com/keep", "kubernetes.io/pvc-protection").endMetadata().build())
                .create();
        assertEquals(List.of("example.com/keep", "kubernetes.io/pvc-protection"), own.getMetadata().getFinalizers(),
                "once, whatever the caller gave");
    }

    @Test
    void aVolumeIsCreatedWithItsProtectionFinalizer() {
        PersistentVolume created = client.persistentVolumes().resource(new PersistentVolumeBuilder().withNewMetadata()
                .withName("by-hand").endMetadata().withNewSpec().withCapacity(Map.of("storage", new Quantity("1Gi")))
                .withAccessModes("ReadWriteOnce").withNewHostPath().withPath("/tmp/by-hand").endHostPath().endSpec()
                .build()).create();
        assertEquals(List.of("kubernetes.io/pv-protection"), created.getMetadata().getFinalizers());
    }
}
