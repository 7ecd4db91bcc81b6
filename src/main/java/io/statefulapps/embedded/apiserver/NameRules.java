package io.statefulapps.embedded.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * metadata.name rules per kind, with the real API server's messages: Services are DNS-1035
 * labels, Namespaces DNS-1123 labels, RBAC objects path segments (so {@code system:discovery} is a
 * name), everything else DNS-1123 subdomains.
 */
final class NameRules {

    private static final String LABEL_1123 = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String SUBDOMAIN_1123 = LABEL_1123 + "(\\." + LABEL_1123 + ")*";
    private static final String LABEL_1035 = "[a-z]([-a-z0-9]*[a-z0-9])?";
    // compiled once: every create checks a name, every label key with a prefix checks that too
    private static final Pattern LABEL_1123_PATTERN = Pattern.compile(LABEL_1123);
    private static final Pattern SUBDOMAIN_1123_PATTERN = Pattern.compile(SUBDOMAIN_1123);
    private static final Pattern LABEL_1035_PATTERN = Pattern.compile(LABEL_1035);

    private NameRules() {
    }

    static List<ApiException.Cause> check(ResourceType type, String name) {
        List<ApiException.Cause> causes = new ArrayList<>();
        if (name == null || name.isEmpty()) {
            causes.add(new ApiException.Cause("FieldValueRequired", "metadata.name",
                    "Required value: name or generateName is required"));
            return causes;
        }
        String problem = switch (type.plural()) {
            case "services" -> dns1035Label(name);
            case "namespaces" -> dns1123Label(name);
            case "roles", "clusterroles", "rolebindings", "clusterrolebindings" -> pathSegment(name);
            default -> dns1123Subdomain(name);
        };
        if (problem != null) {
            causes.add(new ApiException.Cause("FieldValueInvalid", "metadata.name",
                    "Invalid value: \"" + name + "\": " + problem));
        }
        return causes;
    }

    static String dns1123Subdomain(String v) {
        return matching(v, 253, SUBDOMAIN_1123_PATTERN, "a lowercase RFC 1123 subdomain must consist of lower case"
                + " alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
                + " (e.g. 'example.com'");
    }

    /** Go's path.IsValidPathSegmentName, which RBAC names must pass. */
    static String pathSegment(String v) {
        if (v.equals(".") || v.equals("..")) {
            return "may not be '" + v + "'";
        }
        if (v.contains("/")) {
            return "may not contain '/'";
        }
        return v.contains("%") ? "may not contain '%'" : null;
    }

    static String dns1123Label(String v) {
        return matching(v, 63, LABEL_1123_PATTERN, "a lowercase RFC 1123 label must consist of lower case alphanumeric"
                + " characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or"
                + " '123-abc'");
    }

    static String dns1035Label(String v) {
        return matching(v, 63, LABEL_1035_PATTERN, "a DNS-1035 label must consist of lower case alphanumeric"
                + " characters or '-', start with an alphabetic character, and end with an alphanumeric character"
                + " (e.g. 'my-name',  or 'abc-123'");
    }

    /**
     * Null when {@code v} is at most {@code maxLength} long and matches; else what is wrong, as
     * apimachinery's validation words it ({@code rule} up to its examples).
     */
    private static String matching(String v, int maxLength, Pattern pattern, String rule) {
        if (v.length() > maxLength) {
            return "must be no more than " + maxLength + " characters";
        }
        return pattern.matcher(v).matches() ? null
                : rule + ", regex used for validation is '" + pattern.pattern() + "')";
    }
}
