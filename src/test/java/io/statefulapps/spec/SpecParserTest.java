package io.statefulapps.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecParserTest {

    private final SpecParser parser = new SpecParser();

    static byte[] productExample() throws IOException {
        try (InputStream in = SpecParserTest.class.getResourceAsStream("/product-example.json")) {
            assertNotNull(in, "product-example.json on the test classpath");
            return in.readAllBytes();
        }
    }

    private ParsedSpec parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheProductExampleCompletely() throws IOException {
        ParsedSpec parsed = parser.parse(productExample());
        assertEquals(List.of(), parsed.unknownFields());
        AppSpec spec = parsed.spec();
        assertEquals("eureka", spec.name());
        assertEquals(2, spec.replicas());
        assertEquals(8761, spec.ports().get(0).targetPort().getIntVal());
        assertEquals("512Mi", spec.resources().requests().get("memory"));
        assertEquals(List.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany"), spec.volumes().get(0).accessModes());
        assertEquals(8761, spec.livenessProbe().tcpSocket().port().getIntVal());
        assertEquals("/actuator/health", spec.readinessProbe().httpGet().path());
        assertEquals(0, spec.updateStrategy().partition());
        assertEquals("intranet",
                spec.service().annotations().get("service.beta.kubernetes.io/alicloud-loadbalancer-address-type"));
        assertEquals("Retain", spec.persistentVolumeClaimRetentionPolicy().whenScaled());
    }

    @Test
    void readsANamedTargetPortAsAString() {
        AppSpec spec = parse("{\"name\":\"a\",\"image\":\"i\",\"ports\":[{\"name\":\"http\",\"port\":80,"
                + "\"targetPort\":\"http\"}]}").spec();
        assertEquals("http", spec.ports().get(0).targetPort().getStrVal());
    }

    static Stream<Arguments> unknownFields() {
        return Stream.of(
                Arguments.of("{\"name\":\"a\",\"replica\":3}", List.of("replica")),
                Arguments.of("{\"ports\":[{\"port\":80},{\"nmae\":\"http\",\"port\":81}]}", List.of("ports[1].nmae")),
                Arguments.of("{\"service\":{\"typ\":\"LoadBalancer\",\"extra\":{\"deep\":[1,2]}}}",
                        List.of("service.typ", "service.extra")),
                Arguments.of("{\"livenessProbe\":{\"httpGet\":{\"port\":80,\"pth\":\"/\"}}}",
                        List.of("livenessProbe.httpGet.pth")),
                Arguments.of("{\"securityContext\":{\"runAsUser\":1000,\"runAsUsr\":1}}",
                        List.of("securityContext.runAsUsr")),
                Arguments.of("{\"securityContext\":{\"capabilities\":{\"drop\":[\"ALL\"],\"dorp\":[\"NET_RAW\"]}}}",
                        List.of("securityContext.capabilities.dorp")),
                Arguments.of("{\"podSecurityContext\":{\"fsGroup\":1000,\"fsgroup\":1000}}",
                        List.of("podSecurityContext.fsgroup")),
                Arguments.of("{\"tolerations\":[{\"key\":\"a\",\"operator\":\"Exists\"},{\"efect\":\"NoSchedule\"}]}",
                        List.of("tolerations[1].efect")),
                Arguments.of("{\"affinity\":{\"podAntiAffinity\":{\"preferredDuringSchedulingIgnoredDuringExecution\":"
                        + "[{\"weight\":100,\"podAffinityTerm\":{\"topologyKey\":\"k\",\"topolgyKey\":\"x\"}}]}}}",
                        List.of("affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]"
                                + ".podAffinityTerm.topolgyKey")),
                Arguments.of("{\"env\":[{\"name\":\"A\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"s\",\"key\":\"k\","
                        + "\"optinal\":true}}}]}", List.of("env[0].valueFrom.secretKeyRef.optinal")),
                Arguments.of("{\"replica\":1,\"imagePullPolcy\":\"Always\",\"volumes\":[{\"name\":\"d\",\"sze\":\"1Gi\"}]}",
                        List.of("replica", "imagePullPolcy", "volumes[0].sze")));
    }

    @ParameterizedTest
    @MethodSource("unknownFields")
    void listsEveryUnknownFieldWithItsPath(String json, List<String> expectedFields) {
        ParsedSpec parsed = parse(json);
        assertEquals(expectedFields, parsed.unknownFields().stream().map(FieldError::field).toList());
        parsed.unknownFields().forEach(e -> assertEquals("unknown field", e.message()));
        assertTrue(parsed.hasUnknownFields());
    }

    @Test
    void keepsTheKnownFieldsNextToUnknownOnes() {
        AppSpec spec = parse("{\"name\":\"a\",\"replica\":{\"x\":[1]},\"replicas\":3}").spec();
        assertEquals("a", spec.name());
        assertEquals(3, spec.replicas());
    }

    static Stream<Arguments> notAnObject() {
        return Stream.of(
                Arguments.of("", "empty"),
                Arguments.of("   ", "empty"),
                Arguments.of("[]", "an array"),
                Arguments.of("\"x\"", "a string"),
                Arguments.of("42", "a number"),
                Arguments.of("null", "null"));
    }

    @ParameterizedTest
    @MethodSource("notAnObject")
    void refusesABodyThatIsNotAnObject(String body, String saying) {
        MalformedSpecException e = assertThrows(MalformedSpecException.class, () -> parse(body));
        assertTrue(e.getMessage().contains(saying), e.getMessage());
        assertTrue(e.getMessage().contains("JSON object"), e.getMessage());
    }

    @Test
    void refusesNoBodyAtAll() {
        MalformedSpecException e = assertThrows(MalformedSpecException.class, () -> parser.parse((byte[]) null));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("{", "line 1"),
                Arguments.of("{\"name\": \"a\",\n \"image\": }", "line 2, column"),
                Arguments.of("{\"name\": \"a\"} {\"name\": \"b\"}", "after the JSON object"),
                Arguments.of("{\"name\": \"a\", \"name\": \"b\"}", "name"),
                Arguments.of("{\"name\": 'a'}", "line 1"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void refusesMalformedJsonSayingWhere(String body, String saying) {
        MalformedSpecException e = assertThrows(MalformedSpecException.class, () -> parse(body));
        assertTrue(e.getMessage().contains(saying), e.getMessage());
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("{\"replicas\": \"two\"}", "replicas"),
                Arguments.of("{\"replicas\": \"2\"}", "replicas"),
                Arguments.of("{\"replicas\": 1.5}", "replicas"),
                Arguments.of("{\"ports\": {}}", "ports"),
                Arguments.of("{\"ports\": [{\"port\": \"http\"}]}", "ports[0].port"),
                Arguments.of("{\"ports\": [{\"port\": 80}, {\"port\": [81]}]}", "ports[1].port"),
                Arguments.of("{\"name\": 42}", "name"),
                Arguments.of("{\"image\": {\"repo\": \"x\"}}", "image"),
                Arguments.of("{\"labels\": {\"tier\": 1}}", "labels.tier"),
                Arguments.of("{\"service\": {\"annotations\": {\"foo bar\": true}}}", "service.annotations[foo bar]"),
                Arguments.of("{\"resources\": {\"requests\": {\"cpu\": 2}}}", "resources.requests.cpu"),
                Arguments.of("{\"headlessService\": {\"publishNotReadyAddresses\": \"yes\"}}",
                        "headlessService.publishNotReadyAddresses"),
                Arguments.of("{\"volumes\": [{\"accessModes\": \"ReadWriteOnce\"}]}", "volumes[0].accessModes"));
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void refusesAWrongTypeNamingThePath(String body, String path) {
        MalformedSpecException e = assertThrows(MalformedSpecException.class, () -> parse(body));
        assertEquals(path, e.field());
        assertTrue(e.getMessage().startsWith(path + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
    }

    @Test
    void saysWhatTypeWasExpectedAndWhatCame() {
        MalformedSpecException e = assertThrows(MalformedSpecException.class,
                () -> parse("{\"name\": \"a\",\n \"replicas\": \"two\"}"));
        assertEquals("replicas: expected an integer, got a string \"two\" at line 2, column 14", e.getMessage());
        e = assertThrows(MalformedSpecException.class, () -> parse("{\"ports\": {}}"));
        assertEquals("ports: expected an array, got an object at line 1, column 11", e.getMessage());
    }

    @Test
    void aSingleWrongTypeIsAlsoItsOneError() {
        MalformedSpecException e = assertThrows(MalformedSpecException.class,
                () -> parse("{\"name\": \"a\",\n \"replicas\": \"two\"}"));
        assertEquals(List.of(new FieldError("replicas", "expected an integer, got a string \"two\"")), e.errors());
    }

    @Test
    void namesEveryValueOfTheWrongTypeInOrder() {
        MalformedSpecException e = assertThrows(MalformedSpecException.class, () -> parse("""
                {"name": "a", "image": 5, "replicas": "x",
                 "ports": [{"port": 80}, {"port": "eighty", "name": 7}],
                 "resources": {"requests": {"cpu": true}},
                 "securityContext": {"runAsUser": "root"}}"""));
        assertEquals(List.of(
                new FieldError("image", "expected a string, got a number 5"),
                new FieldError("replicas", "expected an integer, got a string \"x\""),
                new FieldError("ports[1].port", "expected an integer, got a string \"eighty\""),
                new FieldError("ports[1].name", "expected a string, got a number 7"),
                new FieldError("resources.requests.cpu", "expected a string, got a boolean true"),
                new FieldError("securityContext.runAsUser", "expected an integer, got a string \"root\"")), e.errors());
        assertEquals("image", e.field());
        assertEquals("6 values have the wrong JSON type, each listed in 'errors'; the first: image: expected a string,"
                + " got a number 5 at line 1, column 24", e.getMessage());
    }

    @Test
    void namesEveryValueOfTheWrongTypeInATree() throws IOException {
        JsonNode tree = new ObjectMapper().readTree("{\"name\":\"a\",\"ports\":[{\"port\":\"x\"}],\"replicas\":[]}");
        MalformedSpecException e = assertThrows(MalformedSpecException.class, () -> parser.parse(tree));
        assertEquals(List.of("ports[0].port", "replicas"), e.errors().stream().map(FieldError::field).toList());
        assertEquals("{\"name\":\"a\",\"ports\":[{\"port\":\"x\"}],\"replicas\":[]}", tree.toString(),
                "the caller's tree is left as it was");
    }

    @Test
    void aBodyThatBreaksAsJsonFurtherOnNamesTheFirstWrongTypeOnly() {
        MalformedSpecException e = assertThrows(MalformedSpecException.class,
                () -> parse("{\"replicas\": \"x\", \"image\": 5, "));
        assertEquals(List.of(new FieldError("replicas", "expected an integer, got a string \"x\"")), e.errors());
    }

    /** A spec whose args are {@code count} numbers, each of the wrong type (args are strings). */
    private static String numbersAsArgs(int count) {
        StringBuilder body = new StringBuilder("{\"name\": \"a\", \"args\": [");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append(i);
        }
        return body.append("]}").toString();
    }

    @Test
    void stopsAtTheMostWrongTypes() {
        MalformedSpecException e = assertThrows(MalformedSpecException.class,
                () -> parse(numbersAsArgs(WrongTypes.MOST + 20)));
        assertEquals(WrongTypes.MOST, e.errors().size());
        assertEquals("args[0]", e.errors().get(0).field());
        assertEquals("args[" + (WrongTypes.MOST - 1) + "]", e.errors().get(WrongTypes.MOST - 1).field());
    }

    @Test
    void aLargeBodyIsReadAgainOnlyAsOftenAsItsSizeAllows() {
        MalformedSpecException e = assertThrows(MalformedSpecException.class,
                () -> parse(numbersAsArgs((int) (WrongTypes.NODES_READ / 3))));
        assertEquals(List.of("args[0]", "args[1]"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void malformedJsonHasNoFieldErrors() {
        MalformedSpecException e = assertThrows(MalformedSpecException.class, () -> parse("{\"name\": "));
        assertEquals(List.of(), e.errors());
    }

    @Test
    void parsesATreeSuchAsAMergePatchResult() throws IOException {
        ObjectNode tree = (ObjectNode) parser.toTree(parser.parse(productExample()).spec());
        tree.put("replicas", 5);
        tree.withArray("ports").addObject().put("port", 9000).put("nmae", "x");
        ParsedSpec parsed = parser.parse(tree);
        assertEquals(5, parsed.spec().replicas());
        assertEquals(List.of(new FieldError("ports[1].nmae", "unknown field")), parsed.unknownFields());
    }

    @Test
    void refusesAWrongTypeInATree() throws IOException {
        JsonNode tree = new ObjectMapper().readTree("{\"name\":\"a\",\"ports\":[{\"port\":\"x\"}]}");
        MalformedSpecException e = assertThrows(MalformedSpecException.class, () -> parser.parse(tree));
        assertEquals("ports[0].port", e.field());
        assertThrows(MalformedSpecException.class, () -> parser.parse(new ObjectMapper().readTree("[]")));
    }

    @Test
    void roundTripsThroughTheTree() throws IOException {
        AppSpec spec = parser.parse(productExample()).spec();
        assertEquals(spec, parser.parse(parser.toTree(spec)).spec());
    }
}
