package io.statefulapps.embedded.apiserver.protobuf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.Runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Builds and reads Kubernetes protobuf bodies for the tests. */
final class ProtobufBodies {

    static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProtobufBodies() {
    }

    /** A body as a Kubernetes client sends it: the magic, then a runtime.Unknown holding the object. */
    static byte[] envelope(String apiVersion, String kind, Message object) {
        return envelope(apiVersion, kind, object.toByteArray());
    }

    static byte[] envelope(String apiVersion, String kind, byte[] raw) {
        byte[] unknown = Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
                .setRaw(ByteString.copyFrom(raw))
                .build()
                .toByteArray();
        return concat(MAGIC, unknown);
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** A body kubectl sent, from src/test/resources/protobuf/kubectl. */
    static byte[] kubectlBody(String fixture) {
        return resource("/protobuf/kubectl/" + fixture + ".pb");
    }

    /** The same object as kubectl prints it (or, marked in the README, as written from its flags). */
    static JsonNode kubectlJson(String fixture) {
        try {
            return MAPPER.readTree(resource("/protobuf/kubectl/" + fixture + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = ProtobufBodies.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
