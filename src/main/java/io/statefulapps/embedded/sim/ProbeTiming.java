package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;

import java.time.Duration;

/**
 * How long after it started a container's probes let it count as Ready. The kubelet's probe
 * workers skip every probe until initialDelaySeconds have passed since the container started, and
 * a container with a startup probe is not Ready before that probe passed: so the first moment is
 * the later of the two initial delays, and never sooner than the simulator's podReadyDelay (which
 * alone applies to a container without probes).
 */
final class ProbeTiming {

    private ProbeTiming() {
    }

    static Duration untilReady(Container c, SimulatorSettings settings) {
        Duration delay = settings.podReadyDelay();
        delay = later(delay, initialDelay(c.getReadinessProbe()));
        return later(delay, initialDelay(c.getStartupProbe()));
    }

    /** How often a readiness probe runs once it runs (the API's default: 10 seconds). */
    static Duration readinessPeriod(Container c) {
        Probe probe = c.getReadinessProbe();
        return Duration.ofSeconds(probe == null || probe.getPeriodSeconds() == null ? 10 : probe.getPeriodSeconds());
    }

    private static Duration initialDelay(Probe probe) {
        return probe == null || probe.getInitialDelaySeconds() == null ? Duration.ZERO
                : Duration.ofSeconds(Math.max(0, probe.getInitialDelaySeconds()));
    }

    private static Duration later(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
