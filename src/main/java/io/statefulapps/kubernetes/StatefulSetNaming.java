package io.statefulapps.kubernetes;

import java.util.OptionalInt;

/** How the StatefulSet controller names what it creates: {@code <set>-<ordinal>} and {@code <template>-<set>-<ordinal>}. */
public final class StatefulSetNaming {

    private StatefulSetNaming() {
    }

    public static String podName(String statefulSet, int ordinal) {
        return statefulSet + "-" + ordinal;
    }

    public static String claimName(String claimTemplate, String statefulSet, int ordinal) {
        return claimTemplate + "-" + podName(statefulSet, ordinal);
    }

    /** The ordinal of a pod named {@code <set>-<n>}; empty when the name is not one of the set's. */
    public static OptionalInt ordinalOf(String podName, String statefulSet) {
        if (podName == null || statefulSet == null || !podName.startsWith(statefulSet + "-")) {
            return OptionalInt.empty();
        }
        return parseOrdinal(podName.substring(statefulSet.length() + 1));
    }

    /** A non-negative decimal ordinal (the pod-index label's value, or a name's suffix); empty otherwise. */
    public static OptionalInt parseOrdinal(String text) {
        if (text == null || text.isEmpty() || text.length() > 9) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(Integer.parseInt(text));
    }
}
