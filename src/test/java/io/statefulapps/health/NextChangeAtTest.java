package io.statefulapps.health;

import static io.statefulapps.health.Scenarios.createdMinutesAgo;
import static io.statefulapps.health.Scenarios.notReadyFor;
import static io.statefulapps.health.Scenarios.notReadySince;
import static io.statefulapps.health.Scenarios.pendingScheduled;
import static io.statefulapps.health.Scenarios.revision;
import static io.statefulapps.health.Scenarios.withoutReadinessProbe;
import static io.statefulapps.health.SnapshotFixture.NOW;
import static io.statefulapps.health.SnapshotFixture.REV2;
import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When the report of a known situation next changes by time alone, to the nanosecond. */
class NextChangeAtTest {

    private static HealthAssessment assess(ClusterSnapshot snapshot, Instant at) {
        return HealthAssessor.assessment(NextChangeInvariantTest.at(snapshot, at), TestSettings.DEFAULTS);
    }

    private static HealthProblem problem(HealthAssessment assessment, Reason reason) {
        return assessment.report().problems().stream().filter(p -> p.reason() == reason).findFirst()
                .orElseThrow(() -> new AssertionError("no " + reason + " in " + assessment.report().problems()));
    }

    @Test
    void aSettledAppHasNoDueTime() {
        assertNull(HealthAssessor.assessment(healthyApp("eureka", 2).build(), TestSettings.DEFAULTS).nextChangeAt());
    }

    @Test
    void cachesNotSyncedHaveNoDueTime() {
        ClusterSnapshot snapshot = healthyApp("eureka", 2).withPod(1, pendingScheduled(1)).notSynced().build();
        assertNull(HealthAssessor.assessment(snapshot, TestSettings.DEFAULTS).nextChangeAt());
    }

    /** Pending deadline 5m, created a minute ago: Pending up to created + 5m inclusive, too long right after. */
    @Test
    void aPendingPodIsDueAtItsPendingDeadline() {
        ClusterSnapshot snapshot = healthyApp("eureka", 2).withPod(1, pendingScheduled(1)).build();
        Instant deadline = NOW.minus(Duration.ofMinutes(1)).plus(Duration.ofMinutes(5));
        assertEquals(deadline.plusNanos(1), assess(snapshot, NOW).nextChangeAt());
        problem(assess(snapshot, deadline), Reason.PodPending);
        problem(assess(snapshot, deadline.plusNanos(1)), Reason.PodPendingTooLong);
    }

    /** The last movement was pod 1's creation two minutes ago; the rollout deadline is 10m. */
    @Test
    void aRolloutIsDueToStallAtItsDeadline() {
        ClusterSnapshot snapshot = HealthCases.rollout()
                .withPod(1, revision(REV2).andThen(createdMinutesAgo(2))::apply).build();
        Instant deadline = NOW.minus(Duration.ofMinutes(2)).plus(Duration.ofMinutes(10));
        HealthAssessment now = assess(snapshot, NOW);
        assertEquals(deadline.plusNanos(1), now.nextChangeAt());
        assertEquals(RolloutState.Progressing, now.report().statefulSet().rollout());
        assertEquals(RolloutState.Stalled, assess(snapshot, deadline.plusNanos(1)).report().statefulSet().rollout());
    }

    /** Past its allowance, "not ready for 30m" reads "31m" on the minute: that minute is due. */
    @Test
    void aNotReadyPodsMinutesAreDueOnTheNextMinute() {
        ClusterSnapshot snapshot = healthyApp("eureka", 2).withPod(1, notReadyFor(30)).build();
        HealthAssessment now = assess(snapshot, NOW);
        assertEquals(NOW.plus(Duration.ofMinutes(1)), now.nextChangeAt());
        String message = problem(now, Reason.NotReadyTooLong).message();
        assertEquals(message, problem(assess(snapshot, now.nextChangeAt().minusNanos(1)), Reason.NotReadyTooLong).message());
        String next = problem(assess(snapshot, now.nextChangeAt()), Reason.NotReadyTooLong).message();
        assertEquals(message.replace("not ready for 30m", "not ready for 31m"), next);
    }

    /** Without probes only the 30s margin is allowed; under a minute the text counts seconds. */
    @Test
    void aNotReadyPodsSecondsAreDueOnTheNextSecond() {
        String since = SnapshotFixture.ago(Duration.ofSeconds(45));
        ClusterSnapshot snapshot = healthyApp("eureka", 2)
                .withPod(1, withoutReadinessProbe().andThen(p -> notReadySince(p, since))::apply).build();
        HealthAssessment now = assess(snapshot, NOW);
        assertEquals(NOW.plusSeconds(1), now.nextChangeAt());
        assertTrue(problem(now, Reason.NotReadyTooLong).message().contains("not ready for 45s"));
        HealthAssessment atMinute = assess(snapshot, NOW.plusSeconds(15));
        assertTrue(problem(atMinute, Reason.NotReadyTooLong).message().contains("not ready for 1m"));
        assertEquals(NOW.plusSeconds(75), atMinute.nextChangeAt());
    }

    /** Before its allowance a not-ready pod is due when the allowance ends (71s of probes + 30s margin). */
    @Test
    void aStartingPodIsDueWhenItsProbesRunOut() {
        ClusterSnapshot snapshot = healthyApp("eureka", 2).withPod(1, notReadyFor(1)).build();
        Instant allowanceEnds = NOW.minus(Duration.ofMinutes(1)).plusSeconds(71 + 30);
        assertEquals(allowanceEnds.plusNanos(1), assess(snapshot, NOW).nextChangeAt());
        problem(assess(snapshot, allowanceEnds), Reason.PodNotReady);
        problem(assess(snapshot, allowanceEnds.plusNanos(1)), Reason.NotReadyTooLong);
    }
}
