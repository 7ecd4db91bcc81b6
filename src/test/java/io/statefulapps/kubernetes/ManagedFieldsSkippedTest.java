package io.statefulapps.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagedFieldsSkippedTest {

    /** A pod as a real API server sends it: managedFields between the metadata the rules read. */
    private static final String POD = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"labels":{"app":"web"},
             "managedFields":[{"manager":"kube-controller-manager","operation":"Update","apiVersion":"v1",
               "time":"2026-12-04T20:34:32Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{".":{},
               "f:app":{}},"f:ownerReferences":{".":{},"k:{\\"uid\\":\\"u-1\\"}":{}}},"f:spec":{"f:containers":{}}}},
              {"manager":"kubelet","operation":"Update","apiVersion":"v1","subresource":"status",
               "fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:phase":{}}}}],
             "name":"web-0","namespace":"demo","ownerReferences":[{"apiVersion":"apps/v1","kind":"StatefulSet",
               "name":"web","uid":"u-1","controller":true}],"resourceVersion":"7","uid":"p-1",
             "futureField":{"kept":"as an unknown field"}},
             "spec":{"nodeName":"node-1","containers":[{"name":"web","image":"nginx:1.27"}]},
             "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}""";

    private static KubernetesSerialization serialization(boolean skipping) {
        ObjectMapper mapper = new ObjectMapper();
        if (skipping) {
            ManagedFieldsSkipped.register(mapper);
        }
        return new JsonFirstSerialization(mapper, false);
    }

    @Test
    void managedFieldsAreNotReadAndEverythingElseIs() {
        Pod pod = serialization(true).unmarshal(POD, Pod.class);

        ObjectMeta meta = pod.getMetadata();
        assertTrue(meta.getManagedFields().isEmpty(), "managedFields read: " + meta.getManagedFields());
        assertEquals("web-0", meta.getName());
        assertEquals("demo", meta.getNamespace());
        assertEquals(Map.of("app", "web"), meta.getLabels());
        assertEquals("u-1", meta.getOwnerReferences().get(0).getUid());
        assertEquals("7", meta.getResourceVersion());
        assertEquals(Map.of("futureField", Map.of("kept", "as an unknown field")), meta.getAdditionalProperties());
        assertEquals("node-1", pod.getSpec().getNodeName());
        assertEquals("nginx:1.27", pod.getSpec().getContainers().get(0).getImage());
        assertEquals("Running", pod.getStatus().getPhase());
        assertEquals("True", pod.getStatus().getConditions().get(0).getStatus());
    }

    @Test
    void withoutItTheSamePodCarriesThem() {
        Pod pod = serialization(false).unmarshal(POD, Pod.class);

        assertEquals(2, pod.getMetadata().getManagedFields().size());
        assertEquals("kubelet", pod.getMetadata().getManagedFields().get(1).getManager());
    }

    @Test
    void everyKindsMetadataSkipsThem() {
        StatefulSet sts = serialization(true).unmarshal("""
                {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"web","managedFields":[
                 {"manager":"stateful-apps-api","operation":"Update","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{}}}]},
                 "spec":{"serviceName":"web-headless","replicas":2}}""", StatefulSet.class);

        assertTrue(sts.getMetadata().getManagedFields().isEmpty());
        assertEquals(2, sts.getSpec().getReplicas());
    }

    @Test
    void writingStillWritesThem() {
        ObjectMeta meta = new ObjectMetaBuilder().withName("web-0").withManagedFields(new ManagedFieldsEntryBuilder()
                .withManager("kubectl").withOperation("Apply").build()).build();

        String json = serialization(true).asJson(meta);

        assertTrue(json.contains("\"managedFields\":[{\"manager\":\"kubectl\",\"operation\":\"Apply\"}]"), json);
    }
}
