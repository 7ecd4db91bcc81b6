package io.statefulapps.embedded.apiserver;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClusterScopedTest extends ApiServerTestBase {

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void namespaceOnAClusterScopedObjectIsStripped() throws Exception {
        PersistentVolume pv = new PersistentVolumeBuilder().withNewMetadata().withName("pv-ns").withNamespace("default")
                .endMetadata().withNewSpec().addToCapacity("storage", new Quantity("1Gi")).withAccessModes("ReadWriteOnce")
                .withNewHostPath().withPath("/tmp/x").endHostPath().endSpec().build();
        PersistentVolume created = client.persistentVolumes().resource(pv).create();
        assertNull(created.getMetadata().getNamespace());
        assertEquals("Filesystem", created.getSpec().getVolumeMode());
        assertEquals("Retain", created.getSpec().getPersistentVolumeReclaimPolicy());

        var r = http("POST", "/apis/storage.k8s.io/v1/storageclasses", "application/json",
                "{\"apiVersion\":\"storage.k8s.io/v1\",\"kind\":\"StorageClass\",\"metadata\":{\"name\":\"fast\","
                        + "\"namespace\":\"default\"},\"provisioner\":\"x\"}");
        assertEquals(201, r.statusCode(), r.body());
        assertNull(client.storage().v1().storageClasses().withName("fast").get().getMetadata().getNamespace());
        assertEquals(1, client.persistentVolumes().list().getItems().size());
    }
}
