package io.statefulapps.cluster.compaction;

import java.util.function.BiPredicate;

/**
 * Shares equal immutable values (strings, frozen label maps) through a fixed table: a value
 * found in its slot is returned instead of the new one, otherwise the new one takes the slot.
 * The table never grows and holds at most its size in values, so memory stays bounded whatever
 * the cluster holds; a collision only costs a missed share. Values that are shared across apps
 * (namespaces, label keys, images, "True") stay in their slots because they keep coming back.
 *
 * <p>Informer threads share it without locks: a slot holds a reference to an immutable object
 * (final fields), so a racing read sees either the old or the new value, both correct answers.
 */
final class BoundedInterner<T> {

    private final Object[] slots;
    private final int mask;
    private final BiPredicate<T, T> same;

    /**
     * @param slotsPowerOfTwo the table has {@code 2^slotsPowerOfTwo} slots (4 bytes each)
     * @param same            when a held value may stand for a new one (stricter than equals for maps,
     *                        whose order callers see)
     */
    BoundedInterner(int slotsPowerOfTwo, BiPredicate<T, T> same) {
        if (slotsPowerOfTwo < 4 || slotsPowerOfTwo > 24) {
            throw new IllegalArgumentException("2^" + slotsPowerOfTwo + " slots is out of range 2^4..2^24");
        }
        this.slots = new Object[1 << slotsPowerOfTwo];
        this.mask = slots.length - 1;
        this.same = same;
    }

    /** The shared instance that may stand for {@code value} (which must be immutable), or {@code value} itself. */
    @SuppressWarnings("unchecked")
    T intern(T value) {
        if (value == null) {
            return null;
        }
        int hash = value.hashCode();
        int slot = (hash ^ (hash >>> 16)) & mask;
        T held = (T) slots[slot];
        if (held != null && same.test(held, value)) {
            return held;
        }
        slots[slot] = value;
        return value;
    }
}
