package io.statefulapps.spec;

import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;

/** The pod's tolerations (Fabric8's model, passed through): the API server's rules for them. */
final class TolerationRules {

    static final List<String> OPERATORS = List.of("Equal", "Exists");
    static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    private TolerationRules() {
    }

    static void check(List<Toleration> tolerations, FieldErrors errors) {
        if (tolerations == null) {
            return;
        }
        for (int i = 0; i < tolerations.size(); i++) {
            String field = FieldErrors.at("tolerations", i);
            Toleration toleration = tolerations.get(i);
            if (toleration == null) {
                errors.add(field, "must be a toleration {key, operator, value, effect}, not null");
                continue;
            }
            String key = toleration.getKey();
            String operator = toleration.getOperator();
            boolean exists = "Exists".equals(operator);
            if (key != null && !key.isEmpty()) {
                errors.addAll(field + ".key", key, KubernetesNames.qualifiedName(key));
            } else if (!exists) {
                errors.add(field + ".operator", "must be Exists when key is empty (that tolerates every taint)");
            }
            if (operator != null && !operator.isEmpty()) {
                errors.oneOf(field + ".operator", operator, OPERATORS);
            }
            String value = toleration.getValue();
            if (exists && value != null && !value.isEmpty()) {
                errors.add(field + ".value", "must be empty when operator is Exists");
            } else if (!exists && value != null) {
                errors.addAll(field + ".value", value, KubernetesNames.labelValue(value));
            }
            String effect = toleration.getEffect();
            if (effect != null && !effect.isEmpty()) {
                errors.oneOf(field + ".effect", effect, EFFECTS);
            }
            if (toleration.getTolerationSeconds() != null && !"NoExecute".equals(effect)) {
                errors.add(field + ".tolerationSeconds", "is only allowed with effect NoExecute");
            }
        }
    }
}
