package io.statefulapps.embedded.apiserver.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A decoded message as the JSON Go's encoding/json writes for the same Kubernetes object: proto field
 * names (the API's JSON names, but for the few {@link FieldFacts#jsonNames}), the fields that came on
 * the wire, minus the zero scalars Go leaves out ({@link FieldFacts#omittedWhenZero}: Go writes every
 * non-pointer field to protobuf, so presence alone would show "" and 0 that its JSON omits), embedded
 * structs merged into their parent, and the apimachinery types that write their own JSON
 * ({@link CustomJsonTypes}).
 */
final class MessageJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, FieldFacts> facts;
    private final CustomJsonTypes customTypes;

    MessageJson(Map<String, FieldFacts> facts, CustomJsonTypes customTypes) {
        this.facts = facts;
        this.customTypes = customTypes;
    }

    /** The JSON of a message: its type's own form, or an object of its fields. */
    JsonNode value(Message message) {
        CustomJsonTypes.Conversion custom = customTypes.of(message.getDescriptorForType());
        if (custom != null) {
            WireChecks.rejectMisencodedFields(message);
            return custom.toJson(message, this);
        }
        ObjectNode object = NODES.objectNode();
        writeFields(message, object);
        return object;
    }

    /** Writes the message's fields into {@code out}, which may already hold others (kind, apiVersion). */
    void writeFields(Message message, ObjectNode out) {
        WireChecks.rejectMisencodedFields(message);
        Descriptor type = message.getDescriptorForType();
        FieldFacts known = facts.getOrDefault(type.getFullName(), FieldFacts.NONE);
        for (FieldDescriptor field : type.getFields()) {
            boolean present = field.isRepeated() ? message.getRepeatedFieldCount(field) > 0 : message.hasField(field);
            if (!present) {
                continue;
            }
            String name = field.getName();
            Object value = message.getField(field);
            if (known.inlined().contains(name)) {
                writeFields((Message) value, out);
            } else if (field.isRepeated() || !known.omittedWhenZero().contains(name) || !isZero(value)) {
                out.set(known.jsonName(name), fieldValue(field, value));
            }
        }
    }

    private JsonNode fieldValue(FieldDescriptor field, Object value) {
        if (field.isMapField()) {
            return map(field, (List<?>) value);
        }
        if (field.isRepeated()) {
            ArrayNode array = NODES.arrayNode();
            for (Object element : (List<?>) value) {
                array.add(single(field, element));
            }
            return array;
        }
        return single(field, value);
    }

    /** Kubernetes' maps all have string keys; Go writes every entry, zero values included. */
    private ObjectNode map(FieldDescriptor field, List<?> entries) {
        FieldDescriptor key = field.getMessageType().findFieldByNumber(1);
        FieldDescriptor value = field.getMessageType().findFieldByNumber(2);
        ObjectNode object = NODES.objectNode();
        for (Object element : entries) {
            Message entry = (Message) element;
            object.set(String.valueOf(entry.getField(key)), single(value, entry.getField(value)));
        }
        return object;
    }

    private JsonNode single(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case MESSAGE -> value((Message) value);
            case STRING -> NODES.textNode((String) value);
            case BYTE_STRING -> NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case INT -> isUnsigned(field)
                    ? NODES.numberNode(Integer.toUnsignedLong((Integer) value))
                    : NODES.numberNode((Integer) value);
            case LONG -> isUnsigned(field)
                    ? NODES.numberNode(new BigInteger(Long.toUnsignedString((Long) value)))
                    : NODES.numberNode((Long) value);
            case FLOAT -> NODES.numberNode((Float) value);
            case DOUBLE -> NODES.numberNode((Double) value);
            case ENUM -> NODES.textNode(((EnumValueDescriptor) value).getName());
        };
    }

    private static boolean isUnsigned(FieldDescriptor field) {
        return switch (field.getType()) {
            case UINT32, FIXED32, UINT64, FIXED64 -> true;
            default -> false;
        };
    }

    static boolean isZero(Object value) {
        if (value instanceof String text) {
            return text.isEmpty();
        }
        if (value instanceof ByteString bytes) {
            return bytes.isEmpty();
        }
        if (value instanceof Boolean flag) {
            return !flag;
        }
        if (value instanceof Number number) {
            return number.doubleValue() == 0;
        }
        return false;
    }
}
