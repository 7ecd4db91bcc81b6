package io.statefulapps.embedded.apiserver;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The objects of one kind in one namespace by label: key, then value, then names. Most label
 * values name one object (a pod's own name, an app's instance), so a value holds a bare name until
 * a second object shares it; that keeps the index a fraction of the objects' size.
 */
final class LabelIndex {

    private final Map<String, Map<String, Object>> byKey = new HashMap<>();

    void add(String name, Map<String, String> labels) {
        labels.forEach((key, value) -> byKey.computeIfAbsent(key, k -> new HashMap<>())
                .merge(value, name, LabelIndex::union));
    }

    void remove(String name, Map<String, String> labels) {
        labels.forEach((key, value) -> {
            Map<String, Object> values = byKey.get(key);
            if (values == null) {
                return;
            }
            values.computeIfPresent(value, (v, names) -> without(names, name));
            if (values.isEmpty()) {
                byKey.remove(key);
            }
        });
    }

    /**
     * The names that can match the selector, taken from its most selective requirement that only
     * labelled objects meet; null when no requirement narrows (the caller scans the namespace).
     */
    Set<String> candidates(LabelSelector selector) {
        Set<String> best = null;
        for (LabelSelector.Requirement r : selector.requirements()) {
            if (!r.narrows()) {
                continue;
            }
            Set<String> names = names(r);
            if (best == null || names.size() < best.size()) {
                best = names;
            }
            if (best.isEmpty()) {
                return best;
            }
        }
        return best;
    }

    private Set<String> names(LabelSelector.Requirement r) {
        Map<String, Object> values = byKey.getOrDefault(r.key(), Map.of());
        Collection<String> wanted = r.operator() == LabelSelector.Operator.EXISTS ? values.keySet() : r.values();
        Set<String> names = new HashSet<>();
        for (String value : wanted) {
            Object held = values.get(value);
            if (held instanceof String one) {
                names.add(one);
            } else if (held instanceof Set<?> many) {
                many.forEach(n -> names.add((String) n));
            }
        }
        return names;
    }

    private static Object union(Object held, Object added) {
        if (held instanceof Set<?> set) {
            @SuppressWarnings("unchecked")
            Set<String> names = (Set<String>) set;
            names.add((String) added);
            return names;
        }
        if (held.equals(added)) {
            return held;
        }
        Set<String> names = new HashSet<>(4);
        names.add((String) held);
        names.add((String) added);
        return names;
    }

    private static Object without(Object held, String name) {
        if (held instanceof Set<?> set) {
            set.remove(name);
            return set.isEmpty() ? null : set.size() == 1 ? set.iterator().next() : set;
        }
        return held.equals(name) ? null : held;
    }
}
