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

import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The chain eureka-1 → data-eureka-1 → its PV: the volume part's verdict and its finding. */
class VolumeAssessorTableTest {

    static Stream<AssessorRow> rows() {
        return Stream.of(
                row("bound", healthyApp("eureka", 2), Healthy),
                row("claim deleted", healthyApp("eureka", 2).withoutClaim(1), Degraded, ClaimMissing),
                row("claim pending", healthyApp("eureka", 2).withPod(1, unscheduled(1, "Unschedulable", HealthCases.UNBOUND))
                        .withClaim(1, pendingClaim("standard", 1)), Progressing, ClaimPending),
                row("claim pending past the deadline", healthyApp("eureka", 2)
                        .withClaim(1, pendingClaim("standard", 20)), Degraded, ClaimPendingTooLong),
                row("no such class", healthyApp("eureka", 2).withClaim(1, pendingClaim("fast-ssd", 1)), Degraded,
                        StorageClassNotFound),
                row("provisioner refuses", healthyApp("eureka", 2).withClaim(1, pendingClaim("standard", 2))
                        .withEvent("PersistentVolumeClaim", "data-eureka-1", "ProvisioningFailed", "quota", minutesAgo(1), 1),
                        Degraded, ProvisioningFailed),
                row("waits for its pod to be placed", healthyApp("eureka", 2).withPod(1, notYetScheduled(1))
                        .withClaim(1, pendingClaim("local-wffc", 1)), Progressing, WaitingForFirstConsumer),
                row("lost", healthyApp("eureka", 2).withClaim(1, c -> new PersistentVolumeClaimBuilder(c).editStatus()
                        .withPhase("Lost").endStatus().build()), Degraded, ClaimLost),
                row("deleted, held by its running pod", healthyApp("eureka", 2).withClaim(1, c ->
                        new PersistentVolumeClaimBuilder(c).editMetadata().withDeletionTimestamp(minutesAgo(2))
                                .withFinalizers("kubernetes.io/pvc-protection").endMetadata().build()),
                        Degraded, ClaimTerminating),
                row("PV gone", healthyApp("eureka", 2).withoutVolume(1), Degraded, VolumeMissing),
                row("PV released", healthyApp("eureka", 2).withVolume(1, v -> new PersistentVolumeBuilder(v).editStatus()
                        .withPhase("Released").endStatus().build()), Degraded, VolumeReleased),
                row("larger request on an expandable class", healthyApp("eureka", 2).withClaim(1, requesting("2Gi")),
                        Progressing, ResizePending),
                row("larger request on a class that cannot expand", healthyApp("eureka", 2)
                        .withStorageClass(new StorageClassInfo("standard", "Immediate", false, true))
                        .withClaim(1, requesting("2Gi")), Degraded, CapacityBelowRequest));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void verdictAndFinding(AssessorRow row) {
        AssessmentContext context = row.context();
        PartAssessment<java.util.List<VolumeReport>> assessed = VolumeAssessor.assessAll(context.snapshot().statefulSet(),
                AssessorRow.pods(context), context);
        VolumeReport volume = assessed.part().stream().filter(v -> v.pod().equals("eureka-1")).findFirst().orElseThrow();
        assertEquals(row.reasons(), AssessorRow.reasonsOf(assessed.findings()));
        assertEquals(row.verdict(), volume.status());
    }
}
