package io.statefulapps.spec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Labels, annotations and the node selector: keys and values as Kubernetes defines them. */
final class MetadataRules {

    /** The keys the service sets itself: they select the pods, so a spec may not change them. */
    static final List<String> RESERVED_LABELS =
            List.of("app", "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/managed-by");

    /** Kubernetes' limit on the annotations of one object: keys and values together, in bytes. */
    static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;

    private MetadataRules() {
    }

    static void check(AppSpec spec, FieldErrors errors) {
        labels("labels", spec.labels(), true, errors);
        annotations("podAnnotations", spec.podAnnotations(), errors);
        labels("nodeSelector", spec.nodeSelector(), false, errors);
    }

    static void labels(String mapField, Map<String, String> labels, boolean reserveSelectorKeys,
            FieldErrors errors) {
        if (labels == null) {
            return;
        }
        FieldErrors.sortedByKey(labels).forEach((key, value) -> {
            String field = FieldErrors.key(mapField, key);
            errors.addAll(field, key, KubernetesNames.qualifiedName(key));
            if (reserveSelectorKeys && RESERVED_LABELS.contains(key)) {
                errors.add(field, "'" + key + "' is set by the service (the Services and the StatefulSet select"
                        + " pods by it); choose another key");
            }
            if (value == null) {
                errors.add(field, "must be a string (it may be \"\"), not null");
            } else {
                errors.addAll(field, value, KubernetesNames.labelValue(value));
            }
        });
    }

    static void annotations(String mapField, Map<String, String> annotations, FieldErrors errors) {
        if (annotations == null) {
            return;
        }
        long bytes = 0;
        for (Map.Entry<String, String> entry : FieldErrors.sortedByKey(annotations).entrySet()) {
            String key = entry.getKey();
            String field = FieldErrors.key(mapField, key);
            // the API server checks annotation keys in lower case
            errors.addAll(field, key, KubernetesNames.qualifiedName(key.toLowerCase(Locale.ROOT)));
            if (entry.getValue() == null) {
                errors.add(field, "must be a string (it may be \"\"), not null");
            } else {
                bytes += entry.getValue().getBytes(StandardCharsets.UTF_8).length;
            }
            bytes += key.getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > ANNOTATIONS_MAX_BYTES) {
            errors.add(mapField, "total size " + bytes + " bytes is more than the " + ANNOTATIONS_MAX_BYTES
                    + " bytes Kubernetes allows for the annotations of one object");
        }
    }
}
