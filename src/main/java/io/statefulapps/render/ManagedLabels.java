package io.statefulapps.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The labels this service puts on everything it creates, and how to recognize its objects.
 *
 * <p>The selector is only the seed's {@code app: <name>}: selectors of a StatefulSet are
 * immutable, so it must never grow, and pods created from the seed's manifests keep matching.
 */
public final class ManagedLabels {

    /** The seed's label, and the whole selector. */
    public static final String APP = "app";
    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "stateful-apps-api";

    /** Keys the service owns: a spec's extra {@code labels} cannot set them (validation refuses them). */
    public static final Set<String> RESERVED_KEYS = Set.of(APP, NAME, INSTANCE, MANAGED_BY);

    private ManagedLabels() {
    }

    /** {@code {app: <name>}}: the selector of the StatefulSet and both Services. */
    public static Map<String, String> selector(String appName) {
        return Map.of(APP, appName);
    }

    /** The four managed labels of an app, {@code app} first. */
    public static Map<String, String> of(String appName) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(APP, appName);
        labels.put(NAME, appName);
        labels.put(INSTANCE, appName);
        labels.put(MANAGED_BY, MANAGED_BY_VALUE);
        return Collections.unmodifiableMap(labels);
    }

    /** The managed labels followed by the spec's extra labels; a reserved key never comes from the extras. */
    public static Map<String, String> withExtra(String appName, Map<String, String> extra) {
        Map<String, String> labels = new LinkedHashMap<>(of(appName));
        if (extra != null) {
            extra.forEach((key, value) -> {
                if (!isReserved(key)) {
                    labels.put(key, value);
                }
            });
        }
        return Collections.unmodifiableMap(labels);
    }

    /** The labels that are not the service's own: what a spec's {@code labels} said. */
    public static Map<String, String> extraOf(Map<String, String> labels) {
        Map<String, String> extra = new LinkedHashMap<>();
        if (labels != null) {
            labels.forEach((key, value) -> {
                if (!isReserved(key)) {
                    extra.put(key, value);
                }
            });
        }
        return Collections.unmodifiableMap(extra);
    }

    public static boolean isReserved(String key) {
        return RESERVED_KEYS.contains(key);
    }

    /** Whether this service created the object (it carries {@code managed-by: stateful-apps-api}). */
    public static boolean isManaged(HasMetadata object) {
        return MANAGED_BY_VALUE.equals(label(object, MANAGED_BY));
    }

    /** The app an object belongs to: its {@code instance} label, else the seed's {@code app}; null if neither. */
    public static String appName(HasMetadata object) {
        String instance = label(object, INSTANCE);
        return instance != null ? instance : label(object, APP);
    }

    private static String label(HasMetadata object, String key) {
        if (object == null || object.getMetadata() == null || object.getMetadata().getLabels() == null) {
            return null;
        }
        return object.getMetadata().getLabels().get(key);
    }
}
