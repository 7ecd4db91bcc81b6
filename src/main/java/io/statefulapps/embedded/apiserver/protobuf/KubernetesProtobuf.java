package io.statefulapps.embedded.apiserver.protobuf;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads request bodies in Kubernetes' protobuf encoding, which kubectl's typed commands send
 * ({@code kubectl create namespace}, {@code create configmap}, {@code create token},
 * {@code auth can-i}, ...), into the JSON object kube-apiserver would have read: the same fields, the
 * same values, {@code kind} and {@code apiVersion} from the body's envelope.
 *
 * <pre>{@code
 * if (KubernetesProtobuf.isProtobuf(request.getHeader("Content-Type"))) {
 *     try {
 *         ObjectNode object = KubernetesProtobuf.decode(request.getBody().readByteArray());
 *         ... // on as with a JSON body
 *     } catch (ProtobufDecodingException e) {
 *         ... // 400 BadRequest Status with message e.statusMessage(expectedKind)
 *     }
 * }
 * }</pre>
 */
public final class KubernetesProtobuf {

    /** The media type of Kubernetes' protobuf encoding. */
    public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

    private KubernetesProtobuf() {
    }

    /** Whether a Content-Type names Kubernetes' protobuf encoding, whatever its parameters. */
    public static boolean isProtobuf(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return mediaType.trim().equalsIgnoreCase(MEDIA_TYPE);
    }

    /**
     * The JSON object of a protobuf body ({@code k8s\0} and a {@code runtime.Unknown} envelope), as Go's
     * encoding/json writes the object the API server decodes from it.
     *
     * @throws ProtobufDecodingException when the body is not a Kubernetes protobuf object of a known kind
     *     (a missing body is an empty one)
     */
    public static ObjectNode decode(byte[] body) {
        return Loaded.DECODER.decode(body == null ? new byte[0] : body);
    }

    /** Loads the descriptors of every API group on first use, not when the server starts. */
    private static final class Loaded {
        static final ObjectDecoder DECODER = ObjectDecoder.ofGeneratedFiles();
    }
}
