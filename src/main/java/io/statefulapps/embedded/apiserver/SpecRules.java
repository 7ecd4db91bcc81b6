package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statefulapps.kubernetes.LabelSelectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The create/update validation of the real API server that a server-side dry run is expected
 * to catch, with its field paths and messages: label syntax, a StatefulSet's selector and
 * template, Service ports, a claim's access modes and size.
 */
final class SpecRules {

    private SpecRules() {
    }

    static List<ApiException.Cause> check(ResourceType type, ObjectNode obj) {
        List<ApiException.Cause> causes = new ArrayList<>();
        labels(obj.path("metadata").path("labels"), "metadata.labels", causes);
        JsonNode spec = obj.path("spec");
        switch (type.plural()) {
            case "statefulsets" -> statefulSet(spec, causes);
            case "deployments" -> workload(spec, "deployment", causes);
            case "rolebindings", "clusterrolebindings" -> {
                if (obj.path("roleRef").path("name").asText("").isEmpty()) {
                    causes.add(new ApiException.Cause("FieldValueRequired", "roleRef.name", "Required value"));
                }
            }
            case "services" -> service(spec, causes);
            case "persistentvolumeclaims" -> claim(spec, "spec", causes);
            default -> {
                // no spec rules modelled
            }
        }
        return causes;
    }

    private static void statefulSet(JsonNode spec, List<ApiException.Cause> causes) {
        workload(spec, "statefulset", causes);
        int i = 0;
        for (JsonNode claim : spec.path("volumeClaimTemplates")) {
            claim(claim.path("spec"), "spec.volumeClaimTemplates[" + i++ + "].spec", causes);
        }
    }

    /** Replicas, a selector that selects the template's labels, and containers: common to the workloads. */
    private static void workload(JsonNode spec, String kind, List<ApiException.Cause> causes) {
        if (spec.path("replicas").asInt(0) < 0) {
            causes.add(invalid("spec.replicas", spec.get("replicas").asText(), "must be greater than or equal to 0"));
        }
        JsonNode matchLabels = spec.path("selector").path("matchLabels");
        boolean noSelector = spec.path("selector").isMissingNode() || spec.path("selector").isNull();
        if (noSelector) {
            causes.add(new ApiException.Cause("FieldValueRequired", "spec.selector", "Required value"));
        } else if (matchLabels.isEmpty() && spec.path("selector").path("matchExpressions").isEmpty()) {
            causes.add(invalid("spec.selector", spec.get("selector").toString(), "empty selector is invalid for " + kind));
        }
        JsonNode templateLabels = spec.path("template").path("metadata").path("labels");
        if (!noSelector && !LabelSelectors.matches(stringMap(matchLabels), stringMap(templateLabels))) {
            causes.add(invalid("spec.template.metadata.labels", goMap(templateLabels),
                    "`selector` does not match template `labels`"));
        }
        labels(templateLabels, "spec.template.metadata.labels", causes);
        if (spec.path("template").path("spec").path("containers").isEmpty()) {
            causes.add(new ApiException.Cause("FieldValueRequired", "spec.template.spec.containers", "Required value"));
        }
    }

    private static void service(JsonNode spec, List<ApiException.Cause> causes) {
        boolean headless = "None".equals(spec.path("clusterIP").asText(""));
        if (spec.path("ports").isEmpty() && !headless && !"ExternalName".equals(spec.path("type").asText(""))) {
            causes.add(new ApiException.Cause("FieldValueRequired", "spec.ports", "Required value"));
        }
        int i = 0;
        for (JsonNode port : spec.path("ports")) {
            int p = port.path("port").asInt(0);
            if (p < 1 || p > 65535) {
                causes.add(invalid("spec.ports[" + i + "].port", Integer.toString(p), "must be between 1 and 65535, inclusive"));
            }
            i++;
        }
    }

    private static void claim(JsonNode spec, String path, List<ApiException.Cause> causes) {
        if (spec.path("accessModes").isEmpty()) {
            causes.add(new ApiException.Cause("FieldValueRequired", path + ".accessModes",
                    "Required value: at least 1 access mode is required"));
        }
        if (spec.path("resources").path("requests").path("storage").isMissingNode()) {
            causes.add(new ApiException.Cause("FieldValueRequired", path + ".resources[storage]", "Required value"));
        }
    }

    private static void labels(JsonNode labels, String field, List<ApiException.Cause> causes) {
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String keyProblem = LabelRules.keyProblem(key);
            if (keyProblem != null) {
                causes.add(invalid(field, key, keyProblem));
            }
            String value = e.getValue().asText("");
            String valueProblem = LabelRules.valueProblem(value);
            if (valueProblem != null) {
                causes.add(invalid(field, value, valueProblem));
            }
        }
    }

    private static ApiException.Cause invalid(String field, String value, String why) {
        String shown = value.startsWith("map[") || value.startsWith("{") || value.matches("-?\\d+") ? value
                : "\"" + value + "\"";
        return new ApiException.Cause("FieldValueInvalid", field, "Invalid value: " + shown + ": " + why);
    }

    /** Go's %#v of a map[string]string, as the real message shows it. */
    private static String goMap(JsonNode labels) {
        List<String> entries = new ArrayList<>();
        labels.fields().forEachRemaining(e -> entries.add("\"" + e.getKey() + "\":\"" + e.getValue().asText() + "\""));
        return "map[string]string{" + String.join(", ", entries) + "}";
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new HashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
