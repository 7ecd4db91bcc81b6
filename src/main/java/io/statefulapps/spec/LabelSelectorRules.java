package io.statefulapps.spec;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;

/** Label selectors (as in pod affinity terms): the API server's rules for matchLabels and matchExpressions. */
final class LabelSelectorRules {

    static final List<String> OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist");

    private LabelSelectorRules() {
    }

    static void check(String field, LabelSelector selector, FieldErrors errors) {
        if (selector == null) {
            return;
        }
        // a selector matches label keys and values, so it must be made of valid ones
        MetadataRules.labels(field + ".matchLabels", selector.getMatchLabels(), false, errors);
        List<LabelSelectorRequirement> requirements = selector.getMatchExpressions();
        if (requirements == null) {
            return;
        }
        for (int i = 0; i < requirements.size(); i++) {
            String item = FieldErrors.at(field + ".matchExpressions", i);
            LabelSelectorRequirement requirement = requirements.get(i);
            if (requirement == null) {
                errors.add(item, "must be a requirement {key, operator, values}, not null");
                continue;
            }
            if (errors.required(item + ".key", requirement.getKey(), "the label key to match, e.g. app")) {
                errors.addAll(item + ".key", requirement.getKey(), KubernetesNames.qualifiedName(requirement.getKey()));
            }
            String operator = requirement.getOperator();
            if (errors.required(item + ".operator", operator, "one of " + String.join(", ", OPERATORS))) {
                errors.oneOf(item + ".operator", operator, OPERATORS);
            }
            List<String> values = requirement.getValues();
            boolean hasValues = values != null && !values.isEmpty();
            if (("In".equals(operator) || "NotIn".equals(operator)) && !hasValues) {
                errors.add(item + ".values", "must have at least one value when operator is " + operator);
            } else if (("Exists".equals(operator) || "DoesNotExist".equals(operator)) && hasValues) {
                errors.add(item + ".values", "must be empty when operator is " + operator
                        + " (it matches on the key alone)");
            } else if (hasValues) {
                labelValues(item + ".values", values, errors);
            }
        }
    }

    private static void labelValues(String field, List<String> values, FieldErrors errors) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                errors.add(FieldErrors.at(field, i), "must be a label value (a string), not null");
            } else {
                errors.addAll(FieldErrors.at(field, i), value, KubernetesNames.labelValue(value));
            }
        }
    }
}
