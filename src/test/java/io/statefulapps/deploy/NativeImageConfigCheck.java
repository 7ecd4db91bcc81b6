package io.statefulapps.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Reads the reflection configuration the native build generated and checks that every class
 * Jackson reaches from the serialization roots is in it: ours (from nativeimage.SerializedTypes) and
 * Fabric8's model (from the Kubernetes client extension). It reads a build's output, so it runs
 * only when asked, right after that build, as .ci/run does:
 * {@code ./mvnw package -Dnative -Dquarkus.native.sources-only=true -DskipTests} then
 * {@code ./mvnw surefire:test -Dtest=NativeImageConfigCheck -Dnative-sources.check=true}.
 */
@EnabledIfSystemProperty(named = "native-sources.check", matches = "true",
        disabledReason = "reads the output of the native sources build; .ci/run runs it right after that build")
class NativeImageConfigCheck {

    private static final Path TARGET = Path.of("target");
    private static final String CONFIG = "META-INF/native-image/reflect-config.json";
    private static Map<String, JsonNode> entries;

    @BeforeAll
    static void readGeneratedConfig() throws IOException {
        Path jar = runnerJar();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(CONFIG);
            assertTrue(entry != null, jar + " has no " + CONFIG);
            try (InputStream in = zip.getInputStream(entry)) {
                entries = new HashMap<>();
                new ObjectMapper().readTree(in).forEach(e -> entries.put(e.path("name").asText(), e));
            }
        }
    }

    /**
     * The jar the native image is built from: target/native-sources/ after a sources-only build,
     * target/*-native-image-source-jar/ while a full native build runs.
     */
    private static Path runnerJar() throws IOException {
        try (Stream<Path> dirs = Files.list(TARGET)) {
            List<Path> jars = dirs.filter(d -> d.getFileName().toString().equals("native-sources")
                            || d.getFileName().toString().endsWith("-native-image-source-jar"))
                    .flatMap(NativeImageConfigCheck::runnerJars).toList();
            assertEquals(1, jars.size(), "one native image source jar in target/ (run the native build first): "
                    + jars);
            return jars.get(0);
        }
    }

    private static Stream<Path> runnerJars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyTypeOfOursJacksonReachesIsRegisteredWithConstructorsMethodsAndFields() {
        List<String> missing = JacksonReach.from(SerializationRoots.ROOTS).stream()
                .filter(JacksonReach::isOurs)
                .map(Class::getName)
                .filter(name -> !(entries.containsKey(name)
                        && entries.get(name).path("allDeclaredConstructors").asBoolean()
                        && entries.get(name).path("allDeclaredMethods").asBoolean()
                        && entries.get(name).path("allDeclaredFields").asBoolean()))
                .toList();
        assertEquals(List.of(), missing, "not (fully) in the generated " + CONFIG);
    }

    @Test
    void theClientsMixInIsRegistered() {
        assertTrue(entries.containsKey("io.statefulapps.kubernetes.ManagedFieldsSkipped$Unread"),
                "the mix-in that skips managedFields is not in the generated " + CONFIG);
    }

    @Test
    void everyFabric8ModelClassJacksonReachesIsRegistered() {
        List<String> missing = JacksonReach.from(SerializationRoots.ROOTS).stream()
                .filter(JacksonReach::isFabric8Model)
                .filter(c -> !c.isInterface() && !Modifier.isAbstract(c.getModifiers()))
                .map(Class::getName)
                .filter(name -> !entries.containsKey(name))
                .toList();
        assertEquals(List.of(), missing, "not in the generated " + CONFIG);
    }
}
