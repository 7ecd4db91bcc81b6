package io.statefulapps.embedded.apiserver;

/**
 * apimachinery's syntax of label keys (a qualified name) and values, with its messages: what both
 * stored labels and label selectors must pass.
 */
final class LabelRules {

    // the expressions are quoted in the messages, as apimachinery does; the checks are scans (every
    // label of every write passes here, and a matcher per label was a tenth of what the simulated
    // controllers' writes allocated); LabelRulesTest holds the scans to the expressions
    static final String LABEL_VALUE = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
    static final String LABEL_NAME = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";

    private LabelRules() {
    }

    /** Null for a valid key, else why it is not. */
    static String keyProblem(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        String prefix = slash < 0 ? null : key.substring(0, slash);
        if (name.length() > 63 || name.isEmpty() || !qualifiedPart(name)
                || (prefix != null && NameRules.dns1123Subdomain(prefix) != null)) {
            return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with"
                    + " an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
                    + " validation is '" + LABEL_NAME + "')";
        }
        return null;
    }

    /** Null for a valid value, else why it is not. */
    static String valueProblem(String value) {
        if (value.length() > 63) {
            return "must be no more than 63 characters";
        }
        if (!value.isEmpty() && !qualifiedPart(value)) {
            return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.',"
                    + " and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or"
                    + " '12345', regex used for validation is '" + LABEL_VALUE + "')";
        }
        return null;
    }

    /** A non-empty string matching {@link #LABEL_NAME}: alphanumeric at both ends, '-', '_', '.' between. */
    private static boolean qualifiedPart(String s) {
        int last = s.length() - 1;
        if (!alphanumeric(s.charAt(0)) || !alphanumeric(s.charAt(last))) {
            return false;
        }
        for (int i = 1; i < last; i++) {
            char c = s.charAt(i);
            if (!alphanumeric(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean alphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
