package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A simulator told to record Warnings only: the faults still speak, the healthy life is quiet. */
class WarningEventsOnlyTest extends SimulatorTestBase {

    @Override
    protected boolean driven() {
        return true;
    }

    @Override
    protected SimulatorSettings settings() {
        SimulatorSettings fast = SimulatorSettingsFixtures.fast();
        return new SimulatorSettings(fast.tick(), fast.podStartDelay(), fast.podReadyDelay(), fast.loadBalancerDelay(),
                fast.provisionDelay(), fast.crashLoopBackoff(), fast.crashAfter(), fast.podEvictionTimeout(),
                fast.volumeMountTimeout(), false);
    }

    @Test
    void onlyWarningsAreRecorded() {
        for (String[] pod : new String[][] {{"quiet", "nginx:1.27"}, {"loud", "nginx:pullfail"}}) {
            client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName(pod[0])
                    .endMetadata().withNewSpec().addNewContainer().withName("main").withImage(pod[1]).endContainer()
                    .endSpec().build()).create();
        }
        runUntil("quiet ready, loud failing to pull", () -> ready(pod("quiet"))
                && hasEvent("loud", "Warning", "Failed", "Error: ErrImagePull"));
        driver.advance(Duration.ofMillis(100), 5);
        assertEquals(List.of(), events("quiet"), "no Scheduled, Pulled, Created, Started");
        List<Event> loud = events("loud");
        assertTrue(loud.stream().allMatch(e -> "Warning".equals(e.getType())), loud.toString());
    }
}
