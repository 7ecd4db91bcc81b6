package io.statefulapps.embedded.sim;

import java.time.Duration;

/** Simulator paces for tests. */
final class SimulatorSettingsFixtures {

    private SimulatorSettingsFixtures() {
    }

    /**
     * Everything scaled down: a whole pod life in well under a second, a lost node's pods evicted
     * after two seconds, a volume that does not mount reported as timed out after one.
     */
    static SimulatorSettings fast() {
        return new SimulatorSettings(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(100),
                Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofMillis(200),
                Duration.ofSeconds(2), Duration.ofSeconds(1), true);
    }
}
