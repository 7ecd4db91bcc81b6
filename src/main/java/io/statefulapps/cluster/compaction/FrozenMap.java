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
    // Map.hashCode(), taken when first asked for (String's idiom: a race computes it twice, the same).
    // Not ahead: a Quantity's hashCode parses its amount into a BigDecimal, and the amounts are
    // shared by their text (see textHash), so their maps' hashCode is rarely needed at all.
    private int hash;

    private FrozenMap(Object[] keysAndValues) {
        this.keysAndValues = keysAndValues;
    }

    /**
     * @param map    not empty, no null key
     * @param keys   what to keep of each key (a shared instance)
     * @param values what to keep of each value
     */
    static <V> FrozenMap<V> copyOf(Map<String, V> map, UnaryOperator<String> keys, UnaryOperator<V> values) {
        Object[] array = new Object[map.size() * 2];
        int i = 0;
        for (Map.Entry<String, V> entry : map.entrySet()) {
            array[i++] = keys.apply(entry.getKey());
            array[i++] = entry.getValue() == null ? null : values.apply(entry.getValue());
        }
        return new FrozenMap<>(array);
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
        int h = hash;
        if (h == 0) {
            for (int i = 0; i < keysAndValues.length; i += 2) {
                h += keysAndValues[i].hashCode() ^ Objects.hashCode(keysAndValues[i + 1]);
            }
            hash = h;
        }
        return h;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FrozenMap<?> frozen && sameInOrder(this, frozen) || super.equals(other);
    }

    /** The same entries in the same order: one may stand for the other wherever order shows. */
    static boolean sameInOrder(FrozenMap<?> one, FrozenMap<?> other) {
        return one.hashCode() == other.hashCode() && Arrays.equals(one.keysAndValues, other.keysAndValues);
    }

    /**
     * The same keys in the same order, and values written the same way: an amount ({@link Quantity})
     * by its text ("1Gi" and "1024Mi" are equal amounts but read differently), others by equals.
     */
    static boolean sameTextInOrder(FrozenMap<?> one, FrozenMap<?> other) {
        if (one.keysAndValues.length != other.keysAndValues.length) {
            return false;
        }
        for (int i = 0; i < one.keysAndValues.length; i++) {
            Object mine = one.keysAndValues[i];
            Object theirs = other.keysAndValues[i];
            boolean same = mine instanceof Quantity q && theirs instanceof Quantity r
                    ? Objects.equals(q.getAmount(), r.getAmount()) && Objects.equals(q.getFormat(), r.getFormat())
                    : Objects.equals(mine, theirs);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** A hash of what {@link #sameTextInOrder} compares: amounts by their text, without parsing them. */
    static int textHash(FrozenMap<?> map) {
        int h = 1;
        for (Object keyOrValue : map.keysAndValues) {
            int element = keyOrValue instanceof Quantity q
                    ? 31 * Objects.hashCode(q.getAmount()) + Objects.hashCode(q.getFormat())
                    : Objects.hashCode(keyOrValue);
            h = 31 * h + element;
        }
        return h;
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
