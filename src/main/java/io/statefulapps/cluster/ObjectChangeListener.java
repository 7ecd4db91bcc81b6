package io.statefulapps.cluster;

/**
 * Hears each change of a watch cache store's objects, on the thread that made it (an informer's,
 * as the object is stored), in the order the store saw them.
 */
@FunctionalInterface
interface ObjectChangeListener<T> {

    /**
     * @param before the object held before, null when it was added
     * @param after  the object held now, null when it was removed
     */
    void changed(T before, T after);
}
