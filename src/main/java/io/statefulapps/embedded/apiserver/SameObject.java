package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Whether a write would store what is already stored, the test kube-apiserver's GuaranteedUpdate
 * makes before it writes: compared as the typed object it decodes to, not as the bytes sent. So a
 * field's order, a number's spelling (1 or 1.0, int or long) and a field set to null instead of left
 * out make no difference.
 */
final class SameObject {

    private SameObject() {
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            return covers(a, b) && covers(b, a);
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Every non-null field of {@code a} is in {@code b} with the same value. */
    private static boolean covers(JsonNode a, JsonNode b) {
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                continue;
            }
            JsonNode other = b.get(field.getKey());
            if (other == null || other.isNull() || !same(field.getValue(), other)) {
                return false;
            }
        }
        return true;
    }
}
