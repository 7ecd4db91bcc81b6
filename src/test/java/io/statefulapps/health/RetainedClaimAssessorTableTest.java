package io.statefulapps.health;

import static io.statefulapps.health.AssessorRow.row;
import static io.statefulapps.health.HealthStatus.Healthy;
import static io.statefulapps.health.Reason.*;
import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Claims a scale-down left behind: an Info note that changes no verdict. */
class RetainedClaimAssessorTableTest {

    static Stream<AssessorRow> rows() {
        return Stream.of(
                row("nothing to note", healthyApp("eureka", 2), Healthy),
                row("claims of ordinals 2 and 3 kept", healthyApp("eureka", 2).withBoundClaim(2).withBoundClaim(3), Healthy,
                        RetainedClaim),
                row("claim of a pod still scaling down", healthyApp("eureka", 3).withStatefulSet(s -> new StatefulSetBuilder(s)
                        .editSpec().withReplicas(2).endSpec().build()).withPod(2, Scenarios.terminating(-1)), Healthy),
                row("claims below the first ordinal kept", healthyApp("eureka", 2, 3).withBoundClaim(0), Healthy,
                        RetainedClaim),
                row("scaled to zero, claims kept", healthyApp("eureka", 0).withBoundClaim(0), Healthy, RetainedClaim),
                row("pods without readiness probes are not this assessor's business", healthyApp("eureka", 2)
                        .withPod(1, Scenarios.withoutReadinessProbe()), Healthy));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void notesOnly(AssessorRow row) {
        AssessmentContext context = row.context();
        AppPods pods = AssessorRow.pods(context);
        List<Finding> findings = new ArrayList<>();
        RetainedClaimAssessor.assess(context.snapshot().statefulSet(), pods, context).ifPresent(findings::add);
        assertEquals(row.reasons(), AssessorRow.reasonsOf(findings));
        assertEquals(row.verdict(), Finding.worst(findings, Healthy));
    }
}
