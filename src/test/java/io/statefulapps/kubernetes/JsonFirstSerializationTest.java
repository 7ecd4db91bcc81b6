package io.statefulapps.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFirstSerializationTest {

    private static final Pod POD = new PodBuilder().withNewMetadata().withName("web-0").withNamespace("demo")
            .addToLabels("app", "web").endMetadata().withNewSpec().addNewContainer().withName("main")
            .withImage("nginx:1.27").endContainer().endSpec().build();

    private final JsonFirstSerialization fast = new JsonFirstSerialization();
    private final KubernetesSerialization fabric8 = new KubernetesSerialization();

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonTextAndBytesReadAsFabric8ReadsThem() {
        String json = fabric8.asJson(POD);
        for (String text : List.of(json, "  \n\t" + json)) {
            assertEquals(POD, fast.unmarshal(text, Pod.class));
            assertEquals(POD, fast.unmarshal(bytes(text), Pod.class));
            assertEquals(fabric8.<Object>unmarshal(text), fast.<Object>unmarshal(text));
        }
    }

    @Test
    void theKindInTheJsonChoosesTheClassAsFabric8sDoes() {
        KubernetesResource read = fast.unmarshal(bytes(fabric8.asJson(POD)), new TypeReference<KubernetesResource>() {
        });
        assertInstanceOf(Pod.class, read);
        assertEquals(POD, read);
    }

    @Test
    void arraysAndYamlStillRead() {
        assertEquals(List.of(1, 2), fast.unmarshal("[1, 2]", new TypeReference<List<Integer>>() {
        }));
        String yaml = fabric8.asYaml(POD);
        assertEquals(POD, fast.unmarshal(yaml, Pod.class));
        assertEquals(POD, fast.unmarshal(bytes(yaml), Pod.class));
        Map<String, Object> fromOtherStream = fast.unmarshal(new java.io.BufferedInputStream(bytes("{\"a\": 1}")),
                new TypeReference<Map<String, Object>>() {
                });
        assertEquals(Map.of("a", 1), fromOtherStream);
    }

    @Test
    void brokenJsonFailsAsFabric8sDoes() {
        assertThrows(KubernetesClientException.class, () -> fast.unmarshal("{\"metadata\": ", Pod.class));
        assertThrows(KubernetesClientException.class, () -> fast.unmarshal(bytes("{\"metadata\": "), Pod.class));
    }
}
