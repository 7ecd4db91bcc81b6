package io.statefulapps.health;

import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static io.statefulapps.health.SnapshotFixture.minutesAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventSelectorTest {

    @Test
    void warningsOfTheAppOnlyNewestFirstFoldedAndBounded() {
        SnapshotFixture fixture = healthyApp("eureka", 2)
                .withEvent("Pod", "eureka-1", "BackOff", "Back-off restarting failed container", minutesAgo(9), 4)
                .withEvent("Pod", "eureka-1", "BackOff", "Back-off restarting failed container", minutesAgo(2), 3)
                .withEvent("PersistentVolumeClaim", "data-eureka-0", "FailedMount", "timeout", minutesAgo(5), 1)
                .withEvent("Service", "eureka", "SyncLoadBalancerFailed", "no LB", minutesAgo(1), 1)
                .withEvent("Pod", "other-app-0", "BackOff", "not ours", minutesAgo(1), 1)
                .withNormalEvent("Pod", "eureka-0", "Pulled");
        HealthReport report = HealthAssessor.assess(fixture.build(), HealthSettings.defaults());
        List<String> seen = report.events().stream().map(e -> e.object() + " " + e.reason() + " x" + e.count()).toList();
        assertEquals(List.of("Service/eureka SyncLoadBalancerFailed x1", "Pod/eureka-1 BackOff x7",
                "PersistentVolumeClaim/data-eureka-0 FailedMount x1"), seen);
        assertEquals(SnapshotFixture.NOW.minusSeconds(120), report.events().get(1).lastSeen());

        HealthSettings two = new HealthSettings(null, null, null, null, null, null, null, null, 0, 2, 0);
        assertEquals(2, HealthAssessor.assess(fixture.build(), two).events().size());
    }
}
