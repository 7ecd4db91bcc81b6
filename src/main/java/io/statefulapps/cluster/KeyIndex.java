package io.statefulapps.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The keys of a store's objects by one index value (an app, a Service, a node, the object an event
 * is about), kept by the store as objects come and go. It replaces Fabric8's indexers, which keep a
 * concurrent set (and its table) per value: here a value maps to the one key an app usually has, or
 * to an array of keys, about a tenth of the size. Written only under the store's lock (the informer
 * cache serializes puts and removes); read from any thread, since arrays are replaced, never changed.
 */
final class KeyIndex<T> {

    private final Function<T, String> valueOf;
    private final Map<String, Object> keysByValue = new ConcurrentHashMap<>();

    /** @param valueOf the index value of an object, null when it has none */
    KeyIndex(Function<T, String> valueOf) {
        this.valueOf = valueOf;
    }

    /** The keys of the objects whose index value is {@code value}, in no particular order. */
    List<String> keys(String value) {
        Object keys = value == null ? null : keysByValue.get(value);
        if (keys == null) {
            return List.of();
        }
        return keys instanceof String key ? List.of(key) : Arrays.asList((String[]) keys);
    }

    /** The object under {@code key} is now {@code now}; it was {@code before} (null when new). */
    void replaced(String key, T before, T now) {
        if (before == null) {
            added(key, now);
        } else if (!Objects.equals(valueOf.apply(before), valueOf.apply(now))) {
            removed(key, before);
            added(key, now);
        }
    }

    void added(String key, T object) {
        String value = valueOf.apply(object);
        if (value != null) {
            keysByValue.merge(value, key, (held, added) -> with(held, key));
        }
    }

    void removed(String key, T object) {
        String value = valueOf.apply(object);
        if (value != null) {
            keysByValue.computeIfPresent(value, (v, held) -> without(held, key));
        }
    }

    private static Object with(Object held, String key) {
        if (held instanceof String one) {
            return one.equals(key) ? one : new String[] {one, key};
        }
        String[] keys = (String[]) held;
        if (Arrays.asList(keys).contains(key)) {
            return keys;
        }
        String[] more = Arrays.copyOf(keys, keys.length + 1);
        more[keys.length] = key;
        return more;
    }

    private static Object without(Object held, String key) {
        if (held instanceof String one) {
            return one.equals(key) ? null : one;
        }
        String[] keys = (String[]) held;
        List<String> rest = new ArrayList<>(Arrays.asList(keys));
        if (!rest.remove(key)) {
            return keys;
        }
        return rest.size() == 1 ? rest.get(0) : rest.toArray(String[]::new);
    }
}
