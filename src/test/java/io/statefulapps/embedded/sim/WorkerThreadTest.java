package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The simulator on its own thread with a clock that only a test moves: changes are acted on at
 * once, delays only when the clock has passed them (the thread looks at the clock every tick).
 */
class WorkerThreadTest extends SimulatorTestBase {

    @Override
    protected SimulatorSettings settings() {
        Duration hour = Duration.ofHours(1);
        return new SimulatorSettings(Duration.ofMillis(25), hour, hour, hour, hour, hour, hour);
    }

    @Override
    protected Clock clock() {
        return manualClock;
    }

    @Test
    void changesAreActedOnAtOnceAndDelaysWhenTheClockPassesThem() {
        client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("waiting")
                .endMetadata().withNewSpec().addNewContainer().withName("main").withImage("nginx:1.27").endContainer()
                .endSpec().build()).create();
        await("bound and reported by its kubelet", () -> pod("waiting").getStatus().getStartTime() != null);
        Pod bound = pod("waiting");
        assertEquals("ContainerCreating", bound.getStatus().getContainerStatuses().get(0).getState().getWaiting()
                .getReason());

        manualClock.advance(Duration.ofHours(3));
        await("running and ready once the clock has passed the delays", () -> ready(pod("waiting")));
    }
}
