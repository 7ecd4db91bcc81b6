package io.statefulapps.cluster.compaction;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list of two or more elements on one exact-size array (one or none take
 * {@code Collections.singletonList} and {@code Collections.emptyList}). Unlike {@code List.of} it
 * answers {@code contains(null)} with false, as the {@code ArrayList} it replaces did.
 */
// Jackson writes these where an app's spec is read back from the cache (GET of an app) and in the
// reports; the native executable keeps their class metadata for its introspection.
@RegisterForReflection
final class FrozenList<E> extends AbstractList<E> implements RandomAccess {

    private final Object[] elements;

    FrozenList(Object[] elements) {
        this.elements = elements;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) elements[index];
    }

    @Override
    public int size() {
        return elements.length;
    }
}
