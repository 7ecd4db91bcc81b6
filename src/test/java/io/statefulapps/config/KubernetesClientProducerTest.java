package io.statefulapps.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.statefulapps.kubernetes.JsonFirstSerialization;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KubernetesClientProducerTest {

    @Inject
    KubernetesClient client;

    @Test
    void theServicesClientReadsJsonFirstAndKnowsTheKinds() {
        assertInstanceOf(JsonFirstSerialization.class, client.getKubernetesSerialization());
        Object read = client.getKubernetesSerialization().unmarshal(
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web-0\"}}");
        assertEquals("web-0", assertInstanceOf(Pod.class, read).getMetadata().getName());
    }

    @Test
    void theServicesClientSkipsManagedFields() {
        Pod read = client.getKubernetesSerialization().unmarshal("""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-0","managedFields":[{"manager":"kubelet",
                 "operation":"Update","fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:phase":{}}}}]}}""", Pod.class);

        assertEquals("web-0", read.getMetadata().getName());
        assertTrue(read.getMetadata().getManagedFields().isEmpty(), "read: " + read.getMetadata().getManagedFields());
    }
}
