package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** One rule of a Role or ClusterRole, as a value; it matches requests as {@link RuleMatch} says. */
public record PolicyRule(List<String> verbs, List<String> apiGroups, List<String> resources,
        List<String> resourceNames, List<String> nonResourceURLs) {

    public PolicyRule {
        verbs = List.copyOf(verbs);
        apiGroups = List.copyOf(apiGroups);
        resources = List.copyOf(resources);
        resourceNames = List.copyOf(resourceNames);
        nonResourceURLs = List.copyOf(nonResourceURLs);
    }

    /** A rule as stored; absent lists are empty. */
    public static PolicyRule of(JsonNode rule) {
        return new PolicyRule(strings(rule.path("verbs")), strings(rule.path("apiGroups")),
                strings(rule.path("resources")), strings(rule.path("resourceNames")),
                strings(rule.path("nonResourceURLs")));
    }

    /** Every rule of a Role or ClusterRole object. */
    public static List<PolicyRule> ofRole(JsonNode role) {
        List<PolicyRule> rules = new ArrayList<>();
        for (JsonNode rule : role.path("rules")) {
            rules.add(of(rule));
        }
        return rules;
    }

    public boolean allows(RequestAttributes request) {
        return RuleMatch.allows(toJson(), request);
    }

    /** The rule as JSON, with the fields kube-apiserver omits when empty left out. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        put(node, "verbs", verbs, true);
        put(node, "apiGroups", apiGroups, false);
        put(node, "resources", resources, false);
        put(node, "resourceNames", resourceNames, false);
        put(node, "nonResourceURLs", nonResourceURLs, false);
        return node;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asText());
        }
        return values;
    }

    private static void put(ObjectNode node, String field, List<String> values, boolean always) {
        if (always || !values.isEmpty()) {
            values.forEach(node.putArray(field)::add);
        }
    }
}
