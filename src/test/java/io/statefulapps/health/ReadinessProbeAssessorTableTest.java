package io.statefulapps.health;

import static io.statefulapps.health.AssessorRow.row;
import static io.statefulapps.health.HealthStatus.Healthy;
import static io.statefulapps.health.Reason.NoReadinessProbe;
import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Pods none of whose containers has a readiness probe: an Info note that changes no verdict. */
class ReadinessProbeAssessorTableTest {

    static Stream<AssessorRow> rows() {
        return Stream.of(
                row("every pod has a readiness probe", healthyApp("eureka", 2), Healthy),
                row("one pod without", healthyApp("eureka", 2).withPod(1, Scenarios.withoutReadinessProbe()), Healthy,
                        NoReadinessProbe),
                row("a sidecar without, the app container with", healthyApp("eureka", 2).withPod(1, p -> new PodBuilder(p)
                        .editSpec().addToContainers(new ContainerBuilder().withName("proxy").withImage("envoy").build())
                        .endSpec().build()), Healthy),
                row("no pods", healthyApp("eureka", 0), Healthy));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void noteOnly(AssessorRow row) {
        AssessmentContext context = row.context();
        List<Finding> findings = new ArrayList<>();
        ReadinessProbeAssessor.assess(AssessorRow.pods(context), context).ifPresent(findings::add);
        assertEquals(row.reasons(), AssessorRow.reasonsOf(findings));
        assertEquals(row.verdict(), Finding.worst(findings, Healthy));
    }
}
