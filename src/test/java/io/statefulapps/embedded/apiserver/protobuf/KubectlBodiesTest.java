package io.statefulapps.embedded.apiserver.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.statefulapps.embedded.apiserver.protobuf.ProtobufBodies.kubectlBody;
import static io.statefulapps.embedded.apiserver.protobuf.ProtobufBodies.kubectlJson;
import static io.statefulapps.embedded.apiserver.protobuf.SameJson.assertSameJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bodies the real kubectl 1.32 sent (src/test/resources/protobuf/README.md says which command sent
 * which), decoded and compared with the JSON kubectl itself prints for the same command.
 */
class KubectlBodiesTest {

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path folder = Path.of(KubectlBodiesTest.class.getResource("/protobuf/kubectl").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".pb"))
                    .map(name -> name.substring(0, name.length() - ".pb".length()))
                    .sorted()
                    .toList();
            return names.stream();
        }
    }

    @Test
    void everyCommandOfTheIssueHasItsFixture() throws Exception {
        List<String> names = fixtures().toList();
        for (String command : List.of("create-namespace", "create-configmap", "create-configmap-dry-run",
                "create-service-clusterip", "create-token", "auth-can-i", "create-rolebinding", "create-deployment")) {
            assertTrue(names.contains(command), command + " in " + names);
        }
        assertEquals(25, names.size(), names.toString());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void decodesAsKubectlPrintsTheSameObject(String fixture) {
        assertSameJson(kubectlJson(fixture), KubernetesProtobuf.decode(kubectlBody(fixture)));
    }

    @Test
    void zeroValuesOnTheWireAreLeftOutAsGoLeavesThemOut() throws Exception {
        byte[] body = kubectlBody("create-namespace");
        // Go writes every non-pointer field to protobuf: kubectl's ObjectMeta carries namespace "" and
        // generation 0 ...
        // (read with descriptors: the generated parsers of client-java-proto are pre-22 gencode, which
        // protobuf-java 4 warns about, and the decoder never runs them either)
        Message unknown = DynamicMessage.parseFrom(Runtime.Unknown.getDescriptor(),
                Arrays.copyOfRange(body, 4, body.length));
        Message sent = DynamicMessage.parseFrom(V1.Namespace.getDescriptor(),
                (ByteString) unknown.getField(Runtime.Unknown.getDescriptor().findFieldByName("raw")));
        Message metadata = (Message) sent.getField(V1.Namespace.getDescriptor().findFieldByName("metadata"));
        FieldDescriptor namespace = Meta.ObjectMeta.getDescriptor().findFieldByName("namespace");
        FieldDescriptor generation = Meta.ObjectMeta.getDescriptor().findFieldByName("generation");
        assertTrue(metadata.hasField(namespace) && metadata.getField(namespace).equals(""));
        assertTrue(metadata.hasField(generation) && metadata.getField(generation).equals(0L));
        // ... which its JSON, tagged omitempty, leaves out.
        JsonNode decoded = KubernetesProtobuf.decode(body).get("metadata");
        assertFalse(decoded.has("namespace"), decoded.toString());
        assertFalse(decoded.has("generation"), decoded.toString());
        assertFalse(decoded.has("uid"), decoded.toString());
        assertTrue(decoded.get("creationTimestamp").isNull(), "a zero Time is null in Go's JSON");
    }

    @Test
    void aPointerSetToZeroStays() {
        ObjectNode idle = KubernetesProtobuf.decode(kubectlBody("create-deployment-idle"));
        assertEquals(0, idle.at("/spec/replicas").intValue());
        assertTrue(idle.at("/spec/replicas").isNumber(), idle.toString());
        assertFalse(idle.at("/spec").has("minReadySeconds"), "a non-pointer zero is left out");
    }

    @Test
    void intOrStringKeepsItsForm() {
        assertEquals(8080, KubernetesProtobuf.decode(kubectlBody("create-service-clusterip"))
                .at("/spec/ports/0/targetPort").intValue());
        assertEquals("http", KubernetesProtobuf.decode(kubectlBody("create-service-nodeport"))
                .at("/spec/ports/0/targetPort").textValue());
        assertTrue(KubernetesProtobuf.decode(kubectlBody("create-pdb-min-available"))
                .at("/spec/minAvailable").isInt());
        assertEquals("50%", KubernetesProtobuf.decode(kubectlBody("create-pdb-max-unavailable"))
                .at("/spec/maxUnavailable").textValue());
    }

    @Test
    void bytesAreBase64AndQuantitiesTheirString() {
        assertEquals("czNjcjN0", KubernetesProtobuf.decode(kubectlBody("create-secret")).at("/data/password").textValue());
        assertEquals("AAEC/w==", KubernetesProtobuf.decode(kubectlBody("create-configmap-binary"))
                .at("/binaryData/blob").textValue());
        assertEquals("1Gi", KubernetesProtobuf.decode(kubectlBody("create-quota")).at("/spec/hard/memory").textValue());
    }

    @Test
    void renamedAndInlinedFieldsTakeTheirJsonPlace() {
        // BoundObjectReference's proto field is "uID", its JSON name "uid".
        ObjectNode bound = KubernetesProtobuf.decode(kubectlBody("create-token-bound"));
        assertEquals("0d4691ed-659b-4935-a832-355f77ee47cc", bound.at("/spec/boundObjectRef/uid").textValue());
        // IngressRule embeds IngressRuleValue: "http" sits in the rule itself.
        ObjectNode ingress = KubernetesProtobuf.decode(kubectlBody("create-ingress"));
        assertEquals("web", ingress.at("/spec/rules/0/http/paths/0/backend/service/name").textValue());
        assertFalse(ingress.at("/spec/rules/0").has("ingressRuleValue"), ingress.toString());
    }
}
