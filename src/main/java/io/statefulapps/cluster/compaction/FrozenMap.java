package io.statefulapps.cluster.compaction;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An immutable map on one array, in the order of the map it copies (label maps are small: a
 * linear scan beats hashing, and the JSON order is what callers iterate in). About a quarter of a
 * {@code LinkedHashMap}'s size. {@code get(null)} answers null, as a {@code LinkedHashMap} does.
 */
// Jackson writes these where an app's spec is read back from the cache (GET of an app) and in the
// reports; the native executable keeps their class metadata for its introspection.
@RegisterForReflection
final class FrozenMap<V> extends AbstractMap<String, V> {

    private final Object[] keysAndValues;
    private final int hash;

    private FrozenMap(Object[] keysAndValues, int hash) {
        this.keysAndValues = keysAndValues;
        this.hash = hash;
    }

    /**
     * @param map    not empty, no null key
     * @param keys   what to keep of each key (a shared instance)
     * @param values what to keep of each value
     */
    static <V> FrozenMap<V> copyOf(Map<String, V> map, UnaryOperator<String> keys, UnaryOperator<V> values) {
        Object[] array = new Object[map.size() * 2];
        int i = 0;
        int hash = 0;
        for (Map.Entry<String, V> entry : map.entrySet()) {
            String key = keys.apply(entry.getKey());
            V value = entry.getValue() == null ? null : values.apply(entry.getValue());
            array[i++] = key;
            array[i++] = value;
            hash += key.hashCode() ^ (value == null ? 0 : value.hashCode());
        }
        return new FrozenMap<>(array, hash);
    }

    @Override
    public int size() {
        return keysAndValues.length / 2;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : (V) keysAndValues[at + 1];
    }

    private int indexOf(Object key) {
        if (key == null) {
            return -1;
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (key.equals(keysAndValues[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FrozenMap<?> frozen && sameInOrder(this, frozen) || super.equals(other);
    }

    /** The same entries in the same order: one may stand for the other wherever order shows. */
    static boolean sameInOrder(FrozenMap<?> one, FrozenMap<?> other) {
        return one.hash == other.hash && Arrays.equals(one.keysAndValues, other.keysAndValues);
    }

    /** For maps that {@link #sameInOrder}: whether each amount is also written the same way. */
    static boolean sameText(FrozenMap<?> one, FrozenMap<?> other) {
        for (int i = 1; i < one.keysAndValues.length; i += 2) {
            if (one.keysAndValues[i] instanceof Quantity mine && other.keysAndValues[i] instanceof Quantity theirs
                    && !(Objects.equals(mine.getAmount(), theirs.getAmount())
                            && Objects.equals(mine.getFormat(), theirs.getFormat()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keysAndValues.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<String, V> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, V> entry = new AbstractMap.SimpleImmutableEntry<>(
                                (String) keysAndValues[next], (V) keysAndValues[next + 1]);
                        next += 2;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return keysAndValues.length / 2;
            }
        };
    }
}
