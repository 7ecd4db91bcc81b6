package io.statefulapps.health;

import static io.statefulapps.health.Reason.*;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statefulapps.health.HealthCases.Case;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code causes}: at most three problems that explain the verdict, the root cause first. */
class CauseOrderTest {

    /**
     * Every case of the whole-report table that reports two problems or more, and the problem a
     * person would fix first there. Written by hand, not computed: a new multi-problem row must say
     * its root cause here.
     */
    static final Map<String, Reason> ROOT_CAUSE = Map.ofEntries(
            entry("nothing there", StatefulSetMissing),
            entry("rolling update stuck on a pod that never gets ready", NotReadyTooLong),
            entry("partition not reached yet: the controller just deleted the pod to update", PodTerminating),
            entry("scaling to zero, pods still terminating", PodTerminating),
            entry("crash loop", CrashLoopBackOff),
            entry("image pull back-off", ImagePullBackOff),
            entry("image pull error", ErrImagePull),
            entry("invalid image name", InvalidImageName),
            entry("missing config", CreateContainerConfigError),
            entry("container cannot run", ContainerError),
            entry("init container crash-looping", InitContainerFailed),
            entry("init container exited non-zero", InitContainerFailed),
            entry("init container image missing", ImagePullBackOff),
            entry("init container done, app starting", PodPending),
            entry("crash loop caused by OOM", OOMKilled),
            entry("pod failed", PodFailed),
            entry("pod evicted", PodEvicted),
            entry("unschedulable", Unschedulable),
            entry("waiting for its volume to be provisioned", ClaimPending),
            entry("pod starting", PodPending),
            entry("pod pending for 20 minutes", PodPendingTooLong),
            entry("pod waiting for readiness", PodNotReady),
            entry("pod waiting for readiness, not-ready addresses published", PodNotReady),
            entry("pod not ready beyond its probes", NotReadyTooLong),
            entry("terminating", PodTerminating),
            entry("terminating for too long", TerminatingTooLong),
            entry("claim pending for 20 minutes", ClaimPendingTooLong),
            entry("no such StorageClass", StorageClassNotFound),
            entry("no default StorageClass", StorageClassNotFound),
            entry("provisioning failed", ProvisioningFailed),
            entry("waiting for first consumer", PodPending),
            entry("waiting for first consumer, pod not created yet", WaitingForFirstConsumer),
            entry("pod creation refused: no such ServiceAccount", PodCreateFailed),
            entry("pod creation refused moments after creation", PodCreateFailed),
            entry("volume does not mount", VolumeMountFailed),
            entry("volume still attached to another node", VolumeMountFailed),
            entry("pod sandbox cannot be created", SandboxCreateFailed),
            entry("node unreachable", NodeNotReady),
            entry("node unreachable, its pod evicted and stuck terminating", NodeNotReady),
            entry("pod in phase Unknown", PodUnknown),
            entry("pod held by a scheduling gate", SchedulingGated),
            entry("pod held by a scheduling gate past the pending deadline", SchedulingGated),
            entry("image pull secret missing", ImagePullBackOff));

    static Stream<Case> cases() {
        return HealthCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rootCauseFirstInEveryMultiProblemCase(Case c) {
        HealthReport report = HealthAssessor.assess(c.fixture().build(), TestSettings.DEFAULTS);
        assertTrue(report.causes().size() <= 3, () -> "causes: " + report.causes());
        assertTrue(report.problems().containsAll(report.causes()), "causes are problems of the report");
        if (report.problems().size() < 2) {
            assertTrue(!ROOT_CAUSE.containsKey(c.name()), "the table lists only multi-problem cases: " + c.name());
            return;
        }
        assertTrue(ROOT_CAUSE.containsKey(c.name()), () -> "say the root cause of '" + c.name() + "': " + report.problems());
        assertEquals(ROOT_CAUSE.get(c.name()), report.causes().get(0).reason(), () -> "causes: " + report.causes());
    }

    @Test
    void onlyProblemsThatImplyTheVerdictExplainIt() {
        HealthReport crash = HealthAssessor.assess(SnapshotFixture.healthyApp("eureka", 2)
                .withPod(1, Scenarios.crashLooping()).build(), TestSettings.DEFAULTS);
        assertEquals(List.of(CrashLoopBackOff), crash.causes().stream().map(HealthProblem::reason).toList(),
                "RolloutInProgress implies Progressing, not the Degraded verdict");
        HealthReport healthy = HealthAssessor.assess(SnapshotFixture.healthyApp("eureka", 2)
                .withPod(0, Scenarios.restarts(7)).build(), TestSettings.DEFAULTS);
        assertEquals(List.of(), healthy.causes(), "a warning explains no verdict");
    }

    @Test
    void atMostThreeAndTheRootsAmongThem() {
        List<Finding> findings = List.of(
                degraded(RolloutStalled, "StatefulSet/eureka"),
                degraded(NotReadyTooLong, "Pod/eureka-0"),
                degraded(CrashLoopBackOff, "Pod/eureka-1"),
                degraded(NoReadyEndpoints, "Service/eureka"),
                degraded(NodeNotReady, "Pod/eureka-0"));
        assertEquals(List.of(NodeNotReady, CrashLoopBackOff, NotReadyTooLong),
                CauseOrder.causes(findings, HealthStatus.Degraded).stream().map(HealthProblem::reason).toList());
    }

    @Test
    void rootsBeforeSymptomsAsTheRuleTableSays() {
        assertTrue(CauseOrder.layer(StorageClassNotFound).compareTo(CauseOrder.layer(ClaimPending)) <= 0);
        assertTrue(CauseOrder.layer(ClaimPending).compareTo(CauseOrder.layer(PodPending)) < 0);
        assertTrue(CauseOrder.layer(NodeNotReady).compareTo(CauseOrder.layer(NotReadyTooLong)) < 0);
        assertTrue(CauseOrder.layer(PodCreateFailed).compareTo(CauseOrder.layer(RolloutStalled)) < 0);
        assertTrue(CauseOrder.layer(TargetPortMismatch).compareTo(CauseOrder.layer(NoReadyEndpoints)) < 0);
        assertTrue(CauseOrder.layer(PodPending).compareTo(CauseOrder.layer(WaitingForFirstConsumer)) < 0);
    }

    private static Finding degraded(Reason reason, String object) {
        return Finding.of(reason, object, "m", "h");
    }
}
