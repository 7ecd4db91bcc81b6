package io.statefulapps.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedEmptyExtrasTest {

    private final JsonFirstSerialization sharing = JsonFirstSerialization.sharingValues();
    private final KubernetesSerialization fabric8 = new KubernetesSerialization();

    private static Pod pod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("demo").addToLabels("app", "web")
                .endMetadata().withNewSpec().withNodeName("node-1").addNewContainer().withName("main")
                .withImage("nginx:1.27").endContainer().endSpec().withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build();
    }

    private <T> T read(String json, Class<T> type) {
        return sharing.unmarshal(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), type);
    }

    @Test
    void emptyMapsOfUnknownFieldsAreOneMapAtEveryLevel() {
        Pod first = read(fabric8.asJson(pod("web-0")), Pod.class);
        Pod second = sharing.unmarshal(fabric8.asJson(pod("web-1")), Pod.class); // as text this time

        Map<String, Object> shared = first.getAdditionalProperties();
        assertTrue(shared.isEmpty());
        assertSame(shared, second.getAdditionalProperties());
        assertSame(shared, first.getMetadata().getAdditionalProperties());
        assertSame(shared, first.getSpec().getContainers().get(0).getAdditionalProperties());
        assertSame(shared, second.getStatus().getConditions().get(0).getAdditionalProperties());
    }

    @Test
    void withoutSharingEachObjectHasItsOwn() {
        Pod first = fabric8.unmarshal(fabric8.asJson(pod("web-0")), Pod.class);
        Pod second = fabric8.unmarshal(fabric8.asJson(pod("web-1")), Pod.class);

        assertNotSame(first.getAdditionalProperties(), second.getAdditionalProperties());
    }

    @Test
    void unknownFieldsAreKeptAsRead() {
        String json = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web-0\",\"future\":\"x\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"nginx\",\"newField\":{\"a\":1}}]},"
                + "\"somethingNew\":[1,2]}";

        Pod pod = read(json, Pod.class);

        assertEquals(Map.of("somethingNew", java.util.List.of(1, 2)), pod.getAdditionalProperties());
        assertEquals(Map.of("future", "x"), pod.getMetadata().getAdditionalProperties());
        assertEquals(Map.of("newField", Map.of("a", 1)), pod.getSpec().getContainers().get(0).getAdditionalProperties());
        assertEquals(fabric8.unmarshal(json, Pod.class), pod);
    }

    @Test
    void anObjectReadWithSharedMapsWritesAndCopiesAsBefore() {
        StatefulSet set = new StatefulSetBuilder().withNewMetadata().withName("web").withNamespace("demo")
                .withResourceVersion("7").endMetadata().withNewSpec().withReplicas(2).withServiceName("web-headless")
                .endSpec().build();
        StatefulSet read = read(fabric8.asJson(set), StatefulSet.class);

        assertEquals(fabric8.asJson(set), fabric8.asJson(read));
        assertEquals(set, read);
        // a builder copies the map: the copy can take unknown fields again
        StatefulSet copy = new StatefulSetBuilder(read).withNewStatus().withReplicas(2).endStatus().build();
        copy.setAdditionalProperty("extra", "kept");
        assertEquals("kept", copy.getAdditionalProperties().get("extra"));
        assertEquals(2, copy.getStatus().getReplicas());
    }
}
