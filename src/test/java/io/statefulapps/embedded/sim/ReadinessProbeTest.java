package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A readiness probe's initialDelaySeconds holds a running pod at 0/1, as the kubelet's first probe waits. */
class ReadinessProbeTest extends SimulatorTestBase {

    @Override
    protected boolean driven() {
        return true;
    }

    @Test
    void aPodIsReadyOnlyOnceItsReadinessProbesInitialDelayHasPassed() {
        create(statefulSet("plain", 1, "nginx:1.27"));
        create(statefulSet("probed", 1, "nginx:1.27").editSpec().editTemplate().editSpec().editFirstContainer()
                .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withPort(new IntOrString(8080))
                .endHttpGet().withInitialDelaySeconds(11).withPeriodSeconds(10).endReadinessProbe()
                .endContainer().endSpec().endTemplate().endSpec());
        runUntil("probed-0 running", () -> pod("probed-0") != null
                && "Running".equals(pod("probed-0").getStatus().getPhase()));
        Instant running = manualClock.instant();

        runUntil("plain-0 ready", () -> ready(pod("plain-0")));
        assertTrue(Duration.between(running, manualClock.instant()).compareTo(Duration.ofSeconds(1)) < 0,
                "a pod without probes keeps the simulator's ready delay");
        Pod waiting = pod("probed-0");
        assertFalse(ready(waiting), "Running 0/1 until the first probe");
        assertEquals("Running", waiting.getStatus().getPhase());
        assertFalse(waiting.getStatus().getContainerStatuses().get(0).getReady());

        runUntil("probed-0 ready", () -> ready(pod("probed-0")));
        Duration elapsed = Duration.between(running, manualClock.instant());
        assertTrue(elapsed.compareTo(Duration.ofMillis(10_900)) >= 0 && elapsed.compareTo(Duration.ofMillis(11_100)) <= 0,
                "Ready 11s after the container started, took " + elapsed);
    }
}
