package io.statefulapps.embedded.apiserver.protobuf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Kubernetes types whose Go JSON is written by their own MarshalJSON rather than field by field:
 * IntOrString (a number or a string), Quantity (its string), Time and MicroTime (RFC 3339 in UTC, to
 * the second and to the microsecond; null when zero), Duration (Go's duration text), RawExtension,
 * runtime.Unknown, FieldsV1 and apiextensions' JSON (the JSON they carry; a nested protobuf object is
 * decoded), the named string lists (meta/v1 Verbs, ExtraValue) and apiextensions' either-or schemas.
 */
final class CustomJsonTypes {

    /** One type's JSON. */
    @FunctionalInterface
    interface Conversion {
        JsonNode toJson(Message message, MessageJson json);
    }

    private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
    private static final String APIEXTENSIONS = "k8s.io.apiextensions_apiserver.pkg.apis.apiextensions.";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROSECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX").withZone(ZoneOffset.UTC);
    /** Go's zero time.Time, January 1 of year 1, which its JSON writes as null. */
    private static final long GO_ZERO_TIME_SECONDS = -62_135_596_800L;

    private final Map<String, Conversion> byMessage;
    private final Function<byte[], ObjectNode> nestedObjects;

    /** {@code nestedObjects} decodes a whole Kubernetes protobuf body found inside a RawExtension. */
    CustomJsonTypes(Function<byte[], ObjectNode> nestedObjects) {
        this.nestedObjects = nestedObjects;
        Conversion raw = (message, json) -> embedded(message, "raw");
        this.byMessage = Map.ofEntries(
                Map.entry("k8s.io.apimachinery.pkg.util.intstr.IntOrString", (message, json) -> intOrString(message)),
                Map.entry("k8s.io.apimachinery.pkg.api.resource.Quantity", (message, json) -> quantity(message)),
                Map.entry("k8s.io.apimachinery.pkg.api.resource.QuantityValue", (message, json) -> quantity(message)),
                Map.entry(META + "Time", (message, json) -> time(message, SECONDS)),
                Map.entry(META + "MicroTime", (message, json) -> time(message, MICROSECONDS)),
                Map.entry(META + "Duration", (message, json) -> duration(message)),
                Map.entry(META + "FieldsV1", (message, json) -> embedded(message, "Raw")),
                Map.entry(META + "Verbs", (message, json) -> strings(message, "items")),
                Map.entry("k8s.io.apimachinery.pkg.runtime.RawExtension", raw),
                Map.entry("k8s.io.apimachinery.pkg.runtime.Unknown", raw),
                Map.entry(APIEXTENSIONS + "v1.JSON", raw),
                Map.entry(APIEXTENSIONS + "v1beta1.JSON", raw),
                Map.entry(APIEXTENSIONS + "v1.JSONSchemaPropsOrBool", CustomJsonTypes::schemaOrBool),
                Map.entry(APIEXTENSIONS + "v1beta1.JSONSchemaPropsOrBool", CustomJsonTypes::schemaOrBool),
                Map.entry(APIEXTENSIONS + "v1.JSONSchemaPropsOrArray", CustomJsonTypes::schemaOrArray),
                Map.entry(APIEXTENSIONS + "v1beta1.JSONSchemaPropsOrArray", CustomJsonTypes::schemaOrArray),
                Map.entry(APIEXTENSIONS + "v1.JSONSchemaPropsOrStringArray", CustomJsonTypes::schemaOrStrings),
                Map.entry(APIEXTENSIONS + "v1beta1.JSONSchemaPropsOrStringArray", CustomJsonTypes::schemaOrStrings));
    }

    /** The type's own conversion, or null for a type Go writes field by field. */
    Conversion of(Descriptor type) {
        Conversion conversion = byMessage.get(type.getFullName());
        if (conversion == null && type.getName().equals("ExtraValue") && type.getFullName().startsWith("k8s.io.api.")) {
            return (message, json) -> strings(message, "items");
        }
        return conversion;
    }

    private static JsonNode intOrString(Message message) {
        long type = (Long) field(message, "type");
        if (type == 0) {
            return MessageJson.NODES.numberNode((Integer) field(message, "intVal"));
        }
        if (type == 1) {
            return MessageJson.NODES.textNode((String) field(message, "strVal"));
        }
        throw ProtobufDecodingException.of("impossible IntOrString.Type");
    }

    private static JsonNode quantity(Message message) {
        // A Quantity message without its string is Go's zero Quantity.
        String text = has(message, "string") ? QuantityFormat.checked((String) field(message, "string")) : "0";
        return MessageJson.NODES.textNode(text);
    }

    private static JsonNode time(Message message, DateTimeFormatter format) {
        if (!has(message, "seconds") && !has(message, "nanos")) {
            return MessageJson.NODES.nullNode();
        }
        long seconds = (Long) field(message, "seconds");
        int nanos = (Integer) field(message, "nanos");
        if (seconds == GO_ZERO_TIME_SECONDS && nanos == 0) {
            return MessageJson.NODES.nullNode();
        }
        return MessageJson.NODES.textNode(format.format(Instant.ofEpochSecond(seconds, nanos)));
    }

    private static JsonNode duration(Message message) {
        return MessageJson.NODES.textNode(GoDuration.format((Long) field(message, "duration")));
    }

    private static JsonNode strings(Message message, String name) {
        ArrayNode array = MessageJson.NODES.arrayNode();
        for (Object item : (List<?>) field(message, name)) {
            array.add((String) item);
        }
        return array;
    }

    /** As Go writes the raw bytes it holds: JSON as it is; a nested Kubernetes protobuf object decoded. */
    private JsonNode embedded(Message message, String name) {
        if (!has(message, name)) {
            return MessageJson.NODES.nullNode();
        }
        byte[] raw = ((ByteString) field(message, name)).toByteArray();
        if (Envelope.hasMagic(raw)) {
            return nestedObjects.apply(raw);
        }
        try {
            JsonNode parsed = MAPPER.readTree(raw);
            return parsed == null || parsed.isMissingNode() ? MessageJson.NODES.nullNode() : parsed;
        } catch (JsonProcessingException e) {
            throw notJson(message, e.getOriginalMessage());
        } catch (IOException e) {
            throw notJson(message, e.getMessage());
        }
    }

    private static ProtobufDecodingException notJson(Message message, String why) {
        return ProtobufDecodingException.of(message.getDescriptorForType().getName()
                + " holds neither JSON nor a Kubernetes protobuf object: " + why);
    }

    private static JsonNode schemaOrBool(Message message, MessageJson json) {
        if (has(message, "schema")) {
            return json.value((Message) field(message, "schema"));
        }
        return MessageJson.NODES.booleanNode((Boolean) field(message, "allows"));
    }

    private static JsonNode schemaOrArray(Message message, MessageJson json) {
        if (has(message, "jSONSchemas")) {
            ArrayNode array = MessageJson.NODES.arrayNode();
            for (Object schema : (List<?>) field(message, "jSONSchemas")) {
                array.add(json.value((Message) schema));
            }
            return array;
        }
        return has(message, "schema") ? json.value((Message) field(message, "schema")) : MessageJson.NODES.nullNode();
    }

    private static JsonNode schemaOrStrings(Message message, MessageJson json) {
        if (has(message, "property")) {
            return strings(message, "property");
        }
        return has(message, "schema") ? json.value((Message) field(message, "schema")) : MessageJson.NODES.nullNode();
    }

    private static Object field(Message message, String name) {
        return message.getField(declared(message, name));
    }

    private static boolean has(Message message, String name) {
        FieldDescriptor field = declared(message, name);
        return field.isRepeated() ? message.getRepeatedFieldCount(field) > 0 : message.hasField(field);
    }

    private static FieldDescriptor declared(Message message, String name) {
        return message.getDescriptorForType().findFieldByName(name);
    }
}
