package io.statefulapps.embedded.apiserver.rbac;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a stored rule ({@code verbs}, {@code apiGroups}, {@code resources}, {@code resourceNames},
 * {@code nonResourceURLs}) allows a request, read straight from its JSON so that a decision
 * allocates nothing: verbs, API groups and resources by equality or {@code *}; a resource
 * {@code pods/log} names a subresource and {@code *}{@code /log} that subresource of every
 * resource; resource names, when listed, must contain the request's name (so a rule with names
 * never grants list or create, which have none); non-resource URLs by equality, {@code *}, or a
 * prefix ending in {@code *}.
 */
final class RuleMatch {

    static final String ALL = "*";

    private RuleMatch() {
    }

    static boolean allows(JsonNode rule, RequestAttributes request) {
        if (!contains(rule.path("verbs"), request.verb())) {
            return false;
        }
        if (!request.resourceRequest()) {
            return urlMatches(rule.path("nonResourceURLs"), request.path());
        }
        return contains(rule.path("apiGroups"), request.apiGroup()) && resourceMatches(rule.path("resources"), request)
                && nameMatches(rule.path("resourceNames"), request.name());
    }

    private static boolean resourceMatches(JsonNode resources, RequestAttributes request) {
        String sub = request.subresource();
        for (JsonNode node : resources) {
            String r = node.asText();
            if (r.equals(ALL) || matchesCombined(r, request.resource(), sub)) {
                return true;
            }
            if (!sub.isEmpty() && r.length() == sub.length() + 2 && r.startsWith("*/") && r.endsWith(sub)) {
                return true;
            }
        }
        return false;
    }

    /** {@code r} equals {@code resource} or {@code resource/sub}, without building the latter. */
    private static boolean matchesCombined(String r, String resource, String sub) {
        if (sub.isEmpty()) {
            return r.equals(resource);
        }
        return r.length() == resource.length() + 1 + sub.length() && r.startsWith(resource)
                && r.charAt(resource.length()) == '/' && r.endsWith(sub);
    }

    private static boolean nameMatches(JsonNode names, String name) {
        return names.isEmpty() || containsExactly(names, name);
    }

    private static boolean urlMatches(JsonNode urls, String path) {
        for (JsonNode node : urls) {
            String url = node.asText();
            if (url.equals(ALL) || url.equals(path)) {
                return true;
            }
            if (url.endsWith(ALL) && path.startsWith(url.replaceAll("\\*+$", ""))) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode values, String value) {
        for (JsonNode node : values) {
            String v = node.asText();
            if (v.equals(ALL) || v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsExactly(JsonNode values, String value) {
        for (JsonNode node : values) {
            if (node.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
