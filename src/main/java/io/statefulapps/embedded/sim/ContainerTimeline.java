package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Container;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one container is at a given moment, derived only from when it could first start and its
 * fault, so the same inputs always give the same status (nothing to persist between ticks).
 * Crash loops follow the kubelet: the first crash restarts at once, later ones wait a back-off
 * that doubles from the base up to five minutes.
 */
record ContainerTimeline(ImageFault fault, Instant begin, SimulatorSettings settings) {

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    /** A point in a crash loop: the run in progress or the last one, and the wait after it. */
    record CrashState(int restarts, Instant runStart, Instant runEnd, Instant previousStart, Instant previousEnd,
            Duration backoff, boolean running) {
    }

    CrashState crashAt(Instant now) {
        Instant start = begin;
        Instant prevStart = null;
        Instant prevEnd = null;
        int restarts = 0;
        while (true) {
            Instant end = start.plus(settings.crashAfter());
            if (now.isBefore(end)) {
                return new CrashState(restarts, start, end, prevStart, prevEnd, Duration.ZERO, true);
            }
            Duration backoff = backoff(restarts);
            Instant next = end.plus(backoff);
            if (now.isBefore(next)) {
                return new CrashState(restarts, start, end, prevStart, prevEnd, backoff, false);
            }
            prevStart = start;
            prevEnd = end;
            start = next;
            restarts++;
        }
    }

    /** The wait after crash number {@code restarts + 1}: none after the first, then base, 2x base, ... */
    Duration backoff(int restarts) {
        if (restarts == 0) {
            return Duration.ZERO;
        }
        Duration d = settings.crashLoopBackoff().multipliedBy(1L << Math.min(restarts - 1, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    boolean pullBackingOff(Instant now) {
        return !now.isBefore(begin.plus(settings.crashLoopBackoff()));
    }

    /** When the container, started at {@code begin}, first counts as Ready if nothing fails. */
    Instant readyAt(Container c) {
        return begin.plus(ProbeTiming.untilReady(c, settings));
    }

    boolean ready(Container c, Instant now) {
        return fault == ImageFault.NONE && !now.isBefore(readyAt(c));
    }
}
