package io.statefulapps.embedded.sim;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A set's pods land on different nodes, as kube-scheduler's default scoring spreads them. */
class SchedulingSpreadTest extends SimulatorTestBase {

    @Override
    protected boolean driven() {
        return true;
    }

    @Test
    void threePodsOnThreeNodesGoOneToEachInNameOrder() {
        create(statefulSet("spread", 3, "nginx:1.27"));
        runUntil("ready", () -> ready(pod("spread-0")) && ready(pod("spread-1")) && ready(pod("spread-2")));
        List<String> nodes = List.of("spread-0", "spread-1", "spread-2").stream()
                .map(p -> pod(p).getSpec().getNodeName()).toList();
        assertEquals(List.of("sim-node-1", "sim-node-2", "sim-node-3"), nodes);
    }
}
