package io.statefulapps.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The errors of one validation run, in the order the rules found them. One instance per run; the
 * helpers here keep the rule classes short and their messages uniform.
 */
final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Adds every problem a {@link KubernetesNames} check found, prefixed with the offending value. */
    void addAll(String field, String value, Collection<String> problems) {
        for (String problem : problems) {
            add(field, "'" + value + "' " + problem);
        }
    }

    /** A non-null value must be one of {@code allowed} (Kubernetes enums are case-sensitive). */
    void oneOf(String field, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(field, "'" + value + "' is not supported; must be one of " + String.join(", ", allowed));
        }
    }

    void atLeast(String field, Number value, long min) {
        if (value != null && value.longValue() < min) {
            add(field, "must be greater than or equal to " + min + ", got " + value);
        }
    }

    void inRange(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            add(field, "must be between " + min + " and " + max + ", inclusive, got " + value);
        }
    }

    /** The {@code Long} fields of Fabric8's model (user and group IDs). */
    void inRange(String field, Long value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            add(field, "must be between " + min + " and " + max + ", inclusive, got " + value);
        }
    }

    /** A string the API server requires: absent and empty are the same to it. */
    boolean required(String field, String value, String what) {
        if (value == null || value.isEmpty()) {
            add(field, "is required: " + what);
            return false;
        }
        return true;
    }

    /** A rule for one item of a list field; {@code field} is its path, e.g. {@code ports[2]}. */
    interface ItemRule<T> {
        void check(T item, String field, int index);
    }

    /**
     * Checks each item of a list field. A null item cannot be checked further: it is reported as
     * "must be {@code what}, not null" and skipped.
     */
    <T> void eachItem(String list, List<T> items, String what, ItemRule<T> rule) {
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            String field = at(list, i);
            if (item == null) {
                add(field, "must be " + what + ", not null");
            } else {
                rule.check(item, field, i);
            }
        }
    }

    /** Path of a list element: {@code ports[0]}. */
    static String at(String list, int index) {
        return list + "[" + index + "]";
    }

    /** Path of a map entry in {@link FieldError}'s notation: {@code resources.requests.cpu}, {@code labels[a/b]}. */
    static String key(String map, String key) {
        return JsonPaths.mapEntry(map, key);
    }

    /** Map entries in key order, so that the errors come out in the same order for the same spec. */
    static <V> Map<String, V> sortedByKey(Map<String, V> map) {
        TreeMap<String, V> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(k == null ? "" : k, v));
        return sorted;
    }

    List<FieldError> toList() {
        return List.copyOf(errors);
    }
}
