package io.statefulapps.embedded.sim;

import java.time.Instant;
import java.util.Collection;

/**
 * One simulated control loop, driven by what changed: its informer event handlers put keys
 * ({@code namespace/name}, or a name for cluster-scoped objects) on its {@link #queue()}, and
 * {@link #reconcile} looks at one key at a time, reading the informer caches and writing only
 * what differs.
 */
interface Controller {

    /** The keys waiting to be looked at. */
    WorkQueue queue();

    /**
     * Brings the object with that key where it should be; returns when to look at it again (a
     * delay of this controller's falling due), or null when only a change can make a difference.
     */
    Instant reconcile(String key);

    /** Every key this controller could be asked about, for the slow safety-net resync. */
    Collection<String> allKeys();
}
