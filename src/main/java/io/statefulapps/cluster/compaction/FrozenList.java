package io.statefulapps.cluster.compaction;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list of two or more elements on one exact-size array (one or none take
 * {@code Collections.singletonList} and {@code Collections.emptyList}). Unlike {@code List.of} it
 * answers {@code contains(null)} with false, as the {@code ArrayList} it replaces did.
 */
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
