package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every delay is measured on the injected Clock, so a test can hold time still and move it. */
class ControlledClockTest extends SimulatorTestBase {

    @Override
    protected boolean driven() {
        return true;
    }

    @Override
    protected SimulatorSettings settings() {
        // an hour for everything: nothing happens unless the clock is moved
        Duration hour = Duration.ofHours(1);
        return new SimulatorSettings(Duration.ofMillis(25), hour, hour, hour, hour, hour, hour);
    }

    @Test
    void delaysElapseOnlyWhenTheClockMoves() {
        client.services().inNamespace("default").resource(new ServiceBuilder().withNewMetadata().withName("lb")
                .endMetadata()
                .withNewSpec().withType("LoadBalancer").addToSelector("app", "lb").addNewPort().withPort(80).endPort()
                        .endSpec()
                .build()).create();
        create(statefulSet("slow", 1, "nginx:1.27").editSpec().withVolumeClaimTemplates().endSpec());
        runUntil("pod bound, sandbox not started", () -> pod("slow-0") != null && pod("slow-0").getStatus() != null
                && pod("slow-0").getStatus().getStartTime() != null);
        driver.advance(Duration.ofMillis(50), 6);
        assertEquals("Pending", pod("slow-0").getStatus().getPhase());
        assertEquals("ContainerCreating", pod("slow-0").getStatus().getContainerStatuses().get(0).getState()
                .getWaiting()
                .getReason());
        assertTrue(lbEmpty());

        manualClock.advance(Duration.ofHours(3));
        runUntil("pod running and ready, address assigned", () -> ready(pod("slow-0")) && !lbEmpty());
        assertEquals("2026-01-01T00:00:00Z", pod("slow-0").getStatus().getStartTime());
    }

    private boolean lbEmpty() {
        Service s = client.services().inNamespace("default").withName("lb").get();
        return s.getStatus() == null || s.getStatus().getLoadBalancer() == null
                || s.getStatus().getLoadBalancer().getIngress().isEmpty();
    }
}
