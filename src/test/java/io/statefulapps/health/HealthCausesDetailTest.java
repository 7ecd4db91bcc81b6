package io.statefulapps.health;

import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static io.statefulapps.health.SnapshotFixture.minutesAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The words of the causes issue 15 added: what each message says and where each hint points. */
class HealthCausesDetailTest {

    private static HealthReport assess(SnapshotFixture fixture) {
        return HealthAssessor.assess(fixture.build(), TestSettings.DEFAULTS);
    }

    private static Optional<HealthProblem> find(HealthReport report, Reason reason) {
        return report.problems().stream().filter(p -> p.reason() == reason).findFirst();
    }

    private static HealthProblem problem(HealthReport report, Reason reason) {
        return find(report, reason).orElseThrow(() -> new AssertionError(reason + " not in " + report.problems()));
    }

    @Test
    void podCreateFailedCarriesTheRefusalAndTheWayOut() {
        HealthProblem p = problem(assess(HealthCases.podCreateRefused(60)), Reason.PodCreateFailed);
        assertEquals("StatefulSet/eureka", p.object());
        assertEquals(HealthCases.NO_ACCOUNT, p.message());
        assertTrue(p.hint().contains("kubectl -n shop create serviceaccount ghost"), p.hint());
        Kubectl kubectl = new Kubectl("shop");
        assertTrue(PodCreateFailure.hint("pods \"web-0\" is forbidden: exceeded quota: compute, requested: cpu=2", "web",
                kubectl).contains("kubectl -n shop describe resourcequota"));
        assertTrue(PodCreateFailure.hint("pods \"web-0\" is forbidden: violates PodSecurity \"restricted:latest\"", "web",
                kubectl).contains("kubectl get namespace shop --show-labels"));
        assertTrue(PodCreateFailure.hint("admission webhook \"policy.example.com\" denied the request", "web", kubectl)
                .contains("validatingwebhookconfigurations"));
        assertTrue(PodCreateFailure.hint("something else", "web", kubectl).contains("kubectl -n shop describe statefulset web"));
    }

    @Test
    void aRefusalOlderThanTheNewestPodIsOver() {
        // eureka-1 was refused an hour ago, eureka-0 was created (again) since; eureka-1 is missing for another reason
        HealthReport report = assess(healthyApp("eureka", 2).withoutPod(1).withoutClaim(1)
                .withPod(0, Scenarios.createdMinutesAgo(5))
                .withEventFor("StatefulSet", "eureka", SnapshotFixture.uid("StatefulSet", "eureka"), "FailedCreate",
                        HealthCases.NO_ACCOUNT, minutesAgo(60)));
        assertFalse(find(report, Reason.PodCreateFailed).isPresent(), () -> report.problems().toString());
    }

    @Test
    void eventsOfAnotherObjectWithTheSameNameDoNotCount() {
        // the Service "eureka" has the StatefulSet's name: its events are not the StatefulSet's
        HealthReport wrongKind = assess(healthyApp("eureka", 2).withoutPod(1).withoutClaim(1)
                .withEventFor("Service", "eureka", SnapshotFixture.uid("Service", "eureka"), "FailedCreate",
                        HealthCases.NO_ACCOUNT, minutesAgo(0)));
        assertFalse(find(wrongKind, Reason.PodCreateFailed).isPresent());
        // an event about a StatefulSet "eureka" that was deleted and re-created (another uid)
        HealthReport oldIncarnation = assess(healthyApp("eureka", 2).withoutPod(1).withoutClaim(1)
                .withEventFor("StatefulSet", "eureka", "uid-of-the-deleted-one", "FailedCreate", HealthCases.NO_ACCOUNT,
                        minutesAgo(0)));
        assertFalse(find(oldIncarnation, Reason.PodCreateFailed).isPresent());
        assertTrue(oldIncarnation.events().stream().noneMatch(e -> "FailedCreate".equals(e.reason())),
                () -> oldIncarnation.events().toString());
    }

    @Test
    void volumeMountFailedNamesTheClaimAndTheVolume() {
        HealthProblem p = problem(assess(healthyApp("eureka", 2).withPod(1, Scenarios.pendingScheduled(3))
                .withEventFor("Pod", "eureka-1", HealthCases.podUid(1), "FailedAttachVolume", HealthCases.MULTI_ATTACH,
                        minutesAgo(1))), Reason.VolumeMountFailed);
        assertEquals(HealthCases.MULTI_ATTACH, p.message());
        assertTrue(p.hint().contains("PVC data-eureka-1 (PV pv-eureka-1)"), p.hint());
        assertTrue(p.hint().contains("kubectl -n shop describe pvc data-eureka-1"), p.hint());
        assertTrue(p.hint().contains("kubectl describe pv pv-eureka-1"), p.hint());
        assertTrue(p.hint().contains("another node"), p.hint());
    }

    @Test
    void aMountFailureOfAnEarlierPodOfTheSameNameDoesNotCount() {
        HealthReport report = assess(healthyApp("eureka", 2).withPod(1, Scenarios.pendingScheduled(3))
                .withEventFor("Pod", "eureka-1", "uid-of-the-previous-eureka-1", "FailedMount", HealthCases.MOUNT_TIMEOUT,
                        minutesAgo(1)));
        assertFalse(find(report, Reason.VolumeMountFailed).isPresent());
        assertTrue(find(report, Reason.PodPending).isPresent());
    }

    @Test
    void nodeNotReadySaysWhatAStatefulSetDoesAndWhatForcingRisks() {
        HealthReport report = assess(HealthCases.nodeLost()
                .withPod(1, Scenarios.onNode("node-2").andThen(Scenarios.notReadyFor(3))::apply));
        HealthProblem p = problem(report, Reason.NodeNotReady);
        assertEquals("Pod/eureka-1", p.object());
        assertTrue(p.message().contains("node node-2 is unreachable (Ready=Unknown)"), p.message());
        assertTrue(p.message().contains("Kubelet stopped posting node status."), p.message());
        assertTrue(p.hint().contains("kubectl -n shop delete pod eureka-1 --grace-period=0 --force"), p.hint());
        assertTrue(p.hint().contains("split brain"), p.hint());
        assertTrue(p.hint().length() <= 300, "one chat line: " + p.hint().length());
        assertEquals(HealthStatus.Degraded, report.pods().get(1).status());
        assertFalse(find(report, Reason.PodNotReady).isPresent(), "the node, not the probe, explains the pod");
        assertEquals(HealthStatus.Healthy, report.pods().get(0).status(), "node-1 is Ready");
    }

    @Test
    void nodeInfoReadsTheReadyCondition() {
        NodeInfo node = NodeInfo.of(new NodeBuilder().withNewMetadata().withName("node-2").endMetadata()
                .withNewStatus().addNewCondition().withType("MemoryPressure").withStatus("False").endCondition()
                .addNewCondition().withType("Ready").withStatus("Unknown").withReason("NodeStatusUnknown")
                .withMessage("Kubelet stopped posting node status.").withLastTransitionTime(minutesAgo(3)).endCondition()
                .endStatus().build());
        assertEquals(new NodeInfo("node-2", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.",
                SnapshotFixture.NOW.minus(Duration.ofMinutes(3))), node);
        assertFalse(node.isReady());
        NodeInfo silent = NodeInfo.of(new NodeBuilder().withNewMetadata().withName("node-3").endMetadata().build());
        assertNull(silent.ready());
        assertFalse(silent.isReady());
    }

    @Test
    void notReadyCarriesTheProbeFailure() {
        String failure = "Readiness probe failed: HTTP probe failed with statuscode: 503";
        HealthReport report = assess(healthyApp("eureka", 2).withPod(1, Scenarios.notReadyFor(1))
                .withEventFor("Pod", "eureka-1", HealthCases.podUid(1), "Unhealthy", failure, minutesAgo(0)));
        assertTrue(problem(report, Reason.PodNotReady).message().endsWith("; last probe failure: " + failure),
                problem(report, Reason.PodNotReady).message());
        HealthReport beyond = assess(healthyApp("eureka", 2).withPod(1, Scenarios.notReadyFor(5))
                .withEventFor("Pod", "eureka-1", HealthCases.podUid(1), "Unhealthy", failure, minutesAgo(0)));
        assertTrue(problem(beyond, Reason.NotReadyTooLong).message().contains(failure));
    }

    @Test
    void aProbeFailureOfAnEarlierRunOrOfTheLivenessProbeIsNotTheReason() {
        HealthReport earlier = assess(healthyApp("eureka", 2).withPod(1, Scenarios.notReadyFor(1))
                .withEventFor("Pod", "eureka-1", HealthCases.podUid(1), "Unhealthy", "Readiness probe failed: timeout",
                        minutesAgo(30)));
        assertEquals("running, waiting for its readiness probe", problem(earlier, Reason.PodNotReady).message());
        HealthReport liveness = assess(healthyApp("eureka", 2).withPod(1, Scenarios.notReadyFor(1))
                .withEventFor("Pod", "eureka-1", HealthCases.podUid(1), "Unhealthy", "Liveness probe failed: timeout",
                        minutesAgo(0)));
        assertEquals("running, waiting for its readiness probe", problem(liveness, Reason.PodNotReady).message());
    }

    @Test
    void crashesCarryTheExitCodeExplainedAndTheTerminationMessage() {
        HealthProblem killed = problem(assess(healthyApp("eureka", 2)
                .withPod(1, Scenarios.crashLoopingWith(137, "Error", "java.lang.OutOfMemoryError: Java heap space"))),
                Reason.CrashLoopBackOff);
        assertTrue(killed.message().contains("last exit code 137 (Error) = killed by SIGKILL: out of memory"),
                killed.message());
        assertTrue(killed.message().endsWith("; termination message: java.lang.OutOfMemoryError: Java heap space"),
                killed.message());
        HealthProblem stopped = problem(assess(healthyApp("eureka", 2).withPod(1, Scenarios.crashLoopingWith(143, "Error", null))),
                Reason.CrashLoopBackOff);
        assertTrue(stopped.message().endsWith("last exit code 143 (Error) = ended by SIGTERM: asked to stop"
                + " (a failed liveness probe, a deletion, a node drain)"), stopped.message());
        assertTrue(problem(assess(healthyApp("eureka", 2).withPod(0, Scenarios.oomKilled(2))), Reason.OOMKilled)
                .message().contains("exit code 137"));
        assertEquals("", TerminationText.meaning(1), "only the app can explain its own codes");
    }

    @Test
    void imagePullHintNamesTheMissingSecret() {
        HealthProblem p = problem(assess(healthyApp("eureka", 2)
                .withPod(1, Scenarios.waiting("ImagePullBackOff", "Back-off pulling image", 0))
                .withEventFor("Pod", "eureka-1", HealthCases.podUid(1), "FailedToRetrieveImagePullSecret",
                        HealthCases.NO_PULL_SECRET, minutesAgo(1))), Reason.ImagePullBackOff);
        assertTrue(p.hint().startsWith("the image pull secret regcred does not exist in shop"), p.hint());
        assertTrue(p.hint().contains("kubectl -n shop create secret docker-registry regcred"), p.hint());
        HealthProblem declared = problem(assess(healthyApp("eureka", 2)
                .withPod(1, Scenarios.waiting("ErrImagePull", "unauthorized", 0).andThen(pod -> new PodBuilder(pod)
                        .editSpec().addNewImagePullSecret("corp-registry").endSpec().build())::apply)), Reason.ErrImagePull);
        assertTrue(declared.hint().contains("the pull secret corp-registry holds valid credentials"), declared.hint());
    }

    @Test
    void retainedClaimsSayWhatTheyHoldAndHowToLetThemGo() {
        HealthProblem kept = problem(assess(healthyApp("eureka", 2).withBoundClaim(2).withBoundClaim(3)), Reason.RetainedClaim);
        assertEquals(Severity.Info, kept.severity());
        assertEquals("2 claim(s) kept after a scale-down, holding 2Gi: data-eureka-2 (1Gi), data-eureka-3 (1Gi)",
                kept.message());
        assertTrue(kept.hint().contains("replicas: 4"), kept.hint());
        assertTrue(kept.hint().contains("kubectl -n shop delete pvc data-eureka-2 data-eureka-3"), kept.hint());
        HealthProblem byPolicy = problem(assess(healthyApp("eureka", 2).withBoundClaim(2)
                .withStatefulSet(s -> new StatefulSetBuilder(s).editSpec().withNewPersistentVolumeClaimRetentionPolicy()
                        .withWhenScaled("Delete").withWhenDeleted("Retain").endPersistentVolumeClaimRetentionPolicy()
                        .endSpec().build())), Reason.RetainedClaim);
        assertTrue(byPolicy.hint().startsWith("the retention policy (whenScaled: Delete) removes them"), byPolicy.hint());
    }

    @Test
    void aClaimWhosePodStillRunsIsNotRetained() {
        HealthReport scalingDown = assess(healthyApp("eureka", 3).withStatefulSet(s -> new StatefulSetBuilder(s)
                .editSpec().withReplicas(2).endSpec().build()).withPod(2, Scenarios.terminating(-1)));
        assertFalse(find(scalingDown, Reason.RetainedClaim).isPresent(), () -> scalingDown.problems().toString());
    }

    @Test
    void schedulingGatesAreNamed() {
        HealthProblem p = problem(assess(healthyApp("eureka", 2).withPod(1, Scenarios.schedulingGated(1))), Reason.SchedulingGated);
        assertEquals("scheduling gates hold the pod: example.com/quota-check", p.message());
        assertEquals(Severity.Warning, p.severity());
        HealthProblem late = problem(assess(healthyApp("eureka", 2).withPod(1, Scenarios.schedulingGated(20))),
                Reason.SchedulingGated);
        assertEquals(Severity.Error, late.severity());
    }

    @Test
    void targetPortMismatchSaysWhatTheContainersDeclare() {
        HealthReport report = assess(HealthCases.withPorts().withClient(s -> new io.fabric8.kubernetes.api.model
                .ServiceBuilder(s).editSpec().editFirstPort().withNewTargetPort("web").endPort().endSpec().build()));
        HealthProblem p = problem(report, Reason.TargetPortMismatch);
        assertEquals("Service/eureka", p.object());
        assertTrue(p.message().startsWith("targetPort web (port http 8761) is no port the pods' containers declare"
                + " (they declare 8761 (http))"), p.message());
        assertEquals(HealthStatus.Degraded, report.services().get(1).status());
        assertEquals(HealthStatus.Healthy, report.services().get(0).status());
    }

    @Test
    void staleDataIsReportedAndSaid() {
        HealthReport report = assess(healthyApp("eureka", 2).staleFor(Duration.ofSeconds(45)));
        assertEquals(45L, report.dataAge());
        assertEquals("data is 45s old: the watch of the cluster is re-connecting",
                HealthTextRenderer.render(report, TestSettings.DEFAULTS.maxTextLines()).lines().toList().get(1));
        assertNull(assess(healthyApp("eureka", 2)).dataAge());
        assertNull(assess(healthyApp("eureka", 2).staleFor(Duration.ZERO)).dataAge());
    }
}
