package io.statefulapps.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubsetMatcherTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void anEqualTreeAndASupersetMatch() {
        Map<String, Object> expected = tree("{a: 1, b: {c: x}, l: [1, {d: e}]}");
        assertEquals(List.of(), SubsetMatcher.differences(expected, tree("{a: 1, b: {c: x}, l: [1, {d: e}]}")));
        assertEquals(List.of(), SubsetMatcher.differences(expected,
                tree("{a: 1, extra: 2, b: {c: x, more: y}, l: [1, {d: e, f: g}]}")));
    }

    @Test
    void aLostFieldIsReportedWithItsPath() {
        List<String> differences = SubsetMatcher.differences(tree("{spec: {clusterIP: None, type: ClusterIP}}"),
                tree("{spec: {type: ClusterIP}}"));
        assertEquals(1, differences.size(), differences::toString);
        assertTrue(differences.get(0).startsWith("$.spec.clusterIP: missing"), differences::toString);
    }

    @Test
    void aChangedValueIsReportedWithBothValues() {
        List<String> differences = SubsetMatcher.differences(tree("{spec: {replicas: 2}}"), tree("{spec: {replicas: 3}}"));
        assertEquals(List.of("$.spec.replicas: expected 2 (Integer), was 3 (Integer)"), differences);
    }

    @Test
    void everyDifferenceIsReportedNotJustTheFirst() {
        List<String> differences = SubsetMatcher.differences(tree("{a: 1, b: 2, c: {d: 3}}"), tree("{a: 9, c: {d: 4}}"));
        assertEquals(3, differences.size(), differences::toString);
    }

    @Test
    void listsMustMatchInLengthAndElementByElement() {
        assertEquals(1, SubsetMatcher.differences(tree("{l: [a, b]}"), tree("{l: [a, b, c]}")).size());
        assertEquals(1, SubsetMatcher.differences(tree("{l: [a, b]}"), tree("{l: [a]}")).size());
        assertEquals(List.of("$.l[1]: expected \"b\", was \"c\""),
                SubsetMatcher.differences(tree("{l: [a, b]}"), tree("{l: [a, c]}")));
    }

    @Test
    void aStringIsNotTheNumberItSpells() {
        // The seed quotes env values ("true", "2"): rendering them as a boolean or number would be wrong.
        assertEquals(1, SubsetMatcher.differences(tree("{value: \"2\"}"), tree("{value: 2}")).size());
        assertEquals(1, SubsetMatcher.differences(tree("{value: \"true\"}"), tree("{value: true}")).size());
    }

    @Test
    void numbersCompareByValueAcrossTypes() {
        assertEquals(List.of(), SubsetMatcher.differences(Map.of("n", 8761), Map.of("n", 8761L)));
    }

    @Test
    void nullInTheExpectedTreeSetsNothing() {
        assertEquals(List.of(), SubsetMatcher.differences(tree("{metadata: {annotations: null, name: x}}"),
                tree("{metadata: {name: x}}")));
    }

    @Test
    void keysWithDotsAndSlashesAreQuotedInPaths() {
        List<String> differences = SubsetMatcher.differences(tree("{annotations: {'a.b/c': x}}"), tree("{annotations: {}}"));
        assertTrue(differences.get(0).startsWith("$.annotations['a.b/c']: missing"), differences::toString);
    }

    @Test
    void catchesALostFieldAndAChangedValueAgainstTheRealSeed() throws Exception {
        Map<String, Object> seed = YAML.readValue(Path.of("../shared/seed/statefulset.yaml").toFile(), Map.class);
        Map<String, Object> damaged = deepCopy(seed);
        Map<String, Object> spec = map(damaged.get("spec"));
        spec.remove("serviceName");
        spec.put("replicas", 99);
        Map<String, Object> container = map(list(map(map(spec.get("template")).get("spec")).get("containers")).get(0));
        List<Object> env = list(container.get("env"));
        env.remove(env.size() - 1);

        List<String> differences = SubsetMatcher.differences(seed, damaged);

        assertEquals(List.of(), SubsetMatcher.differences(seed, deepCopy(seed)));
        assertEquals(3, differences.size(), differences::toString);
        assertTrue(differences.stream().anyMatch(d -> d.startsWith("$.spec.serviceName: missing")), differences::toString);
        assertTrue(differences.stream().anyMatch(d -> d.startsWith("$.spec.replicas: expected 2")), differences::toString);
        assertTrue(differences.stream().anyMatch(d -> d.startsWith("$.spec.template.spec.containers[0].env: expected 4")),
                differences::toString);
    }

    private static Map<String, Object> tree(String yaml) {
        try {
            return YAML.readValue(yaml, Map.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(yaml, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> tree) throws Exception {
        return YAML.readValue(YAML.writeValueAsBytes(tree), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
