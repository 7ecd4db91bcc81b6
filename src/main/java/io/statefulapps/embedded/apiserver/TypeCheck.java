package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses a body with a value of the wrong type ({@code "replicas": "three"}), as kube-apiserver's
 * decoding into the typed object does: a 400 in its words ({@code StatefulSet in version "v1" cannot
 * be handled as a StatefulSet: json: cannot unmarshal string into Go struct field
 * StatefulSetSpec.spec.replicas of type int32}). Stored, such an object stopped every typed watch
 * of its kind, the simulated controllers' and the service's alike.
 */
final class TypeCheck {

    private static final ObjectMapper TYPED = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    private static final Map<Class<?>, String> GO_TYPES = Map.of(Integer.class, "int32", int.class, "int32",
            Long.class, "int64", long.class, "int64", Boolean.class, "bool", boolean.class, "bool",
            String.class, "string", Double.class, "float64", double.class, "float64");

    private TypeCheck() {
    }

    /** Throws the 400 when {@code object} (a whole object, or a merge patch of one) has a value of the wrong type. */
    static void check(ResourceType type, JsonNode object) {
        if (type.model() == null || !(object instanceof ObjectNode)) {
            return;
        }
        try {
            TYPED.treeToValue(object, type.model());
        } catch (MismatchedInputException e) {
            throw ApiException.badRequest(prefix(type) + describe(object, e));
        } catch (IOException | IllegalArgumentException e) {
            String message = e instanceof JsonMappingException m ? m.getOriginalMessage() : e.getMessage();
            throw ApiException.badRequest(prefix(type) + message);
        }
    }

    private static String prefix(ResourceType type) {
        return type.kind() + " in version \"" + type.version() + "\" cannot be handled as a " + type.kind() + ": ";
    }

    /** {@code json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32}. */
    private static String describe(JsonNode object, MismatchedInputException e) {
        List<String> fields = new ArrayList<>();
        JsonNode value = object;
        String holder = object.path("kind").asText("");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (ref.getFrom() != null && fields.size() > 0) {
                    holder = (ref.getFrom() instanceof Class<?> c ? c : ref.getFrom().getClass()).getSimpleName();
                }
                fields.add(ref.getFieldName());
                value = value == null ? null : value.get(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                value = value == null ? null : value.get(ref.getIndex());
            }
        }
        Class<?> target = e.getTargetType();
        String goType = target == null ? "the declared type" : GO_TYPES.getOrDefault(target, goName(target));
        return "json: cannot unmarshal " + jsonType(value) + " into Go struct field " + holder + "."
                + String.join(".", fields) + " of type " + goType;
    }

    private static String goName(Class<?> type) {
        if (List.class.isAssignableFrom(type)) {
            return "[]";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "map[string]string";
        }
        String pkg = type.getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1).replace("model", "v1") + "." + type.getSimpleName();
    }

    private static String jsonType(JsonNode value) {
        if (value == null) {
            return "value";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        return value.isArray() ? "array" : value.isObject() ? "object" : "value";
    }
}
