package io.statefulapps.kubernetes;

import java.util.Map;

/** Equality-based label selectors ({@code spec.selector} of a Service, {@code nodeSelector}). */
public final class LabelSelectors {

    private LabelSelectors() {
    }

    /**
     * Whether every pair of the selector is among the labels. An empty selector matches everything,
     * as a {@code nodeSelector} does; callers for which an empty selector means "nothing" (a Service
     * without a selector) say so themselves.
     */
    public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        if (selector == null || selector.isEmpty()) {
            return true;
        }
        if (labels == null) {
            return false;
        }
        for (Map.Entry<String, String> pair : selector.entrySet()) {
            if (!pair.getValue().equals(labels.get(pair.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
