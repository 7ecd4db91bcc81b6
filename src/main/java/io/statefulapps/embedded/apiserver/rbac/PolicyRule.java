package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One rule of a Role or ClusterRole, matched like the RBAC authorizer matches it: verbs, API groups
 * and resources by equality or {@code *}; a resource {@code pods/log} names a subresource and
 * {@code *}{@code /log} that subresource of every resource; resource names, when listed, must
 * contain the request's name (so a rule with names never grants list or create, which have none);
 * non-resource URLs by equality, {@code *}, or a prefix ending in {@code *}.
 */
public record PolicyRule(List<String> verbs, List<String> apiGroups, List<String> resources,
        List<String> resourceNames, List<String> nonResourceURLs) {

    static final String ALL = "*";

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
        if (!request.resourceRequest()) {
            return matches(verbs, request.verb()) && urlMatches(request.path());
        }
        return matches(verbs, request.verb()) && matches(apiGroups, request.apiGroup())
                && resourceMatches(request) && nameMatches(request.name());
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

    private boolean resourceMatches(RequestAttributes request) {
        String combined = request.resourceWithSubresource();
        String sub = request.subresource();
        for (String r : resources) {
            if (r.equals(ALL) || r.equals(combined)) {
                return true;
            }
            if (!sub.isEmpty() && r.equals("*/" + sub)) {
                return true;
            }
        }
        return false;
    }

    private boolean nameMatches(String name) {
        return resourceNames.isEmpty() || resourceNames.contains(name);
    }

    private boolean urlMatches(String path) {
        for (String url : nonResourceURLs) {
            if (url.equals(ALL) || url.equals(path)) {
                return true;
            }
            if (url.endsWith("*") && path.startsWith(url.replaceAll("\\*+$", ""))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(List<String> allowed, String value) {
        return allowed.contains(ALL) || allowed.contains(value);
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
