package io.statefulapps.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedStringDeserializerTest {

    private final JsonFirstSerialization serialization = JsonFirstSerialization.sharingValues();
    private final KubernetesSerialization fabric8 = new KubernetesSerialization();

    private static Pod pod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("demo").addToLabels("app", "web")
                .addToFinalizers("example.com/keep").endMetadata().withNewSpec().withNodeName("node-1")
                .addNewContainer().withName("main").withImage("nginx:1.27").withArgs("--port", "8080").endContainer()
                .endSpec().withNewStatus().withPhase("Running").addNewCondition().withType("Ready").withStatus("True")
                .endCondition().endStatus().build();
    }

    private Pod fromBytes(Pod pod) {
        return serialization.unmarshal(new ByteArrayInputStream(fabric8.asJson(pod).getBytes(StandardCharsets.UTF_8)),
                Pod.class);
    }

    @Test
    void equalValuesOfTwoObjectsAreOneString() {
        Pod first = fromBytes(pod("web-0"));
        Pod second = serialization.unmarshal(fabric8.asJson(pod("web-1")), Pod.class); // as text this time
        assertEquals(pod("web-0"), first);
        assertEquals(pod("web-1"), second);
        assertSame(first.getMetadata().getNamespace(), second.getMetadata().getNamespace());
        assertSame(first.getMetadata().getLabels().get("app"), second.getMetadata().getLabels().get("app"));
        assertSame(first.getMetadata().getFinalizers().get(0), second.getMetadata().getFinalizers().get(0));
        assertSame(first.getSpec().getNodeName(), second.getSpec().getNodeName());
        assertSame(first.getSpec().getContainers().get(0).getImage(), second.getSpec().getContainers().get(0)
                .getImage());
        assertSame(first.getSpec().getContainers().get(0).getArgs().get(1), second.getSpec().getContainers().get(0)
                .getArgs().get(1));
        assertSame(first.getStatus().getConditions().get(0).getStatus(), second.getStatus().getConditions().get(0)
                .getStatus());
        assertEquals("web-1", second.getMetadata().getName());
    }

    @Test
    void withoutSharingEachValueIsItsOwnString() {
        JsonFirstSerialization plain = new JsonFirstSerialization();
        Pod first = plain.unmarshal(fabric8.asJson(pod("web-0")), Pod.class);
        Pod second = plain.unmarshal(fabric8.asJson(pod("web-1")), Pod.class);
        assertEquals(first.getMetadata().getNamespace(), second.getMetadata().getNamespace());
        assertNotSame(first.getMetadata().getNamespace(), second.getMetadata().getNamespace());
    }

    @Test
    void longValuesAreReadAsTheyAre() {
        String longName = "a".repeat(SharedStringDeserializer.MAX_SHARED_LENGTH + 1);
        Pod first = fromBytes(pod(longName));
        Pod second = fromBytes(pod(longName));
        assertEquals(longName, first.getMetadata().getName());
        assertEquals(longName, second.getMetadata().getName());
        assertNotSame(first.getMetadata().getName(), second.getMetadata().getName());
    }

    @Test
    void valuesThatShareASlotEachComeBackAsWritten() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            values.add("v" + Integer.toString(i, 36) + (i % 7 == 0 ? "é☃" : ""));
        }
        String json = fabric8.asJson(Map.of("values", values));
        for (int round = 0; round < 2; round++) {
            Map<String, List<String>> read = serialization.unmarshal(json, new TypeReference<>() {
            });
            assertEquals(values, read.get("values"));
        }
    }

    @Test
    void otherTokensBecomeTextAsJacksonMakesThem() {
        Pod read = serialization.unmarshal("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":123,"
                + "\"namespace\":null,\"labels\":{\"on\":true,\"empty\":\"\"}}}", Pod.class);
        assertEquals("123", read.getMetadata().getName());
        assertNull(read.getMetadata().getNamespace());
        assertEquals(Map.of("on", "true", "empty", ""), read.getMetadata().getLabels());
    }
}
