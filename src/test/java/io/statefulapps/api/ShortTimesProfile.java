package io.statefulapps.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Deadlines and waits short enough to watch them pass in a test (one application for all such tests). */
public class ShortTimesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("stateful-apps.health.load-balancer-deadline", "10s",
                "stateful-apps.health.recheck-interval", "200ms",
                "stateful-apps.writes.abandoned-after", "10s",
                "stateful-apps.health.stale-after", "3s");
    }
}
