package io.statefulapps.embedded.apiserver.protobuf;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;

import java.util.Map;

/** Where Java's parser is more lenient than Go's generated unmarshalers, which the API server uses. */
final class WireChecks {

    private WireChecks() {
    }

    /**
     * A field the message declares but that arrived with another wire type: Java keeps it aside as an
     * unknown field, Go refuses the body ("proto: wrong wireType = 0 for field Name"). Field numbers
     * the message does not declare are skipped by both.
     */
    static void rejectMisencodedFields(Message message) {
        UnknownFieldSet unknown = message.getUnknownFields();
        if (unknown.asMap().isEmpty()) {
            return;
        }
        for (Map.Entry<Integer, UnknownFieldSet.Field> entry : unknown.asMap().entrySet()) {
            FieldDescriptor declared = message.getDescriptorForType().findFieldByNumber(entry.getKey());
            if (declared != null) {
                String name = declared.getName();
                throw ProtobufDecodingException.of("proto: wrong wireType = " + wireType(entry.getValue())
                        + " for field " + Character.toUpperCase(name.charAt(0)) + name.substring(1));
            }
        }
    }

    private static int wireType(UnknownFieldSet.Field field) {
        if (!field.getVarintList().isEmpty()) {
            return 0;
        }
        if (!field.getFixed64List().isEmpty()) {
            return 1;
        }
        if (!field.getLengthDelimitedList().isEmpty()) {
            return 2;
        }
        if (!field.getGroupList().isEmpty()) {
            return 3;
        }
        return 5;
    }
}
