package io.statefulapps.health;

import java.time.Duration;

/** Health settings for tests: the values the product ships with, written out here as test data. */
final class TestSettings {

    static final HealthSettings DEFAULTS = new HealthSettings(Duration.ofMinutes(10), Duration.ofMinutes(5),
            Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofSeconds(30), "cluster.local", 5, 20, 15);

    private TestSettings() {
    }
}
