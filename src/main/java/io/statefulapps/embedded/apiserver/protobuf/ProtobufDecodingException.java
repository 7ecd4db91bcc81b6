package io.statefulapps.embedded.apiserver.protobuf;

import com.google.protobuf.InvalidProtocolBufferException;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * A body that is not a Kubernetes protobuf object the API server can read. {@link #getMessage()} is
 * the decoder's own error, worded as Go's protobuf serializer words it; {@link #statusMessage(String)}
 * is the whole message of kube-apiserver's 400 BadRequest Status for it.
 */
public final class ProtobufDecodingException extends RuntimeException {

    private static final int SUMMARY_BYTES = 30;
    private static final List<WireWording> WIRE_WORDINGS = List.of(
            new WireWording("input ended unexpectedly", "unexpected EOF"),
            new WireWording("negative size", "proto: negative length found during unmarshaling"),
            new WireWording("malformed varint", "proto: integer overflow"),
            new WireWording("invalid tag (zero)", "proto: illegal tag 0"),
            new WireWording("invalid wire type", "proto: illegal wireType"),
            new WireWording("end-group tag did not match", "proto: wiretype end group for non-group"));

    private final String apiVersion;
    private final String kind;
    private final String bodySummary;

    private ProtobufDecodingException(String reason, String apiVersion, String kind, String bodySummary) {
        super(reason);
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.bodySummary = bodySummary;
    }

    /** A failure inside the object, before it is known which object: {@link #about} adds that. */
    static ProtobufDecodingException of(String reason) {
        return new ProtobufDecodingException(reason, null, null, null);
    }

    /** A failure before the envelope named a kind: the answer shows the start of the body instead. */
    static ProtobufDecodingException unrecognized(String reason, byte[] body) {
        return new ProtobufDecodingException(reason, null, null, summary(body));
    }

    /** The same failure, told about the object the envelope named. */
    ProtobufDecodingException about(String envelopeApiVersion, String envelopeKind) {
        ProtobufDecodingException told =
                new ProtobufDecodingException(getMessage(), envelopeApiVersion, envelopeKind, bodySummary);
        told.setStackTrace(getStackTrace());
        return told;
    }

    /**
     * The message of the API server's 400 for this body, posted where a {@code expectedKind} belongs:
     * {@code ConfigMap in version "v1" cannot be handled as a Namespace: ...} once the envelope named a
     * kind, else {@code the object provided is unrecognized (must be of type Namespace): ... (<hex>)}.
     */
    public String statusMessage(String expectedKind) {
        if (kind != null && !kind.isEmpty()) {
            return kind + " in version \"" + version(apiVersion) + "\" cannot be handled as a " + expectedKind
                    + ": " + getMessage();
        }
        return "the object provided is unrecognized (must be of type " + expectedKind + "): " + getMessage()
                + " (" + (bodySummary == null ? "<empty>" : bodySummary) + ")";
    }

    private static String version(String apiVersion) {
        return apiVersion == null ? "" : apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /** As the API server summarizes a body it cannot read: the first 30 bytes, in hex unless JSON. */
    private static String summary(byte[] body) {
        if (body.length == 0) {
            return "<empty>";
        }
        int length = Math.min(body.length, SUMMARY_BYTES);
        String head = body[0] == '{'
                ? new String(body, 0, length, StandardCharsets.UTF_8)
                : HexFormat.of().formatHex(body, 0, length);
        return body.length > SUMMARY_BYTES ? head + " ..." : head;
    }

    /** Java's wire errors in the words of Go's generated unmarshalers, which the API server answers. */
    static String wireError(InvalidProtocolBufferException e) {
        String message = String.valueOf(e.getMessage());
        for (WireWording wording : WIRE_WORDINGS) {
            if (message.contains(wording.javaPart())) {
                return wording.goMessage();
            }
        }
        return "proto: " + message;
    }

    /** A part of protobuf-java's message for a wire error, and the message Go gives for the same error. */
    private record WireWording(String javaPart, String goMessage) {
    }
}
