package io.statefulapps.health;

import static io.statefulapps.health.Scenarios.crashLooping;
import static io.statefulapps.health.Scenarios.notReadySince;
import static io.statefulapps.health.Scenarios.pendingClaim;
import static io.statefulapps.health.Scenarios.unscheduled;
import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the table does not show: the parts of the report, the words of messages and hints. */
class HealthAssessorDetailTest {

    private static HealthReport assess(SnapshotFixture fixture) {
        return HealthAssessor.assess(fixture.build(), TestSettings.DEFAULTS);
    }

    private static HealthProblem problem(HealthReport report, Reason reason) {
        return report.problems().stream().filter(p -> p.reason() == reason).findFirst()
                .orElseThrow(() -> new AssertionError(reason + " not in " + report.problems()));
    }

    @Test
    void settledAppReportsEveryPart() {
        HealthReport report = assess(healthyApp("eureka", 2));
        assertEquals(HealthStatus.Healthy, report.status());
        assertEquals("Healthy: 2/2 pods ready, rollout Complete", report.summary());
        assertEquals(RolloutState.Complete, report.statefulSet().rollout());
        assertEquals(2, report.statefulSet().readyReplicas());
        assertEquals(List.of(0, 1), report.pods().stream().map(PodReport::ordinal).toList());
        PodReport pod = report.pods().get(0);
        assertEquals("10.0.0.10", pod.podIP());
        assertEquals("node-1", pod.node());
        assertEquals(SnapshotFixture.REV1, pod.revision());
        VolumeReport volume = report.volumes().get(0);
        assertEquals("eureka-0", volume.pod());
        assertEquals("data", volume.claimTemplate());
        assertEquals("data-eureka-0", volume.claim().name());
        assertEquals("Bound", volume.claim().phase());
        assertEquals("1Gi", volume.claim().capacity());
        assertEquals("Delete", volume.volume().reclaimPolicy());
        DnsRecordReport dns = report.dns().get(1);
        assertEquals("eureka-1.eureka-headless.shop.svc.cluster.local", dns.hostname());
        assertEquals(List.of("10.0.0.11"), dns.publishedAddresses());
        assertTrue(dns.ready());
        ServiceReport headless = report.services().get(0);
        assertEquals("headless", headless.role());
        assertEquals("None", headless.clusterIP());
        assertEquals(2, headless.selectorMatches());
        assertEquals(2, headless.readyEndpoints());
        assertEquals("client", report.services().get(1).role());
        assertEquals(8761, report.services().get(1).ports().get(0).port());
    }

    @Test
    void clusterDomainIsConfigurable() {
        HealthSettings settings = TestSettings.DEFAULTS.withClusterDomain("corp.internal");
        HealthReport report = HealthAssessor.assess(healthyApp("eureka", 1).build(), settings);
        assertEquals("eureka-0.eureka-headless.shop.svc.corp.internal", report.dns().get(0).hostname());
    }

    @Test
    void partitionedRolloutIsReportedAsSuchNotAsStuck() {
        HealthReport report = assess(HealthCases.partitioned().withPod(1, Scenarios.revision(SnapshotFixture.REV2)));
        assertEquals(RolloutState.Partitioned, report.statefulSet().rollout());
        assertEquals(HealthStatus.Healthy, report.statefulSet().status());
        assertEquals(1, report.statefulSet().partition());
        assertEquals("Healthy: 2/2 pods ready, rollout Partitioned at partition 1", report.summary());
    }

    @Test
    void onDeleteNamesTheOutdatedPodsAndHowToUpdateThem() {
        HealthReport report = assess(HealthCases.onDelete());
        assertEquals(RolloutState.OnDeleteOutdated, report.statefulSet().rollout());
        HealthProblem p = problem(report, Reason.OnDeleteOutdatedPods);
        assertEquals(Severity.Warning, p.severity());
        assertTrue(p.message().contains("eureka-0, eureka-1"), p.message());
        assertTrue(p.hint().contains("kubectl -n shop delete pod eureka-0"), p.hint());
        assertNull(report.statefulSet().partition());
    }

    @Test
    void stalledRolloutNamesThePodsThatHoldIt() {
        HealthReport report = assess(HealthCases.partitioned());
        assertEquals(RolloutState.Stalled, report.statefulSet().rollout());
        HealthProblem p = problem(report, Reason.RolloutStalled);
        assertTrue(p.message().contains("eureka-1 (old revision)"), p.message());
        assertTrue(p.hint().contains("kubectl -n shop describe pod eureka-1"), p.hint());
    }

    @Test
    void ordinalsStartWhereTheSpecSays() {
        HealthReport report = assess(healthyApp("eureka", 2, 3).withoutPod(4).withoutClaim(4));
        assertEquals(List.of(3), report.pods().stream().map(PodReport::ordinal).toList());
        assertEquals(List.of("data-eureka-3"), report.volumes().stream().map(v -> v.claim().name()).toList());
        assertTrue(problem(report, Reason.RolloutStalled).message().contains("eureka-4 (not created)"));
    }

    @Test
    void rolloutDeadlineIsConfigurable() {
        HealthSettings patient = TestSettings.DEFAULTS.withRolloutDeadline(Duration.ofHours(2));
        HealthReport report = HealthAssessor.assess(HealthCases.partitioned().build(), patient);
        assertEquals(RolloutState.Progressing, report.statefulSet().rollout());
        assertEquals(HealthStatus.Progressing, report.status());
    }

    @Test
    void scaledToZeroIsSuspended() {
        HealthReport report = assess(healthyApp("eureka", 0));
        assertEquals(HealthStatus.Suspended, report.statefulSet().status());
        assertEquals("Suspended: scaled to 0 replicas on purpose", report.summary());
        assertTrue(report.problems().isEmpty());
    }

    @Test
    void crashLoopPointsAtThePreviousLogs() {
        HealthReport report = assess(healthyApp("eureka", 2).withPod(1, crashLooping()));
        HealthProblem p = problem(report, Reason.CrashLoopBackOff);
        assertEquals("Pod/eureka-1", p.object());
        assertEquals(Severity.Error, p.severity());
        assertEquals("read the crashed run's output: kubectl -n shop logs eureka-1 -c eureka --previous", p.hint());
        assertEquals("container eureka is crash-looping: 4 restarts, last exit code 1 (Error)", p.message());
        PodReport pod = report.pods().get(1);
        assertEquals(HealthStatus.Degraded, pod.status());
        ContainerReport container = pod.containers().get(0);
        assertEquals("waiting", container.state());
        assertEquals("CrashLoopBackOff", container.reason());
        assertEquals("Error", container.lastTerminated());
        assertEquals(Reason.CrashLoopBackOff, report.problems().get(0).reason(), "errors come first");
        assertEquals("Degraded: 1/2 pods ready; CrashLoopBackOff on Pod/eureka-1 (+1 more)", report.summary());
    }

    @Test
    void theSummaryNamesTheCauseOfTheVerdictNotAnInformativeProblem() {
        // No readiness probe (Info, verdict unchanged) and a load balancer still coming (the cause of Progressing)
        HealthReport report = assess(HealthCases.loadBalancer(2, false).withPod(0, Scenarios.withoutReadinessProbe())
                .withPod(1, Scenarios.withoutReadinessProbe()));
        assertEquals(HealthStatus.Progressing, report.status());
        assertTrue(report.problems().size() > 1 && report.problems().get(0).reason() != Reason.LoadBalancerProvisioning,
                "another problem comes first: " + report.problems());
        assertEquals(Reason.LoadBalancerProvisioning, report.causes().get(0).reason());
        assertTrue(report.summary().startsWith("Progressing: 2/2 pods ready; LoadBalancerProvisioning on Service/eureka"),
                report.summary());
    }

    @Test
    void initContainersAreReportedAndFlagged() {
        HealthReport report = assess(healthyApp("eureka", 1).withPod(0,
                Scenarios.initContainer(Scenarios.initWaiting("CrashLoopBackOff"))));
        ContainerReport init = report.pods().get(0).containers().get(0);
        assertTrue(init.init());
        assertEquals("migrate", init.name());
        HealthProblem p = problem(report, Reason.InitContainerFailed);
        assertTrue(p.hint().contains("kubectl -n shop logs eureka-0 -c migrate --previous"), p.hint());
    }

    @Test
    void unschedulableCarriesTheSchedulersOwnWords() {
        HealthReport report = assess(healthyApp("eureka", 2).withPod(1, unscheduled(1, "Unschedulable", HealthCases.NO_MEMORY)));
        assertEquals(HealthCases.NO_MEMORY, problem(report, Reason.Unschedulable).message());
    }

    @Test
    void provisioningFailureCarriesTheProvisionersWordsAndTheEvent() {
        HealthReport report = assess(healthyApp("eureka", 2)
                .withPod(1, unscheduled(2, "Unschedulable", HealthCases.UNBOUND)).withClaim(1, pendingClaim("standard", 2))
                .withEvent("PersistentVolumeClaim", "data-eureka-1", "ProvisioningFailed",
                        "failed to provision volume: quota exceeded", SnapshotFixture.minutesAgo(1), 3));
        HealthProblem p = problem(report, Reason.ProvisioningFailed);
        assertEquals("failed to provision volume: quota exceeded", p.message());
        assertEquals("PersistentVolumeClaim/data-eureka-1", p.object());
        assertTrue(p.hint().contains("kubectl -n shop describe pvc data-eureka-1"), p.hint());
        assertEquals("ProvisioningFailed", report.events().get(0).reason());
        assertEquals(3, report.events().get(0).count());
    }

    @Test
    void unknownStorageClassHintListsTheClasses() {
        HealthReport report = assess(healthyApp("eureka", 2)
                .withPod(1, unscheduled(1, "Unschedulable", HealthCases.UNBOUND)).withClaim(1, pendingClaim("fast-ssd", 1)));
        HealthProblem p = problem(report, Reason.StorageClassNotFound);
        assertTrue(p.message().contains("fast-ssd"), p.message());
        assertTrue(p.hint().contains("kubectl get storageclass"), p.hint());
    }

    @Test
    void missingObjectIsNamed() {
        HealthProblem p = problem(assess(healthyApp("eureka", 2).withoutHeadless()), Reason.HeadlessServiceMissing);
        assertEquals("Service/eureka-headless", p.object());
        assertEquals(Severity.Error, p.severity());
        assertTrue(p.hint().contains("kubectl -n shop get service eureka-headless"), p.hint());
    }

    @Test
    void absentObjectRightAfterCreationIsInfoNotError() {
        HealthReport report = assess(HealthCases.all().stream()
                .filter(c -> c.name().startsWith("client Service not visible")).findFirst().orElseThrow().fixture());
        assertEquals(Severity.Info, problem(report, Reason.ClientServiceMissing).severity());
    }

    @Test
    void notReadyIsProgressingUntilTheProbesGiveUp() {
        // readiness: 11s + 20s x 3 = 71s, plus a 30s margin
        assertEquals(Duration.ofSeconds(71), PodReadiness.readinessAllowance(Scenarios.readyPod("eureka", 0, "r")));
        HealthReport within = assess(healthyApp("eureka", 1).withPod(0, notReady(100)));
        assertEquals(Reason.PodNotReady, within.problems().stream().map(HealthProblem::reason)
                .filter(r -> r == Reason.PodNotReady || r == Reason.NotReadyTooLong).findFirst().orElseThrow());
        HealthReport beyond = assess(healthyApp("eureka", 1).withPod(0, notReady(110)));
        assertEquals(HealthStatus.Degraded, beyond.pods().get(0).status());
        assertTrue(problem(beyond, Reason.NotReadyTooLong).message().contains("allow 101s"));
    }

    @Test
    void loadBalancerDeadlineIsConfigurable() {
        HealthSettings impatient = TestSettings.DEFAULTS.withLoadBalancerDeadline(Duration.ofMinutes(1));
        HealthReport report = HealthAssessor.assess(HealthCases.loadBalancer(2, false).build(), impatient);
        HealthProblem p = problem(report, Reason.LoadBalancerPending);
        assertTrue(p.hint().contains("load-balancer controller"), p.hint());
        assertEquals(List.of("192.0.2.10"),
                assess(HealthCases.loadBalancer(60, true)).services().get(1).loadBalancerIngress());
    }

    @Test
    void dnsMismatchShowsBothAddresses() {
        HealthReport report = assess(healthyApp("eureka", 2).withEndpointIP(1, "10.0.0.99"));
        assertEquals(List.of("10.0.0.99"), report.dns().get(1).publishedAddresses());
        assertEquals(HealthStatus.Degraded, report.dns().get(1).status());
        assertTrue(problem(report, Reason.DnsRecordMismatch).message().contains("10.0.0.11"));
    }

    @Test
    void headlessServiceThatIsNotHeadlessMarksItsServicePart() {
        HealthReport report = assess(healthyApp("eureka", 2).withHeadless(s -> new io.fabric8.kubernetes.api.model.ServiceBuilder(s)
                .editSpec().withClusterIP("10.96.0.11").endSpec().build()));
        assertEquals(HealthStatus.Degraded, report.services().get(0).status());
    }

    private static java.util.function.UnaryOperator<Pod> notReady(long seconds) {
        return p -> notReadySince(p, SnapshotFixture.ago(Duration.ofSeconds(seconds)));
    }
}
