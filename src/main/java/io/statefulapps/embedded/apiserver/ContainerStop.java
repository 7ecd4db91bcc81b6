package io.statefulapps.embedded.apiserver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The time a gracefully deleted pod's containers take to stop. A real kubelet confirms the deletion
 * (a delete with period 0) a second or more after the mark: it stops the containers and needs a
 * PLEG relist (every second) to see them gone. The simulated kubelet confirms within milliseconds,
 * and a StatefulSet then re-creates the pod under the same name at once; kubectl 1.32's wait after
 * {@code kubectl delete} (GET, then a list and a check of its cache up to 100 ms later) can then
 * find the new pod and wait forever for its DELETED event (kubernetes/kubernetes#135563). So a
 * period-0 delete of a pod marked less than {@link #TIME} ago removes it only once that time has
 * passed since the mark. Guarded by the store's write lock.
 */
final class ContainerStop {

    static final Duration TIME = Duration.ofSeconds(1);

    private final ObjectStore store;
    private final GarbageCollector gc;
    private final DelayedTasks later;
    private static final Duration RECHECK = Duration.ofMillis(50);
    private final Clock clock;
    /** When each pod's graceful deletion began, by uid; only the last {@link #TIME} matter. */
    private final Map<String, Instant> began = new HashMap<>();

    ContainerStop(ObjectStore store, GarbageCollector gc, DelayedTasks later, Clock clock) {
        this.store = store;
        this.gc = gc;
        this.later = later;
        this.clock = clock;
    }

    void began(String uid) {
        Instant now = clock.instant();
        began.values().removeIf(at -> !at.plus(TIME).isAfter(now));
        began.putIfAbsent(uid, now);
    }

    /** Deletes the pod now, or once its containers stopped; answers the pod as it is after this call. */
    StoredObject deleteWhenStopped(ResourceType pods, StoredObject pod, String policy) {
        Instant at = began.get(pod.uid());
        Duration left = at == null ? Duration.ZERO : Duration.between(clock.instant(), at.plus(TIME));
        if (left.isNegative() || left.isZero()) {
            began.remove(pod.uid());
            return gc.delete(pods, pod, policy);
        }
        // Looked at again in steps of real time, the wait measured on the clock: a test's clock that
        // jumps ahead must not leave the pod waiting a second of wall time per delete.
        later.schedule(left.compareTo(RECHECK) < 0 ? left : RECHECK, () -> store.write(() -> {
            StoredObject now = store.get(pods, pod.namespace(), pod.name());
            return now != null && now.uid().equals(pod.uid()) ? deleteWhenStopped(pods, now, policy) : null;
        }));
        return pod;
    }
}
