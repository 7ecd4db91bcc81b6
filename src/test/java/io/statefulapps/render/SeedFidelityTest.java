package io.statefulapps.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PRODUCT.md's hard requirement: the seed's example, rendered, equals the seed's manifests in
 * every field they set. The manifests are read from ../shared/seed at test time; the spec that
 * expresses them is input (src/test/resources/seed-appspec.json). The comparison runs on the
 * YAML this service serves, i.e. on exactly what {@code kubectl apply} would receive.
 */
class SeedFidelityTest {

    private static final Path SEED = Path.of("../shared/seed");
    /** The namespace the seed's manifests are written for (their metadata.namespace). */
    private static final String SEED_NAMESPACE = "pg-allen-ali";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> seedManifests() throws IOException {
        try (Stream<Path> files = Files.list(SEED)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theSeedHasThreeManifests() throws IOException {
        assertEquals(3, seedManifests().count(), "seed manifests in " + SEED.toAbsolutePath());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedManifests")
    void renderingTheSeedSpecGivesEveryFieldTheSeedSets(Path manifest) throws IOException {
        Map<String, Object> seed = YAML.readValue(manifest.toFile(), Map.class);
        Map<String, Object> rendered = renderedCounterpart(seed);

        List<String> differences = SubsetMatcher.differences(seed, rendered);

        assertEquals(List.of(), differences, "rendered object differs from " + manifest);
    }

    /** The rendered object of the seed's kind and name. */
    private static Map<String, Object> renderedCounterpart(Map<String, Object> seed) throws IOException {
        Object kind = seed.get("kind");
        Object name = ((Map<?, ?>) seed.get("metadata")).get("name");
        List<Map<String, Object>> matching = renderedSeed().stream()
                .filter(object -> Objects.equals(kind, object.get("kind"))
                        && Objects.equals(name, ((Map<?, ?>) object.get("metadata")).get("name")))
                .toList();
        assertEquals(1, matching.size(), "rendered objects of kind " + kind + " named " + name);
        assertNotNull(matching.get(0));
        return matching.get(0);
    }

    private static List<Map<String, Object>> renderedSeed() throws IOException {
        Trio trio = new TrioRenderer().render(SEED_NAMESPACE, AppSpecFixtures.resource("seed-appspec.json"));
        String yaml = new ManifestWriter().toYaml(trio);
        List<Map<String, Object>> documents = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> iterator = YAML.readerFor(Map.class).readValues(yaml)) {
            while (iterator.hasNext()) {
                Map<String, Object> document = iterator.next();
                if (document != null) {
                    documents.add(document);
                }
            }
        }
        assertEquals(3, documents.size(), yaml);
        return documents;
    }
}
