package io.statefulapps.spec;

import io.fabric8.kubernetes.api.model.EnvVarSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** The container and pod fields: image, pull policy and secrets, command, env, tolerations, service account. */
final class ContainerRules {

    private ContainerRules() {
    }

    static void check(AppSpec spec, FieldErrors errors) {
        checkImage(spec.image(), errors);
        errors.oneOf("imagePullPolicy", spec.imagePullPolicy(), AppSpecValidator.IMAGE_PULL_POLICIES);
        noNullElements("command", spec.command(), errors);
        noNullElements("args", spec.args(), errors);
        checkEnv(spec.env(), errors);
        List<String> secrets = spec.imagePullSecrets();
        if (secrets != null) {
            for (int i = 0; i < secrets.size(); i++) {
                String secret = secrets.get(i);
                String field = FieldErrors.at("imagePullSecrets", i);
                if (secret == null) {
                    errors.add(field, "must be the name of a Secret, not null");
                } else {
                    errors.addAll(field, secret, KubernetesNames.dns1123Subdomain(secret));
                }
            }
        }
        TolerationRules.check(spec.tolerations(), errors);
        if (spec.serviceAccountName() != null) {
            errors.addAll("serviceAccountName", spec.serviceAccountName(),
                    KubernetesNames.dns1123Subdomain(spec.serviceAccountName()));
        }
    }

    private static void checkImage(String image, FieldErrors errors) {
        if (image == null || image.isBlank()) {
            errors.add("image", "is required: the container image to run, e.g. registry.example/app:1.0");
        } else if (image.chars().anyMatch(Character::isWhitespace)) {
            errors.add("image", "'" + image + "' must not contain whitespace");
        }
    }

    static void noNullElements(String field, List<String> values, FieldErrors errors) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                errors.add(FieldErrors.at(field, i), "must be a string, not null");
            }
        }
    }

    private static void checkEnv(List<EnvVarSpec> env, FieldErrors errors) {
        if (env == null) {
            return;
        }
        Map<String, Integer> firstIndexByName = new HashMap<>();
        errors.eachItem("env", env, "an environment variable {name, value}", (var, field, i) -> {
            if (var.name() == null || var.name().isEmpty()) {
                errors.add(field + ".name", "is required");
            } else {
                errors.addAll(field + ".name", var.name(), KubernetesNames.envVarName(var.name()));
                Integer first = firstIndexByName.putIfAbsent(var.name(), i);
                if (first != null) {
                    errors.add(field + ".name", "'" + var.name() + "' is already set by env[" + first + "]");
                }
            }
            // Neither value nor valueFrom is the empty value, as in Kubernetes: the API server drops
            // "value": "" (omitempty), so that is also how an empty value reads back from the cluster.
            if (var.value() != null && var.valueFrom() != null) {
                errors.add(field, "must have either value or valueFrom, not both");
            } else if (var.valueFrom() != null) {
                checkSource(field + ".valueFrom", var.valueFrom(), errors);
            }
        });
    }

    private static void checkSource(String field, EnvVarSource source, FieldErrors errors) {
        long sources = Stream.of(source.getFieldRef(), source.getResourceFieldRef(), source.getConfigMapKeyRef(),
                source.getSecretKeyRef(), source.getFileKeyRef()).filter(Objects::nonNull).count();
        if (sources != 1) {
            errors.add(field, "must have exactly one of fieldRef, resourceFieldRef, configMapKeyRef,"
                    + " secretKeyRef or fileKeyRef, got " + sources);
        }
        EnvSourceRules.check(field, source, errors);
    }
}
