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
        HealthReport report = HealthAssessor.assess(fixture.build(), TestSettings.DEFAULTS);
        List<String> seen = report.events().stream().map(e -> e.object() + " " + e.reason() + " x" + e.count()).toList();
        assertEquals(List.of("Service/eureka SyncLoadBalancerFailed x1", "Pod/eureka-1 BackOff x7",
                "PersistentVolumeClaim/data-eureka-0 FailedMount x1"), seen);
        assertEquals(SnapshotFixture.NOW.minusSeconds(120), report.events().get(1).lastSeen());

        HealthSettings two = TestSettings.DEFAULTS.withMaxEvents(2);
        assertEquals(2, HealthAssessor.assess(fixture.build(), two).events().size());
    }

    @Test
    void eventsBelongToTheirObjectByKindAndUid() {
        // the StatefulSet and the client Service are both called "eureka"
        SnapshotFixture fixture = healthyApp("eureka", 2)
                .withEventFor("Service", "eureka", SnapshotFixture.uid("Service", "eureka"), "SyncLoadBalancerFailed",
                        "no LB", minutesAgo(1))
                .withEventFor("StatefulSet", "eureka", SnapshotFixture.uid("StatefulSet", "eureka"), "FailedCreate",
                        "quota", minutesAgo(2))
                .withEventFor("StatefulSet", "eureka", SnapshotFixture.uid("Service", "eureka"), "Mixed", "uid of the Service",
                        minutesAgo(3))
                .withEventFor("Pod", "eureka-1", "uid-of-an-earlier-eureka-1", "BackOff", "earlier pod", minutesAgo(4))
                .withEventFor("Pod", "eureka-1", HealthCases.podUid(1), "BackOff", "this pod", minutesAgo(5));
        HealthReport report = HealthAssessor.assess(fixture.build(), TestSettings.DEFAULTS);
        List<String> seen = report.events().stream().map(e -> e.object() + " " + e.reason() + " " + e.message()).toList();
        assertEquals(List.of("Service/eureka SyncLoadBalancerFailed no LB", "StatefulSet/eureka FailedCreate quota",
                "Pod/eureka-1 BackOff this pod"), seen);
    }

    @Test
    void anEventWithoutUidIsMatchedByKindAndName() {
        HealthReport report = HealthAssessor.assess(healthyApp("eureka", 2)
                .withEvent("StatefulSet", "eureka", "FailedCreate", "quota", minutesAgo(1), 1)
                .withEvent("Pod", "eureka-7", "BackOff", "no such pod", minutesAgo(1), 1).build(), TestSettings.DEFAULTS);
        assertEquals(List.of("StatefulSet/eureka"), report.events().stream().map(EventReport::object).toList());
    }
}
