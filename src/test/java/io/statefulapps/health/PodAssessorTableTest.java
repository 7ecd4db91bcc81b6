package io.statefulapps.health;

import static io.statefulapps.health.AssessorRow.row;
import static io.statefulapps.health.HealthStatus.Degraded;
import static io.statefulapps.health.HealthStatus.Healthy;
import static io.statefulapps.health.HealthStatus.Progressing;
import static io.statefulapps.health.Reason.*;
import static io.statefulapps.health.Scenarios.*;
import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static io.statefulapps.health.SnapshotFixture.minutesAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One pod, eureka-1: its verdict and what is found on it (containers, phase, node, restarts). */
class PodAssessorTableTest {

    private static SnapshotFixture pod1(java.util.function.UnaryOperator<io.fabric8.kubernetes.api.model.Pod> change) {
        return healthyApp("eureka", 2).withPod(1, change);
    }

    private static SnapshotFixture withEvent(SnapshotFixture fixture, String reason, String message) {
        return fixture.withEventFor("Pod", "eureka-1", HealthCases.podUid(1), reason, message, minutesAgo(1));
    }

    static Stream<AssessorRow> rows() {
        return Stream.of(
                row("running and ready", healthyApp("eureka", 2), Healthy),
                row("crash-looping", pod1(crashLooping()), Degraded, CrashLoopBackOff),
                row("just created, Pending", pod1(pendingScheduled(1)), Progressing, PodPending),
                row("Pending past the deadline", pod1(pendingScheduled(20)), Degraded, PodPendingTooLong),
                row("no node fits", pod1(unscheduled(1, "Unschedulable", HealthCases.NO_MEMORY)), Degraded, Unschedulable),
                row("waiting for its claim to bind", pod1(unscheduled(1, "Unschedulable", HealthCases.UNBOUND)), Progressing,
                        PodPending),
                row("held by a scheduling gate", pod1(schedulingGated(1)), Progressing, SchedulingGated),
                row("sandbox refused", withEvent(pod1(pendingScheduled(3)), "FailedCreatePodSandBox", HealthCases.SANDBOX),
                        Degraded, SandboxCreateFailed),
                row("volume does not mount", withEvent(pod1(pendingScheduled(3)), "FailedMount", HealthCases.MOUNT_TIMEOUT),
                        Degraded, VolumeMountFailed),
                row("a mount failure once the pod runs is history", withEvent(healthyApp("eureka", 2), "FailedMount",
                        HealthCases.MOUNT_TIMEOUT), Healthy),
                row("not ready within its probes", pod1(notReadyFor(1)), Progressing, PodNotReady),
                row("not ready beyond its probes", pod1(notReadyFor(5)), Degraded, NotReadyTooLong),
                row("terminating", pod1(terminating(-1)), Progressing, PodTerminating),
                row("terminating past the deadline", pod1(terminating(7)), Degraded, TerminatingTooLong),
                row("failed", pod1(failed(null, "container exited")), Degraded, PodFailed),
                row("evicted", pod1(failed("Evicted", "The node was low on resource: memory.")), Degraded, PodEvicted),
                row("phase Unknown", pod1(notReadyFor(3).andThen(phase("Unknown"))::apply), Degraded, PodUnknown),
                row("on an unreachable node", HealthCases.nodeLost().withPod(1,
                        onNode("node-2").andThen(notReadyFor(3))::apply), Degraded, NodeNotReady),
                row("on a ready node", HealthCases.nodeLost(), Healthy),
                row("restarted often", pod1(restarts(7)), Healthy, HighRestartCount));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void verdictAndFindings(AssessorRow row) {
        AssessmentContext context = row.context();
        PartAssessment<PodReport> assessed = PodAssessor.assess(AssessorRow.pods(context).at(1), "eureka", context);
        assertEquals(row.reasons(), AssessorRow.reasonsOf(assessed.findings()));
        assertEquals(row.verdict(), assessed.part().status());
    }
}
