package io.statefulapps.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The name rules the Kubernetes API server enforces (apimachinery's {@code validation} package),
 * as pure functions. Each returns the list of problems with a value; an empty list means valid,
 * so callers can report every problem at once. Messages are written to be shown to a user.
 */
public final class KubernetesNames {

    public static final int DNS1123_LABEL_MAX = 63;
    public static final int DNS1123_SUBDOMAIN_MAX = 253;
    public static final int DNS1035_LABEL_MAX = 63;
    public static final int QUALIFIED_NAME_MAX = 63;
    public static final int LABEL_VALUE_MAX = 63;
    public static final int IANA_SVC_NAME_MAX = 15;

    private static final Pattern DNS1035_LABEL_RE = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUALIFIED_NAME_PART_RE =
            Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern IANA_SVC_NAME_RE = Pattern.compile("[-a-z0-9]+");
    // any case: an upper-case name is already told it must be lower-case
    private static final Pattern HAS_LETTER_RE = Pattern.compile(".*[a-zA-Z].*");
    private static final Pattern ENV_VAR_NAME_RE = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    private KubernetesNames() {
    }

    // The two DNS-1123 checks run on every health GET (the path's namespace and name): written as
    // scans, not as apimachinery's expressions, since the regex matchers were 5 % of a GET's time.

    public static boolean isDns1123Label(String value) {
        return value != null && value.length() <= DNS1123_LABEL_MAX && dns1123LabelShape(value, 0, value.length());
    }

    public static boolean isDns1123Subdomain(String value) {
        return value != null && value.length() <= DNS1123_SUBDOMAIN_MAX && dns1123SubdomainShape(value);
    }

    /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} over {@code value[from, to)}. */
    private static boolean dns1123LabelShape(String value, int from, int to) {
        if (to <= from || !lowerAlphanumeric(value.charAt(from)) || !lowerAlphanumeric(value.charAt(to - 1))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = value.charAt(i);
            if (c != '-' && !lowerAlphanumeric(c)) {
                return false;
            }
        }
        return true;
    }

    /** Labels joined by single dots: {@code label(\.label)*}. */
    private static boolean dns1123SubdomainShape(String value) {
        int from = 0;
        while (true) {
            int dot = value.indexOf('.', from);
            int to = dot < 0 ? value.length() : dot;
            if (!dns1123LabelShape(value, from, to)) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            from = dot + 1;
        }
    }

    private static boolean lowerAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    public static boolean isDns1035Label(String value) {
        return value != null && dns1035Label(value).isEmpty();
    }

    public static boolean isQualifiedName(String value) {
        return value != null && qualifiedName(value).isEmpty();
    }

    public static boolean isLabelValue(String value) {
        return value != null && labelValue(value).isEmpty();
    }

    public static boolean isIanaServiceName(String value) {
        return value != null && ianaServiceName(value).isEmpty();
    }

    /** A DNS-1123 label: the shape of most object names (StatefulSets, volumes, claim templates). */
    public static List<String> dns1123Label(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > DNS1123_LABEL_MAX) {
            problems.add(tooLong(DNS1123_LABEL_MAX));
        }
        if (!dns1123LabelShape(value, 0, value.length())) {
            problems.add("must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending"
                    + " with a letter or digit (e.g. 'my-name' or '123-abc')");
        }
        return problems;
    }

    /** A DNS-1123 subdomain: dot-separated DNS-1123 labels, at most 253 characters. */
    public static List<String> dns1123Subdomain(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > DNS1123_SUBDOMAIN_MAX) {
            problems.add(tooLong(DNS1123_SUBDOMAIN_MAX));
        }
        if (!dns1123SubdomainShape(value)) {
            problems.add("must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and"
                    + " ending with a letter or digit (e.g. 'example.com')");
        }
        return problems;
    }

    /** A DNS-1035 label: what Service names must be (they become DNS names, so a letter comes first). */
    public static List<String> dns1035Label(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > DNS1035_LABEL_MAX) {
            problems.add(tooLong(DNS1035_LABEL_MAX));
        }
        if (!DNS1035_LABEL_RE.matcher(value).matches()) {
            problems.add("must be a DNS-1035 label: lower-case letters, digits and '-', starting with a letter"
                    + " and ending with a letter or digit (e.g. 'my-name' or 'abc-123')");
        }
        return problems;
    }

    /**
     * A qualified name, the shape of label and annotation keys: an optional DNS-1123 subdomain prefix
     * and '/', then a name of at most 63 characters of alphanumerics, '-', '_' and '.', starting and
     * ending with an alphanumeric.
     */
    public static List<String> qualifiedName(String value) {
        List<String> problems = new ArrayList<>();
        String name = value;
        int slash = value.indexOf('/');
        if (slash >= 0) {
            String prefix = value.substring(0, slash);
            name = value.substring(slash + 1);
            if (prefix.isEmpty()) {
                problems.add("prefix part must be non-empty");
            } else {
                dns1123Subdomain(prefix).forEach(p -> problems.add("prefix part " + p));
            }
        }
        if (name.isEmpty()) {
            problems.add("name part must be non-empty");
            return problems;
        }
        if (name.length() > QUALIFIED_NAME_MAX) {
            problems.add("name part " + tooLong(QUALIFIED_NAME_MAX));
        }
        if (!QUALIFIED_NAME_PART_RE.matcher(name).matches()) {
            problems.add("name part must consist of letters, digits, '-', '_' or '.', and must start and end"
                    + " with a letter or digit (e.g. 'MyName', 'my.name' or 'example.com/my_name')");
        }
        return problems;
    }

    /** A label value: empty, or at most 63 characters of the qualified-name alphabet. */
    public static List<String> labelValue(String value) {
        List<String> problems = new ArrayList<>();
        if (value.isEmpty()) {
            return problems;
        }
        if (value.length() > LABEL_VALUE_MAX) {
            problems.add(tooLong(LABEL_VALUE_MAX));
        }
        if (!QUALIFIED_NAME_PART_RE.matcher(value).matches()) {
            problems.add("must be empty or consist of letters, digits, '-', '_' or '.', starting and ending"
                    + " with a letter or digit (e.g. 'MyValue' or 'my_value')");
        }
        return problems;
    }

    /**
     * An IANA service name, the shape of port names: at most 15 characters, lower-case letters, digits
     * and '-', at least one letter, no '-' at either end and no "--".
     */
    public static List<String> ianaServiceName(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > IANA_SVC_NAME_MAX) {
            problems.add(tooLong(IANA_SVC_NAME_MAX));
        }
        if (!IANA_SVC_NAME_RE.matcher(value).matches()) {
            problems.add("must contain only lower-case letters, digits and '-'");
        }
        if (value.contains("--")) {
            problems.add("must not contain consecutive hyphens");
        }
        if (value.startsWith("-") || value.endsWith("-")) {
            problems.add("must not begin or end with a hyphen");
        }
        if (!HAS_LETTER_RE.matcher(value).matches()) {
            problems.add("must contain at least one letter (a-z)");
        }
        return problems;
    }

    /** A container environment variable name, e.g. {@code JAVA_OPTS} or {@code my.setting}. */
    public static List<String> envVarName(String value) {
        if (ENV_VAR_NAME_RE.matcher(value).matches()) {
            return List.of();
        }
        return List.of("must consist of letters, digits, '_', '-' or '.', and must not start with a digit"
                + " (e.g. 'MY_VAR' or 'my.var')");
    }

    private static String tooLong(int max) {
        return "must be no more than " + max + " characters";
    }
}
