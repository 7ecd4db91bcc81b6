package io.statefulapps.kubernetes;

import java.util.function.BiPredicate;
import java.util.function.ToIntFunction;

/**
 * Shares equal immutable values (strings, frozen label maps) through a fixed table: a value
 * found in its slot is returned instead of the new one, otherwise the new one takes the slot.
 * The table never grows and holds at most its size in values, so memory stays bounded whatever
 * the cluster holds; a collision only costs a missed share. Values that are shared across apps
 * (namespaces, label keys, images, "True") stay in their slots because they keep coming back.
 *
 * <p>The watch cache's compaction and the simulated controllers' JSON reading
 * ({@link SharedStringDeserializer}) use it. Informer threads share it without locks: a slot holds a reference to an immutable object
 * (final fields), so a racing read sees either the old or the new value, both correct answers.
 */
public final class BoundedInterner<T> {

    private final Object[] slots;
    // The hash of what each slot holds: a value whose hash differs is told apart without loading
    // the held object from memory (most values met once, uids and IPs, would cost a cache miss each).
    private final int[] hashes;
    private final int mask;
    private final BiPredicate<T, T> same;
    private final ToIntFunction<T> hash;

    /**
     * @param slotsPowerOfTwo the table has {@code 2^slotsPowerOfTwo} slots (8 bytes each)
     * @param same            when a held value may stand for a new one (stricter than equals for maps,
     *                        whose order callers see)
     */
    public BoundedInterner(int slotsPowerOfTwo, BiPredicate<T, T> same) {
        this(slotsPowerOfTwo, same, Object::hashCode);
    }

    /** @param hash equal for values {@code same} holds equal (and cheap: it is taken of every value) */
    public BoundedInterner(int slotsPowerOfTwo, BiPredicate<T, T> same, ToIntFunction<T> hash) {
        if (slotsPowerOfTwo < 4 || slotsPowerOfTwo > 24) {
            throw new IllegalArgumentException("2^" + slotsPowerOfTwo + " slots is out of range 2^4..2^24");
        }
        this.slots = new Object[1 << slotsPowerOfTwo];
        this.hashes = new int[slots.length];
        this.mask = slots.length - 1;
        this.same = same;
        this.hash = hash;
    }

    /** The shared instance that may stand for {@code value} (which must be immutable), or {@code value} itself. */
    @SuppressWarnings("unchecked")
    public T intern(T value) {
        if (value == null) {
            return null;
        }
        int h = hash.applyAsInt(value);
        int slot = (h ^ (h >>> 16)) & mask;
        // Racing threads may pair a slot's value with another value's hash: the hash only decides
        // whether to compare, and same() decides, so a mismatch only costs a missed share.
        if (hashes[slot] == h) {
            T held = (T) slots[slot];
            if (held != null && same.test(held, value)) {
                return held;
            }
        }
        slots[slot] = value;
        hashes[slot] = h;
        return value;
    }
}
