package io.statefulapps.embedded.apiserver;

import java.util.regex.Pattern;

/**
 * apimachinery's syntax of label keys (a qualified name) and values, with its messages: what both
 * stored labels and label selectors must pass.
 */
final class LabelRules {

    private static final String LABEL_VALUE = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
    private static final String LABEL_NAME = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final Pattern LABEL_VALUE_PATTERN = Pattern.compile(LABEL_VALUE);
    private static final Pattern LABEL_NAME_PATTERN = Pattern.compile(LABEL_NAME);

    private LabelRules() {
    }

    /** Null for a valid key, else why it is not. */
    static String keyProblem(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        String prefix = slash < 0 ? null : key.substring(0, slash);
        if (name.length() > 63 || !LABEL_NAME_PATTERN.matcher(name).matches()
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
        if (!LABEL_VALUE_PATTERN.matcher(value).matches()) {
            return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.',"
                    + " and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or"
                    + " '12345', regex used for validation is '" + LABEL_VALUE + "')";
        }
        return null;
    }
}
