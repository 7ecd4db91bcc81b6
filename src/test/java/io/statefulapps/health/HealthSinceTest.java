package io.statefulapps.health;

import static io.statefulapps.health.SnapshotFixture.NOW;
import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static io.statefulapps.health.SnapshotFixture.minutesAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code since}: first from the objects' own times, then carried from report to report. */
class HealthSinceTest {

    private static HealthReport assess(SnapshotFixture fixture) {
        return HealthAssessor.assess(fixture.build(), TestSettings.DEFAULTS);
    }

    private static HealthProblem problem(HealthReport report, Reason reason) {
        return report.problems().stream().filter(p -> p.reason() == reason).findFirst().orElseThrow();
    }

    @Test
    void theObjectsTellWhereTheyCan() {
        HealthReport crash = assess(healthyApp("eureka", 2).withPod(1, Scenarios.crashLooping()));
        // the pod's Ready condition turned False three minutes ago
        assertEquals(Instant.parse(minutesAgo(3)), problem(crash, Reason.CrashLoopBackOff).since());
        assertEquals(Instant.parse(minutesAgo(3)), crash.since(), "Degraded since its earliest Degraded problem");

        HealthReport pending = assess(healthyApp("eureka", 2).withPod(1, Scenarios.pendingScheduled(4)));
        assertEquals(Instant.parse(minutesAgo(4)), problem(pending, Reason.PodPending).since(), "a waiting pod's creation");

        HealthReport provisioning = assess(healthyApp("eureka", 2)
                .withPod(1, Scenarios.unscheduled(2, "Unschedulable", HealthCases.UNBOUND))
                .withClaim(1, Scenarios.pendingClaim("standard", 2))
                .withEvent("PersistentVolumeClaim", "data-eureka-1", "ProvisioningFailed", "quota", minutesAgo(1), 3));
        assertEquals(Instant.parse(minutesAgo(1)), problem(provisioning, Reason.ProvisioningFailed).since(),
                "the event's first occurrence");

        HealthReport healthy = assess(healthyApp("eureka", 2));
        assertEquals(Instant.parse(minutesAgo(50)), healthy.since(), "Healthy since its pods last turned ready");
    }

    @Test
    void whereTheyDoNotTheFirstReportSaysNow() {
        HealthReport dns = assess(healthyApp("eureka", 2).withEndpointIP(1, "10.0.0.99"));
        assertNull(problem(dns, Reason.DnsRecordMismatch).since());
        HealthReport carried = HealthSince.carry(null, dns);
        assertEquals(NOW, problem(carried, Reason.DnsRecordMismatch).since());
        assertEquals(NOW, carried.since());
    }

    @Test
    void sameVerdictAndSameProblemsKeepTheirSince() {
        HealthReport first = HealthSince.carry(null, assess(healthyApp("eureka", 2).withEndpointIP(1, "10.0.0.99")));
        HealthReport next = HealthSince.carry(ReportDigest.of(first), assess(healthyApp("eureka", 2)
                .withEndpointIP(1, "10.0.0.99").at(NOW.plus(Duration.ofMinutes(12)))));
        assertEquals(NOW, next.since());
        assertEquals(NOW, problem(next, Reason.DnsRecordMismatch).since());
        assertEquals(NOW, next.causes().get(0).since(), "causes carry the same times as their problems");
        assertEquals(first.fingerprint(), next.fingerprint());
    }

    @Test
    void aNewVerdictOrANewProblemBeginsNow() {
        Instant later = NOW.plus(Duration.ofMinutes(5));
        HealthReport healthy = HealthSince.carry(null, assess(healthyApp("eureka", 2)));
        HealthReport degraded = HealthSince.carry(ReportDigest.of(healthy), assess(healthyApp("eureka", 2)
                .withPod(1, Scenarios.crashLooping()).at(later)));
        assertEquals(later, degraded.since(), "the verdict changed between the two reports");
        assertEquals(later, problem(degraded, Reason.CrashLoopBackOff).since(),
                "new since the last report, whatever the pod's conditions say");

        HealthReport stillDegraded = HealthSince.carry(ReportDigest.of(degraded), assess(healthyApp("eureka", 2)
                .withPod(1, Scenarios.crashLooping()).withPod(0, Scenarios.crashLooping())
                .at(later.plus(Duration.ofMinutes(1)))));
        assertEquals(later, stillDegraded.since());
        assertEquals(later.plus(Duration.ofMinutes(1)), stillDegraded.problems().stream()
                .filter(p -> p.object().equals("Pod/eureka-0")).findFirst().orElseThrow().since());
    }

    @Test
    void aTimeInTheFutureIsNotBelieved() {
        HealthReport report = assess(healthyApp("eureka", 2).withPod(1, Scenarios.pendingScheduled(4))
                .at(Instant.parse(minutesAgo(10))));
        HealthReport carried = HealthSince.carry(null, report);
        assertEquals(report.observedAt(), problem(carried, Reason.PodPending).since(),
                "clock skew between the cluster and the service must not give a since after now");
    }
}
