package io.statefulapps.embedded.apiserver.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated table of Go's JSON facts, and the list of generated files, against the library. */
class GoFieldFactsTest {

    private static Map<String, Descriptor> allMessages() {
        Map<String, Descriptor> messages = new HashMap<>();
        for (Supplier<FileDescriptor> file : GeneratedFiles.byGroupVersion().values()) {
            List<FileDescriptor> withDependencies = new ArrayList<>(file.get().getDependencies());
            withDependencies.add(file.get());
            for (FileDescriptor each : withDependencies) {
                each.getMessageTypes().forEach(message -> messages.put(message.getFullName(), message));
            }
        }
        return messages;
    }

    @Test
    void everyFactNamesAFieldOfTheLibrarysMessages() {
        Map<String, Descriptor> messages = allMessages();
        Map<String, FieldFacts> facts = FieldFacts.byMessage();
        List<String> unknown = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, FieldFacts> entry : facts.entrySet()) {
            Descriptor message = messages.get(entry.getKey());
            Set<String> names = new TreeSet<>(entry.getValue().omittedWhenZero());
            names.addAll(entry.getValue().inlined());
            names.addAll(entry.getValue().jsonNames().keySet());
            for (String name : names) {
                count++;
                if (message == null || message.findFieldByName(name) == null) {
                    unknown.add(entry.getKey() + "." + name);
                }
            }
        }
        assertTrue(unknown.isEmpty(), unknown.toString());
        assertTrue(count > 400, "facts: " + count);
    }

    @Test
    void theFactsTheStoredKindsDependOnAreThere() {
        Map<String, FieldFacts> facts = FieldFacts.byMessage();
        FieldFacts objectMeta = facts.get("k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta");
        assertTrue(objectMeta.omittedWhenZero().containsAll(Set.of("namespace", "uid", "resourceVersion", "generation")));
        FieldFacts deploymentSpec = facts.get("k8s.io.api.apps.v1.DeploymentSpec");
        assertFalse(deploymentSpec.omittedWhenZero().contains("replicas"), "a pointer keeps its zero");
        assertTrue(deploymentSpec.omittedWhenZero().contains("minReadySeconds"));
        assertEquals("uid", facts.get("k8s.io.api.authentication.v1.BoundObjectReference").jsonName("uID"));
        assertTrue(facts.get("k8s.io.api.core.v1.Probe").inlined().contains("handler"));
        assertTrue(facts.get("k8s.io.api.core.v1.Volume").inlined().contains("volumeSource"));
        assertTrue(facts.get("k8s.io.api.networking.v1.IngressRule").inlined().contains("ingressRuleValue"));
        assertFalse(facts.containsKey("k8s.io.api.apps.v1beta1.DeploymentSpec"), "served versions only");
    }

    @Test
    void aTableWithAMessageBeforeAnyPackageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FieldFacts.parse("    ObjectMeta name\n"));
        FieldFacts parsed = FieldFacts.parse("p.v1\n    M a +b c=d\n").get("p.v1.M");
        assertEquals(new FieldFacts(Set.of("a"), Set.of("b"), Map.of("c", "d")), parsed);
    }

    /** The group version of a .proto package by Kubernetes' naming, for checking the explicit list. */
    private static String groupVersionOf(String protoPackage) {
        if (protoPackage.equals("k8s.io.apimachinery.pkg.apis.meta.v1")) {
            return "meta.k8s.io/v1";
        }
        String[] parts = protoPackage.split("\\.");
        String version = parts[parts.length - 1];
        String name = parts[parts.length - 2];
        Map<String, String> groups = Map.of("core", "", "apps", "apps", "batch", "batch", "policy", "policy",
                "autoscaling", "autoscaling", "extensions", "extensions", "rbac", "rbac.authorization.k8s.io",
                "flowcontrol", "flowcontrol.apiserver.k8s.io", "apiserverinternal", "internal.apiserver.k8s.io");
        String group = groups.getOrDefault(name, name + ".k8s.io");
        return group.isEmpty() ? version : group + "/" + version;
    }

    @Test
    void eachGroupVersionNamesTheFileOfItsPackageAndNoFileIsLeftOut() throws IOException, URISyntaxException {
        Map<String, Supplier<FileDescriptor>> files = GeneratedFiles.byGroupVersion();
        files.forEach((groupVersion, file) -> assertEquals(groupVersion, groupVersionOf(file.get().getPackage())));
        Path jar = Path.of(io.kubernetes.client.proto.V1.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> outerClasses = new TreeSet<>();
        try (JarFile library = new JarFile(jar.toFile())) {
            library.stream().map(entry -> entry.getName())
                    .filter(name -> name.matches("io/kubernetes/client/proto/[A-Za-z0-9]+\\.class"))
                    .forEach(outerClasses::add);
        }
        // The files of no API group: intstr, resource, runtime, runtime/schema (meta/v1 is listed).
        assertEquals(files.size() + 4, outerClasses.size(), outerClasses.toString());
    }
}
