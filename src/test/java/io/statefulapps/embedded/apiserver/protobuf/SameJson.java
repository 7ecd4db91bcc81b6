package io.statefulapps.embedded.apiserver.protobuf;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Field-by-field comparison of a decoded object with the JSON Go writes for it. A {@code null} in the
 * expected JSON stands for a field that may be absent: Go writes a nil pointer, slice or map that has
 * no {@code omitempty} as null, and protobuf has nothing to carry it. Numbers compare by value.
 */
final class SameJson {

    private SameJson() {
    }

    static void assertSameJson(JsonNode expected, JsonNode actual) {
        compare(expected, actual, "$");
    }

    private static void compare(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            assertTrue(actual != null && actual.isObject(), path + ": expected an object, got " + actual);
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = actual.get(field.getKey());
                String at = path + "." + field.getKey();
                if (field.getValue().isNull()) {
                    assertTrue(value == null || value.isNull(), at + ": expected null or absent, got " + value);
                } else {
                    if (value == null) {
                        fail(at + ": missing, expected " + field.getValue());
                    }
                    compare(field.getValue(), value, at);
                }
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                assertTrue(expected.has(name), path + "." + name + ": not expected, got " + actual.get(name));
            }
        } else if (expected.isArray()) {
            assertTrue(actual.isArray(), path + ": expected an array, got " + actual);
            assertEquals(expected.size(), actual.size(), path + ": array size, got " + actual);
            for (int i = 0; i < expected.size(); i++) {
                compare(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else if (expected.isNumber()) {
            assertTrue(actual.isNumber(), path + ": expected the number " + expected + ", got " + actual);
            assertEquals(0, expected.decimalValue().compareTo(actual.decimalValue()), path + ": " + actual);
        } else {
            assertEquals(expected, actual, path);
        }
    }
}
