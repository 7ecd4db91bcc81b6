package io.statefulapps.embedded.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * When something the kubelet keeps trying happens: a first attempt at {@code start}, then after
 * waits that double from {@code base} up to five minutes (its back-off for sandboxes, mounts and
 * image pulls alike).
 */
record RetrySchedule(Instant start, Duration base) {

    private static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final Duration MIN_WAIT = Duration.ofMillis(1);

    RetrySchedule {
        base = base.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : base;
    }

    /** How many attempts have happened by {@code now} (0 before the first). */
    int attemptsBy(Instant now) {
        int attempts = 0;
        Instant t = start;
        while (!t.isAfter(now)) {
            attempts++;
            t = t.plus(wait(attempts));
        }
        return attempts;
    }

    /** When attempt number {@code n} (from 1) happens. */
    Instant attempt(int n) {
        Instant t = start;
        for (int i = 1; i < n; i++) {
            t = t.plus(wait(i));
        }
        return t;
    }

    /** The first attempt after {@code now}. */
    Instant nextAfter(Instant now) {
        return attempt(attemptsBy(now) + 1);
    }

    private Duration wait(int afterAttempt) {
        Duration d = base.multipliedBy(1L << Math.min(afterAttempt - 1, 20));
        return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }
}
