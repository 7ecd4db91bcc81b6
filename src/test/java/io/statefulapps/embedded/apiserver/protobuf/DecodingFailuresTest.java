package io.statefulapps.embedded.apiserver.protobuf;

import com.google.protobuf.ByteString;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.statefulapps.embedded.apiserver.protobuf.ProtobufBodies.MAGIC;
import static io.statefulapps.embedded.apiserver.protobuf.ProtobufBodies.concat;
import static io.statefulapps.embedded.apiserver.protobuf.ProtobufBodies.envelope;
import static io.statefulapps.embedded.apiserver.protobuf.ProtobufBodies.kubectlBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bodies the API server cannot read, and the messages of its 400 for them: "the object provided is
 * unrecognized (must be of type X): <error> (<the body's start>)" while the envelope has not named a
 * kind, "K in version \"v\" cannot be handled as a X: <error>" once it has.
 */
class DecodingFailuresTest {

    private static final V1.Namespace SHOP =
            V1.Namespace.newBuilder().setMetadata(Meta.ObjectMeta.newBuilder().setName("shop")).build();

    private static ProtobufDecodingException refusal(byte[] body) {
        return assertThrows(ProtobufDecodingException.class, () -> KubernetesProtobuf.decode(body));
    }

    private static String statusFor(byte[] body) {
        return refusal(body).statusMessage("Namespace");
    }

    @Test
    void anEmptyBodyOrTheMagicAloneIsNoObject() {
        assertEquals("the object provided is unrecognized (must be of type Namespace): empty data (<empty>)",
                statusFor(new byte[0]));
        assertEquals("the object provided is unrecognized (must be of type Namespace): empty body (6b387300)",
                statusFor(MAGIC));
        assertEquals("the object provided is unrecognized (must be of type Namespace): empty data (<empty>)",
                statusFor(null));
    }

    @Test
    void aBodyWithoutTheMagicIsNotProtobuf() {
        String notProtobuf = "provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]";
        ProtobufDecodingException garbage = refusal("hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(notProtobuf, garbage.getMessage());
        assertEquals("the object provided is unrecognized (must be of type Namespace): " + notProtobuf
                + " (68656c6c6f)", garbage.statusMessage("Namespace"));
        assertEquals("the object provided is unrecognized (must be of type Namespace): " + notProtobuf
                + " ({\"kind\":\"Namespace\",\"apiVersio ...)",
                statusFor("{\"kind\":\"Namespace\",\"apiVersion\":\"v1\"}".getBytes(StandardCharsets.UTF_8)));
        byte[] wrongMagic = kubectlBody("create-namespace").clone();
        wrongMagic[3] = 1;
        assertEquals("the object provided is unrecognized (must be of type Namespace): " + notProtobuf
                + " (6b3873010a0f0a02763112094e616d657370616365121c0a140a0473686f ...)", statusFor(wrongMagic));
    }

    @Test
    void aTruncatedEnvelopeEndsUnexpectedly() {
        byte[] truncated = Arrays.copyOf(kubectlBody("create-namespace"), 10);
        assertEquals("the object provided is unrecognized (must be of type Namespace): unexpected EOF"
                + " (6b3873000a0f0a027631)", statusFor(truncated));
    }

    @Test
    void aTruncatedObjectIsReportedAgainstTheKindItClaims() {
        byte[] raw = SHOP.toByteArray();
        byte[] body = envelope("v1", "Namespace", Arrays.copyOf(raw, raw.length - 2));
        assertEquals("Namespace in version \"v1\" cannot be handled as a Namespace: unexpected EOF", statusFor(body));
        // The kind in the message is the envelope's, the one after "handled as" the caller's.
        assertEquals("Namespace in version \"v1\" cannot be handled as a ConfigMap: unexpected EOF",
                refusal(body).statusMessage("ConfigMap"));
    }

    @Test
    void malformedWireDataIsRefusedInGoWords() {
        assertEquals("Namespace in version \"v1\" cannot be handled as a Namespace: proto: integer overflow",
                statusFor(envelope("v1", "Namespace", new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1})));
        assertEquals("Namespace in version \"v1\" cannot be handled as a Namespace: "
                + "proto: negative length found during unmarshaling",
                statusFor(envelope("v1", "Namespace", new byte[] {0x0a, -1, -1, -1, -1, 0x0f})));
        assertEquals("Namespace in version \"v1\" cannot be handled as a Namespace: proto: illegal tag 0",
                statusFor(envelope("v1", "Namespace", new byte[] {0x00, 0x01})));
        // metadata { name as a varint }: Java would set it aside as an unknown field, Go refuses it.
        assertEquals("Namespace in version \"v1\" cannot be handled as a Namespace: "
                + "proto: wrong wireType = 0 for field Name",
                statusFor(envelope("v1", "Namespace", new byte[] {0x0a, 0x02, 0x08, 0x05})));
    }

    @Test
    void fieldNumbersTheMessageDoesNotDeclareAreSkippedAsGoSkipsThem() {
        byte[] raw = concat(SHOP.toByteArray(), new byte[] {(byte) 0xf8, 0x06, 0x01}); // field 111, varint 1
        assertEquals("shop", KubernetesProtobuf.decode(envelope("v1", "Namespace", raw)).at("/metadata/name").textValue());
    }

    @Test
    void anUnknownKindOrGroupVersionIsNotRegistered() {
        assertEquals("Frobnicator in version \"v1\" cannot be handled as a Namespace: no kind \"Frobnicator\" is"
                + " registered for version \"v1\" in scheme \"k8s.io/kubernetes/pkg/api/legacyscheme/scheme.go:30\"",
                statusFor(envelope("v1", "Frobnicator", SHOP)));
        assertEquals("Widget in version \"v1\" cannot be handled as a Namespace: no kind \"Widget\" is registered for"
                + " version \"example.com/v1\" in scheme \"k8s.io/kubernetes/pkg/api/legacyscheme/scheme.go:30\"",
                statusFor(envelope("example.com/v1", "Widget", SHOP)));
        // A part of an object is not a kind; a core kind is not in apps/v1.
        assertTrue(statusFor(envelope("v1", "PodSpec", SHOP)).endsWith(
                "no kind \"PodSpec\" is registered for version \"v1\" in scheme"
                        + " \"k8s.io/kubernetes/pkg/api/legacyscheme/scheme.go:30\""));
        assertTrue(statusFor(envelope("apps/v1", "ConfigMap", SHOP)).startsWith(
                "ConfigMap in version \"v1\" cannot be handled as a Namespace: no kind \"ConfigMap\" is registered"
                        + " for version \"apps/v1\""));
    }

    @Test
    void anEnvelopeWithoutKindOrVersionIsRefused() {
        byte[] noKind = concat(MAGIC, Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion("v1").setKind(""))
                .setRaw(SHOP.toByteString()).build().toByteArray());
        String status = statusFor(noKind);
        assertTrue(status.startsWith("the object provided is unrecognized (must be of type Namespace): Object 'Kind'"
                + " is missing in 'runtime.TypeMeta{APIVersion:\"v1\", Kind:\"\"}' (6b387300"), status);
        byte[] noVersion = envelope("", "Namespace", SHOP);
        assertEquals("Namespace in version \"\" cannot be handled as a Namespace: Object 'apiVersion' is missing in"
                + " 'runtime.TypeMeta{APIVersion:\"\", Kind:\"Namespace\"}'", statusFor(noVersion));
    }

    @Test
    void aRawExtensionOfNeitherJsonNorProtobufIsRefused() {
        V1Apps.ControllerRevision revision = V1Apps.ControllerRevision.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setName("web-1"))
                .setData(Runtime.RawExtension.newBuilder().setRaw(ByteString.copyFromUtf8("not json")))
                .build();
        String status = statusFor(envelope("apps/v1", "ControllerRevision", revision));
        assertTrue(status.startsWith("ControllerRevision in version \"v1\" cannot be handled as a Namespace:"
                + " RawExtension holds neither JSON nor a Kubernetes protobuf object: Unrecognized token 'not'"), status);

        V1Apps.ControllerRevision brokenNested = revision.toBuilder()
                .setData(Runtime.RawExtension.newBuilder().setRaw(ByteString.copyFrom(Arrays.copyOf(
                        envelope("v1", "ConfigMap", SHOP), 9))))
                .build();
        assertEquals("ControllerRevision in version \"v1\" cannot be handled as a Namespace: unexpected EOF",
                statusFor(envelope("apps/v1", "ControllerRevision", brokenNested)),
                "a nested object's failure is the outer object's");
    }

    @Test
    void theProtobufMediaTypeIsRecognizedWhateverItsParameters() {
        assertTrue(KubernetesProtobuf.isProtobuf("application/vnd.kubernetes.protobuf"));
        assertTrue(KubernetesProtobuf.isProtobuf("application/vnd.kubernetes.protobuf; charset=utf-8"));
        assertTrue(KubernetesProtobuf.isProtobuf(" Application/VND.Kubernetes.Protobuf "));
        assertFalse(KubernetesProtobuf.isProtobuf("application/json"));
        assertFalse(KubernetesProtobuf.isProtobuf("application/vnd.kubernetes.protobuf+json"));
        assertFalse(KubernetesProtobuf.isProtobuf(""));
        assertFalse(KubernetesProtobuf.isProtobuf(null));
    }
}
