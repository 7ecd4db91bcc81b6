package io.statefulapps.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The one rule for optional collections and strings: empty means absent ({@code null}).
 *
 * <p>Why: the Kubernetes API server drops empty lists, maps and strings ({@code omitempty}), so a
 * spec read back from the live objects cannot tell "empty" from "not given". Normalizing both to
 * {@code null} keeps {@code read(render(s)) == AppSpecDefaults.apply(s)} true. Copies are
 * unmodifiable and tolerate {@code null} elements (validation, not this class, refuses them).
 */
public final class EmptyAsAbsent {

    private EmptyAsAbsent() {
    }

    public static <T> List<T> list(List<T> list) {
        return list(list, UnaryOperator.identity());
    }

    /** The list with every element passed through {@code copy}, or {@code null} when empty. */
    public static <T> List<T> list(List<T> list, UnaryOperator<T> copy) {
        if (list == null || list.isEmpty()) {
            return null;
        }
        List<T> copied = new ArrayList<>(list.size());
        for (T element : list) {
            copied.add(element == null ? null : copy.apply(element));
        }
        return Collections.unmodifiableList(copied);
    }

    public static <V> Map<String, V> map(Map<String, V> map) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public static String string(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
