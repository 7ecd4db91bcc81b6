package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Pod;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The pods a StatefulSet's last look created or deleted that the informer has not shown yet (as
 * client-go's ControllerExpectations): until it has, the set is not looked at again, so a stale
 * cache never makes it create a pod twice or count a deleted one. Informer events lower the
 * expectations; a forgotten one lapses after {@link #TIMEOUT}, as the real controller's do.
 */
final class StatefulSetExpectations {

    static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** By set: what it awaits ("+" pod key to appear, "-" pod uid to vanish) and since when. */
    private final Map<String, Map<String, Instant>> bySet = new HashMap<>();
    /** Each awaited token's set. */
    private final Map<String, String> setOf = new HashMap<>();

    synchronized void expectCreation(String statefulSet, String podKey, Instant now) {
        expect(statefulSet, "+" + podKey, now);
    }

    synchronized void expectDeletion(String statefulSet, String podUid, Instant now) {
        expect(statefulSet, "-" + podUid, now);
    }

    /** The creation was refused: nothing will show. */
    synchronized void lowerCreation(String statefulSet, String podKey) {
        lowerIn(statefulSet, "+" + podKey);
        setOf.remove("+" + podKey, statefulSet);
    }

    /** The deletion did not happen (the pod was gone already, or it was refused). */
    synchronized void lowerDeletion(String statefulSet, String podUid) {
        lowerIn(statefulSet, "-" + podUid);
        setOf.remove("-" + podUid, statefulSet);
    }

    /** The informer showed a pod (added or changed): a creation of that name is no longer awaited. */
    synchronized void shown(Pod pod) {
        lower("+" + ClusterInformers.keyOf(pod));
    }

    /** The informer showed a pod gone. */
    synchronized void gone(Pod pod) {
        lower("-" + pod.getMetadata().getUid());
    }

    /** True when nothing the set did is still unseen (or what is has waited too long). */
    synchronized boolean satisfied(String statefulSet, Instant now) {
        Map<String, Instant> awaited = bySet.get(statefulSet);
        return awaited == null || awaited.values().stream().allMatch(since -> !now.isBefore(since.plus(TIMEOUT)));
    }

    synchronized void forget(String statefulSet) {
        Map<String, Instant> awaited = bySet.remove(statefulSet);
        if (awaited != null) {
            awaited.keySet().forEach(setOf::remove);
        }
    }

    private void expect(String statefulSet, String token, Instant now) {
        String previous = setOf.put(token, statefulSet);
        if (previous != null && !previous.equals(statefulSet)) {
            lowerIn(previous, token);
        }
        bySet.computeIfAbsent(statefulSet, s -> new HashMap<>()).put(token, now);
    }

    private void lower(String token) {
        String statefulSet = setOf.remove(token);
        if (statefulSet != null) {
            lowerIn(statefulSet, token);
        }
    }

    private void lowerIn(String statefulSet, String token) {
        Map<String, Instant> awaited = bySet.get(statefulSet);
        if (awaited != null) {
            awaited.remove(token);
            if (awaited.isEmpty()) {
                bySet.remove(statefulSet);
            }
        }
    }
}
