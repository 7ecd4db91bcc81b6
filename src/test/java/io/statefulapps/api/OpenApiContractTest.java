package io.statefulapps.api;

import io.statefulapps.problem.ProblemType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed contract ({@code openapi/openapi.yaml}) says exactly what the code puts on the wire:
 * every JSON member of the records (their component names, as Jackson writes them) and every enum
 * constant is in the contract, and the contract promises nothing the code does not have.
 *
 * <p>Pure: reads the file and reflects over the classes; no Quarkus, no cluster. Classes are looked
 * up by name so that a drift shows as a failing assertion that names the schema, not as a compile error.
 */
class OpenApiContractTest {

    private static JsonNode contract;
    private static JsonNode schemas;

    @BeforeAll
    static void load() throws IOException {
        Path file = Path.of("openapi", "openapi.yaml");
        contract = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        schemas = contract.path("components").path("schemas");
    }

    @Test
    void isOpenApi303() {
        assertEquals("3.0.3", contract.path("openapi").asText());
        assertEquals("Stateful Apps API", contract.path("info").path("title").asText());
    }

    @Test
    void specSchemasMirrorTheSpecRecords() {
        for (String record : List.of("AppSpec", "PortSpec", "EnvVarSpec", "ResourcesSpec", "VolumeSpec", "ProbeSpec",
                "HttpGetSpec", "HttpHeaderSpec", "TcpSocketSpec", "ExecSpec", "GrpcSpec", "UpdateStrategySpec",
                "ServiceSpec", "HeadlessServiceSpec", "RetentionPolicySpec")) {
            List<String> components = components("io.statefulapps.spec." + record);
            assertEquals(components, properties(record), "schema " + record);
            JsonNode patch = schemas.path(record + "Patch");
            if (!patch.isMissingNode()) {
                assertEquals(components, properties(record + "Patch"), "schema " + record + "Patch");
            }
            // Requests are strict: unknown members are refused with 422, and the contract says so.
            assertFalse(schemas.path(record).path("additionalProperties").asBoolean(true),
                    record + " must say additionalProperties: false");
        }
        assertEquals(List.of("name", "image", "ports"), texts(schemas.path("AppSpec").path("required")));
        assertEquals(List.of("port"), texts(schemas.path("PortSpec").path("required")));
    }

    @Test
    void answerSchemasDocumentEveryMemberTheApiWrites() {
        // Answers may gain members compatibly, so here the rule is one-way: everything the code writes is
        // in the contract.
        documents("io.statefulapps.problem.Problem", "Problem");
        documents("io.statefulapps.app.AppView", "AppView");
        documents("io.statefulapps.app.AppStatus", "AppStatus");
        documents("io.statefulapps.app.DryRunResult", "DryRunResult");
        documents("io.statefulapps.app.AppList", "AppList");
        documents("io.statefulapps.app.AppSummary", "AppSummary");
        documents("io.statefulapps.spec.FieldError", "FieldError");
        documents("io.statefulapps.cluster.DeleteResult", "DeleteResult");
        documents("io.statefulapps.cluster.DeleteResult$KindName", "ObjectRef");
        documents("io.statefulapps.cluster.DeleteResult$KeptClaim", "KeptClaim");
    }

    @Test
    void everyProblemTypeIsListed() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (JsonNode type : schemas.path("Problem").path("x-problem-types")) {
            listed.add(type.path("type").asText() + " " + type.path("status").asInt() + " " + type.path("title").asText());
        }
        Set<String> inCode = new TreeSet<>();
        for (ProblemType type : ProblemType.values()) {
            inCode.add(type.uri() + " " + type.status() + " " + type.title());
            assertTrue(schemas.path("Problem").path("properties").path("type").path("description").asText()
                    .contains("`" + type.uri().substring(ProblemType.BASE.length()) + "`"), type.name());
        }
        assertEquals(inCode, listed);
    }

    @Test
    void healthSchemasMirrorTheHealthRecords() {
        String pkg = "io.statefulapps.health.";
        for (String record : List.of("HealthReport", "StatefulSetReport", "PodReport", "ContainerReport", "VolumeReport",
                "ClaimReport", "PersistentVolumeReport", "DnsRecordReport", "ServiceReport", "PortReport",
                "EventReport", "HealthProblem")) {
            assertEquals(components(pkg + record), properties(record), "schema " + record);
        }
    }

    @Test
    void healthEnumsAreTheConstantNames() {
        String pkg = "io.statefulapps.health.";
        for (String name : List.of("HealthStatus", "Reason", "Severity", "RolloutState")) {
            assertEquals(new TreeSet<>(constants(pkg + name)), new TreeSet<>(texts(schemas.path(name).path("enum"))),
                    "enum " + name);
        }
        JsonNode reason = schemas.path("Reason");
        assertEquals(reason.path("enum").size(), reason.path("x-enum-descriptions").size(),
                "one x-enum-descriptions entry per Reason");
        for (String constant : constants(pkg + "Reason")) {
            assertTrue(reason.path("description").asText().contains("| `" + constant + "` |"),
                    "Reason table documents " + constant);
        }
    }

    @Test
    void operationsHaveGeneratorFriendlyIds() {
        Set<String> ids = new HashSet<>();
        contract.path("paths").forEach(path -> path.properties().forEach(operation -> {
            if (!operation.getKey().equals("parameters")) {
                ids.add(operation.getValue().path("operationId").asText());
            }
        }));
        assertEquals(Set.of("createApp", "listApps", "getApp", "getAppHealth", "patchApp", "deleteApp",
                "getAppManifests", "listAllApps", "getAppBadge"), ids);
    }

    private static List<String> components(String className) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className + " is described in the contract but does not exist", e);
        }
        return jsonNames(type);
    }

    /** The JSON member names of a record: its component names, or their {@code @JsonProperty} names. */
    private static List<String> jsonNames(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        assertTrue(components != null, type.getName() + " is a record");
        return Arrays.stream(components).map(c -> {
            JsonProperty renamed = c.getAccessor().getAnnotation(JsonProperty.class);
            if (renamed == null) {
                renamed = c.getAnnotation(JsonProperty.class);
            }
            return renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName();
        }).toList();
    }

    private static void documents(String className, String schema) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className + " is described in the contract but does not exist", e);
        }
        List<String> undocumented = new ArrayList<>(jsonNames(type));
        undocumented.removeAll(properties(schema));
        assertEquals(List.of(), undocumented, "members of " + className + " missing from schema " + schema);
    }

    private static List<String> constants(String className) {
        try {
            Object[] values = Class.forName(className).getEnumConstants();
            return Arrays.stream(values).map(v -> ((Enum<?>) v).name()).toList();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className + " is described in the contract but does not exist", e);
        }
    }

    private static List<String> properties(String schema) {
        JsonNode node = schemas.path(schema);
        assertFalse(node.isMissingNode(), "schema " + schema + " exists");
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.path("properties").fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
