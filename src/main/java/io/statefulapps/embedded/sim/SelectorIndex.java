package io.statefulapps.embedded.sim;

import io.statefulapps.kubernetes.LabelSelectors;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Objects that select pods by an equality selector (Services, StatefulSets), found from a pod's
 * labels without looking at every selector of the namespace. Each selector is filed under one of
 * its pairs, the one with the fewest selectors so far, so a pair every app shares (a managed-by
 * label) never makes a long list; a pod looks under each of its own pairs and checks the full
 * selector. Thread-safe: informer threads write it, the controllers' thread reads it.
 */
final class SelectorIndex {

    private record Filed(String namespace, Map<String, String> selector, String pair) {
    }

    private final Map<String, Filed> byKey = new HashMap<>();
    private final Map<String, Set<String>> byPair = new HashMap<>();

    /** Files (or refiles) an object's selector; an empty or missing selector selects nothing. */
    synchronized void put(String key, String namespace, Map<String, String> selector) {
        remove(key);
        if (selector == null || selector.isEmpty()) {
            return;
        }
        String best = null;
        int fewest = Integer.MAX_VALUE;
        for (Map.Entry<String, String> e : selector.entrySet()) {
            String pair = pair(namespace, e.getKey(), e.getValue());
            int size = byPair.getOrDefault(pair, Set.of()).size();
            if (size < fewest) {
                best = pair;
                fewest = size;
            }
        }
        byKey.put(key, new Filed(namespace, Map.copyOf(selector), best));
        byPair.computeIfAbsent(best, p -> new HashSet<>()).add(key);
    }

    synchronized void remove(String key) {
        Filed old = byKey.remove(key);
        if (old != null) {
            Set<String> keys = byPair.get(old.pair());
            keys.remove(key);
            if (keys.isEmpty()) {
                byPair.remove(old.pair());
            }
        }
    }

    /** The keys of the objects in the namespace whose selector the labels satisfy. */
    synchronized Set<String> matching(String namespace, Map<String, String> labels) {
        Set<String> result = new HashSet<>();
        if (labels == null) {
            return result;
        }
        for (Map.Entry<String, String> e : labels.entrySet()) {
            for (String key : byPair.getOrDefault(pair(namespace, e.getKey(), e.getValue()), Set.of())) {
                if (LabelSelectors.matches(byKey.get(key).selector(), labels)) {
                    result.add(key);
                }
            }
        }
        return result;
    }

    private static String pair(String namespace, String key, String value) {
        return namespace + "/" + key + "=" + value;
    }
}
