package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;

/**
 * The protobuf bodies kubectl sends for the APIs of this package ({@code kubectl create token},
 * {@code kubectl auth can-i}, {@code kubectl auth whoami}; its typed clients send
 * {@code application/vnd.kubernetes.protobuf}), read into the JSON the same request would have
 * carried: TokenRequest, TokenReview, SelfSubjectReview, SubjectAccessReview,
 * SelfSubjectAccessReview and LocalSubjectAccessReview. kubectl accepts a JSON answer. The body is
 * kube-apiserver's envelope: the bytes {@code k8s\0}, then a {@code runtime.Unknown} with the type
 * (apiVersion, kind) and the message.
 */
public final class ProtobufReviews {

    public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";
    private static final byte[] MAGIC = {'k', '8', 's', 0};

    private ProtobufReviews() {
    }

    public static boolean isProtobuf(String contentType) {
        return contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE);
    }

    /**
     * The body as JSON, with {@code apiVersion}, {@code kind}, {@code metadata} (name and namespace)
     * and {@code spec}.
     *
     * @throws ApiRefusal 415 for another kind, 400 for a body that is not such an envelope
     */
    public static ObjectNode toJson(byte[] body) {
        if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw new ApiRefusal(StatusBodies.badRequest("the protobuf body lacks the k8s envelope"));
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        byte[][] raw = new byte[1][];
        try {
            ProtobufWire.read(Arrays.copyOfRange(body, MAGIC.length, body.length), (n, f) -> {
                if (n == 1) {
                    ProtobufWire.read(f.bytes(), (m, g) -> json.put(m == 1 ? "apiVersion" : "kind", g.text()));
                } else if (n == 2) {
                    raw[0] = f.bytes();
                }
            });
            String kind = json.path("kind").asText();
            if (!ReviewMessages.KINDS.contains(kind)) {
                throw new ApiRefusal(StatusBodies.unsupportedMediaType("the embedded API server reads protobuf only"
                        + " for " + String.join(", ", ReviewMessages.KINDS) + " (not " + kind + "); send JSON"));
            }
            ReviewMessages.object(kind, raw[0] == null ? new byte[0] : raw[0], json);
        } catch (IllegalArgumentException e) {
            throw new ApiRefusal(StatusBodies.badRequest("the protobuf body could not be decoded: " + e.getMessage()));
        }
        return json;
    }
}
