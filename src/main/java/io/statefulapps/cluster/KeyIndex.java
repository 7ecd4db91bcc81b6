package io.statefulapps.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A store's objects by one index value (an app, a Service, a node, the object an event is about),
 * kept by the store as objects come, change and go. It replaces Fabric8's indexers, which keep a
 * concurrent set of keys (and its table) per value: here a value maps to the one object an app
 * usually has, or to an array of them, about a tenth of the size, and a look-up needs no key.
 * Written only under the store's lock; read from any thread, since arrays are replaced, never
 * changed.
 */
final class KeyIndex<T> {

    private final Function<T, String> valueOf;
    private final Map<String, Object> objectsByValue = new ConcurrentHashMap<>();

    /** @param valueOf the index value of an object, null when it has none */
    KeyIndex(Function<T, String> valueOf) {
        this.valueOf = valueOf;
    }

    /** The objects whose index value is {@code value}, in no particular order. */
    @SuppressWarnings("unchecked")
    List<T> objects(String value) {
        Object held = value == null ? null : objectsByValue.get(value);
        if (held == null) {
            return List.of();
        }
        return held instanceof Object[] many ? (List<T>) Arrays.asList(many) : List.of((T) held);
    }

    /** The store now holds {@code now} where it held {@code before} (null when new). */
    void replaced(T before, T now) {
        if (before == null) {
            added(now);
            return;
        }
        String was = valueOf.apply(before);
        String is = valueOf.apply(now);
        if (Objects.equals(was, is)) {
            if (is != null) {
                objectsByValue.computeIfPresent(is, (v, held) -> swapped(held, before, now));
            }
        } else {
            removed(before);
            added(now);
        }
    }

    void added(T object) {
        String value = valueOf.apply(object);
        if (value != null) {
            objectsByValue.merge(value, object, (held, added) -> with(held, object));
        }
    }

    void removed(T object) {
        String value = valueOf.apply(object);
        if (value != null) {
            objectsByValue.computeIfPresent(value, (v, held) -> without(held, object));
        }
    }

    private static Object with(Object held, Object object) {
        Object[] objects = held instanceof Object[] many ? many : new Object[] {held};
        Object[] more = Arrays.copyOf(objects, objects.length + 1);
        more[objects.length] = object;
        return more;
    }

    private static Object without(Object held, Object object) {
        if (!(held instanceof Object[] objects)) {
            return held == object ? null : held;
        }
        int at = indexOf(objects, object);
        if (at < 0) {
            return held;
        }
        if (objects.length == 2) {
            return objects[1 - at];
        }
        Object[] fewer = new Object[objects.length - 1];
        System.arraycopy(objects, 0, fewer, 0, at);
        System.arraycopy(objects, at + 1, fewer, at, objects.length - at - 1);
        return fewer;
    }

    private static Object swapped(Object held, Object before, Object now) {
        if (!(held instanceof Object[] objects)) {
            return held == before ? now : with(held, now);
        }
        int at = indexOf(objects, before);
        if (at < 0) {
            return with(held, now);
        }
        Object[] copy = objects.clone();
        copy[at] = now;
        return copy;
    }

    private static int indexOf(Object[] objects, Object object) {
        for (int i = 0; i < objects.length; i++) {
            if (objects[i] == object) {
                return i;
            }
        }
        return -1;
    }
}
