package io.statefulapps.spec;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An env var's {@code valueFrom} (Fabric8's model, passed through): the API server's rules for its references. */
final class EnvSourceRules {

    static final int CONFIG_MAP_KEY_MAX = 253;
    /** Keys of config maps and secrets become file names when mounted, hence this alphabet. */
    private static final Pattern CONFIG_MAP_KEY_RE = Pattern.compile("[-._a-zA-Z0-9]+");

    /** The pod fields the downward API can put in an env var (labels and annotations by key, see below). */
    static final List<String> FIELD_PATHS = List.of("metadata.name", "metadata.namespace", "metadata.uid",
            "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP",
            "status.podIPs");
    private static final Pattern LABEL_OR_ANNOTATION_PATH_RE =
            Pattern.compile("metadata\\.(labels|annotations)\\['([^']+)'\\]");

    /** The container resources the downward API can put in an env var; hugepages-<size> ones as well. */
    static final List<String> RESOURCES = List.of("limits.cpu", "limits.memory", "limits.ephemeral-storage",
            "requests.cpu", "requests.memory", "requests.ephemeral-storage");

    private EnvSourceRules() {
    }

    static void check(String field, EnvVarSource source, FieldErrors errors) {
        SecretKeySelector secret = source.getSecretKeyRef();
        if (secret != null) {
            keyRef(field + ".secretKeyRef", "Secret", secret.getName(), secret.getKey(), errors);
        }
        ConfigMapKeySelector configMap = source.getConfigMapKeyRef();
        if (configMap != null) {
            keyRef(field + ".configMapKeyRef", "ConfigMap", configMap.getName(), configMap.getKey(), errors);
        }
        ObjectFieldSelector fieldRef = source.getFieldRef();
        if (fieldRef != null) {
            fieldPath(field + ".fieldRef.fieldPath", fieldRef.getFieldPath(), errors);
        }
        ResourceFieldSelector resourceRef = source.getResourceFieldRef();
        if (resourceRef != null) {
            resource(field + ".resourceFieldRef.resource", resourceRef.getResource(), errors);
        }
    }

    private static void keyRef(String field, String kind, String name, String key, FieldErrors errors) {
        if (errors.required(field + ".name", name, "the name of the " + kind + " to read")) {
            errors.addAll(field + ".name", name, KubernetesNames.dns1123Subdomain(name));
        }
        if (errors.required(field + ".key", key, "the key in the " + kind + " whose value to use")) {
            errors.addAll(field + ".key", key, configMapKey(key));
        }
    }

    /** A key of a ConfigMap or Secret, e.g. {@code password} or {@code tls.crt}. */
    static List<String> configMapKey(String key) {
        if (key.length() > CONFIG_MAP_KEY_MAX) {
            return List.of("must be no more than " + CONFIG_MAP_KEY_MAX + " characters");
        }
        if (!CONFIG_MAP_KEY_RE.matcher(key).matches()) {
            return List.of("must consist of letters, digits, '-', '_' or '.' (e.g. 'key.name' or 'KEY_NAME')");
        }
        if (key.equals(".") || key.equals("..") || key.startsWith("..")) {
            // they would be read as directories when the keys are mounted as files
            return List.of("must not be '.' or '..', nor start with '..'");
        }
        return List.of();
    }

    private static void fieldPath(String field, String path, FieldErrors errors) {
        if (!errors.required(field, path, "the pod field to read, e.g. metadata.name or status.podIP")) {
            return;
        }
        if (FIELD_PATHS.contains(path)) {
            return;
        }
        Matcher match = LABEL_OR_ANNOTATION_PATH_RE.matcher(path);
        if (!match.matches()) {
            errors.add(field, "'" + path + "' is not supported; must be one of " + String.join(", ", FIELD_PATHS)
                    + ", metadata.labels['<key>'] or metadata.annotations['<key>']");
        } else if ("labels".equals(match.group(1))) {
            errors.addAll(field, path, KubernetesNames.qualifiedName(match.group(2)));
        } else {
            // the API server checks annotation keys in lower case
            errors.addAll(field, path, KubernetesNames.qualifiedName(match.group(2).toLowerCase(Locale.ROOT)));
        }
    }

    private static void resource(String field, String resource, FieldErrors errors) {
        if (!errors.required(field, resource, "the container resource to read, e.g. limits.memory")) {
            return;
        }
        boolean hugePages = resource.startsWith("limits.hugepages-") || resource.startsWith("requests.hugepages-");
        if (!RESOURCES.contains(resource) && !hugePages) {
            errors.add(field, "'" + resource + "' is not supported; must be one of " + String.join(", ", RESOURCES)
                    + ", limits.hugepages-<size> or requests.hugepages-<size>");
        }
    }
}
