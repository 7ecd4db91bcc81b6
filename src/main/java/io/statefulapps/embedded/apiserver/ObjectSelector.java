package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

/**
 * A metav1.LabelSelector as an object holds it ({@code matchLabels}, {@code matchExpressions}),
 * matched against an object's labels. A missing selector selects nothing and an empty one
 * everything, as for a policy/v1 PodDisruptionBudget. The one rule for every selector an object
 * holds: budgets here, ClusterRole aggregation in {@code rbac}.
 */
public final class ObjectSelector {

    private ObjectSelector() {
    }

    /** {@code labels} as an object holds them ({@code metadata.labels}, missing for none). */
    public static boolean selects(JsonNode selector, JsonNode labels) {
        Map<String, String> map = new HashMap<>();
        labels.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return selects(selector, map);
    }

    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector == null || !selector.isObject()) {
            return false;
        }
        var wanted = selector.path("matchLabels").fields();
        while (wanted.hasNext()) {
            var label = wanted.next();
            if (!label.getValue().asText().equals(labels.get(label.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            boolean listed = false;
            for (JsonNode v : expression.path("values")) {
                listed |= v.asText().equals(value);
            }
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> listed;
                case "NotIn" -> !listed;
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
