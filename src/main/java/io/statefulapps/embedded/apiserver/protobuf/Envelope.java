package io.statefulapps.embedded.apiserver.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnsafeByteOperations;
import io.kubernetes.client.proto.Runtime;

/**
 * The wrapping of every Kubernetes protobuf body: the magic {@code k8s\0}, then a {@code runtime.Unknown}
 * whose typeMeta names the object and whose raw bytes are the object's own message. Read as the API
 * server's protobuf serializer reads it, with its error messages.
 */
record Envelope(String apiVersion, String kind, ByteString raw) {

    private static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final Descriptor UNKNOWN = Runtime.getDescriptor().findMessageTypeByName("Unknown");
    private static final FieldDescriptor UNKNOWN_TYPE_META = UNKNOWN.findFieldByName("typeMeta");
    private static final FieldDescriptor UNKNOWN_RAW = UNKNOWN.findFieldByName("raw");
    private static final Descriptor TYPE_META = Runtime.getDescriptor().findMessageTypeByName("TypeMeta");
    private static final FieldDescriptor API_VERSION = TYPE_META.findFieldByName("apiVersion");
    private static final FieldDescriptor KIND = TYPE_META.findFieldByName("kind");

    static boolean hasMagic(byte[] body) {
        if (body.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (body[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    static Envelope read(byte[] body) {
        if (body.length == 0) {
            throw ProtobufDecodingException.unrecognized("empty data", body);
        }
        if (!hasMagic(body)) {
            throw ProtobufDecodingException.unrecognized(
                    "provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]", body);
        }
        if (body.length == MAGIC.length) {
            throw ProtobufDecodingException.unrecognized("empty body", body);
        }
        Message unknown = parseUnknown(body);
        Message typeMeta = (Message) unknown.getField(UNKNOWN_TYPE_META);
        String apiVersion = (String) typeMeta.getField(API_VERSION);
        String kind = (String) typeMeta.getField(KIND);
        ByteString raw = (ByteString) unknown.getField(UNKNOWN_RAW);
        String goTypeMeta = "runtime.TypeMeta{APIVersion:\"" + apiVersion + "\", Kind:\"" + kind + "\"}";
        if (kind.isEmpty()) {
            throw ProtobufDecodingException.unrecognized("Object 'Kind' is missing in '" + goTypeMeta + "'", body);
        }
        if (apiVersion.isEmpty()) {
            throw ProtobufDecodingException.of("Object 'apiVersion' is missing in '" + goTypeMeta + "'")
                    .about(apiVersion, kind);
        }
        return new Envelope(apiVersion, kind, raw);
    }

    private static Message parseUnknown(byte[] body) {
        try {
            ByteString afterMagic = UnsafeByteOperations.unsafeWrap(body, MAGIC.length, body.length - MAGIC.length);
            DynamicMessage unknown = DynamicMessage.parseFrom(UNKNOWN, afterMagic);
            WireChecks.rejectMisencodedFields(unknown);
            WireChecks.rejectMisencodedFields((Message) unknown.getField(UNKNOWN_TYPE_META));
            return unknown;
        } catch (InvalidProtocolBufferException e) {
            throw ProtobufDecodingException.unrecognized(ProtobufDecodingException.wireError(e), body);
        } catch (ProtobufDecodingException e) {
            throw ProtobufDecodingException.unrecognized(e.getMessage(), body);
        }
    }
}
