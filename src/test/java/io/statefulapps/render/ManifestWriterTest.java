package io.statefulapps.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ManifestWriterTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final ManifestWriter writer = new ManifestWriter();
    private final Trio trio = new TrioRenderer().render("team-a", AppSpecFixtures.resource("every-field-appspec.json"));

    @Test
    void yamlIsThreeDocumentsThatParseBackToTheRenderedObjectsInCreationOrder() {
        String yaml = writer.toYaml(trio);

        assertTrue(yaml.startsWith("---\n"), yaml);
        assertEquals(3, yaml.split("(?m)^---$").length - 1, "document separators");
        assertEquals(trio.inCreationOrder(), parseYaml(yaml));
    }

    @Test
    void yamlHasNoNullsAndNoStatus() {
        String yaml = writer.toYaml(trio);
        assertFalse(yaml.contains(": null"), yaml);
        assertFalse(Pattern.compile("(?m)^status:").matcher(yaml).find(), yaml);
    }

    @Test
    void jsonIsAV1ListWithTheThreeObjectsInCreationOrder() throws Exception {
        String json = writer.toJsonList(trio);

        JsonNode list = new ObjectMapper().readTree(json);
        assertEquals("v1", list.get("apiVersion").asText());
        assertEquals("List", list.get("kind").asText());
        List<String> kindsAndNames = new ArrayList<>();
        list.get("items").forEach(item -> kindsAndNames.add(
                item.get("kind").asText() + "/" + item.get("metadata").get("name").asText()));
        assertEquals(List.of("Service/kafka-peers", "StatefulSet/kafka", "Service/kafka-bootstrap"), kindsAndNames);
        assertFalse(json.contains("null"), json);
        assertEquals(trio.inCreationOrder(), SERIALIZATION.unmarshal(json, KubernetesList.class).getItems());
    }

    @Test
    void liveObjectsLoseStatusAndServerMetadataButNothingElse() {
        Trio live = TrioReaderTest.asTheApiServerReturnsIt(trio);

        List<HasMetadata> written = parseYaml(writer.toYaml(live));

        for (HasMetadata object : written) {
            assertNull(object.getMetadata().getUid());
            assertNull(object.getMetadata().getResourceVersion());
            assertNull(object.getMetadata().getCreationTimestamp());
        }
        assertNull(((io.fabric8.kubernetes.api.model.apps.StatefulSet) written.get(1)).getStatus());
        assertNull(((io.fabric8.kubernetes.api.model.Service) written.get(2)).getStatus());
        assertEquals(live.clientService().getSpec(), ((io.fabric8.kubernetes.api.model.Service) written.get(2)).getSpec());
        assertTrue(live.statefulSet().getStatus() != null, "the input is not modified");
    }

    private static List<HasMetadata> parseYaml(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        if (parsed instanceof KubernetesList list) {
            return list.getItems();
        }
        @SuppressWarnings("unchecked")
        List<HasMetadata> objects = (List<HasMetadata>) parsed;
        return objects;
    }
}
