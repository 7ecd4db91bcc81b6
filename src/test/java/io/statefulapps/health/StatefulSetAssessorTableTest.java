package io.statefulapps.health;

import static io.statefulapps.health.AssessorRow.row;
import static io.statefulapps.health.HealthStatus.Degraded;
import static io.statefulapps.health.HealthStatus.Healthy;
import static io.statefulapps.health.HealthStatus.Progressing;
import static io.statefulapps.health.HealthStatus.Suspended;
import static io.statefulapps.health.Reason.*;
import static io.statefulapps.health.SnapshotFixture.REV2;
import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The StatefulSet alone: its verdict, its rollout state, and what it finds (pods are judged elsewhere). */
class StatefulSetAssessorTableTest {

    static final Map<String, RolloutState> ROLLOUT = Map.of(
            "settled", RolloutState.Complete,
            "spec not observed yet", RolloutState.Progressing,
            "rolling out a revision", RolloutState.Progressing,
            "rollout without progress for the deadline", RolloutState.Stalled,
            "partition reached", RolloutState.Partitioned,
            "OnDelete with outdated pods", RolloutState.OnDeleteOutdated,
            "scaled to zero", RolloutState.Complete,
            "pod creation refused", RolloutState.Stalled,
            "pod creation refused, set just created", RolloutState.Progressing);

    static Stream<AssessorRow> rows() {
        return Stream.of(
                row("settled", healthyApp("eureka", 2), Healthy),
                row("spec not observed yet", healthyApp("eureka", 2).withStatefulSet(s -> new StatefulSetBuilder(s)
                        .editMetadata().withGeneration(2L).endMetadata().build()), Progressing, GenerationNotObserved),
                row("rolling out a revision", HealthCases.rollout()
                        .withPod(1, Scenarios.revision(REV2).andThen(Scenarios.createdMinutesAgo(2))::apply),
                        Progressing, RolloutInProgress),
                row("rollout without progress for the deadline", HealthCases.partitioned(), Degraded, RolloutStalled),
                row("partition reached", HealthCases.partitioned().withPod(1, Scenarios.revision(REV2)), Healthy),
                row("OnDelete with outdated pods", HealthCases.onDelete(), Progressing, OnDeleteOutdatedPods),
                row("scaled to zero", healthyApp("eureka", 0), Suspended),
                row("pod creation refused", HealthCases.podCreateRefused(60), Degraded, PodCreateFailed, RolloutStalled),
                row("pod creation refused, set just created", HealthCases.podCreateRefused(1), Degraded, PodCreateFailed,
                        RolloutInProgress));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void verdictRolloutAndFindings(AssessorRow row) {
        AssessmentContext context = row.context();
        PartAssessment<StatefulSetReport> assessed = StatefulSetAssessor.assess(context.snapshot().statefulSet(),
                AssessorRow.pods(context), context);
        assertEquals(row.reasons(), AssessorRow.reasonsOf(assessed.findings()));
        assertEquals(row.verdict(), assessed.part().status());
        assertEquals(ROLLOUT.get(row.name()), assessed.part().rollout());
    }
}
