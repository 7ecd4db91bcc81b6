package io.statefulapps.health;

import static io.statefulapps.health.AssessorRow.row;
import static io.statefulapps.health.HealthStatus.Degraded;
import static io.statefulapps.health.HealthStatus.Healthy;
import static io.statefulapps.health.Reason.*;
import static io.statefulapps.health.Scenarios.*;
import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The (init) containers of eureka-1, as the kubelet reports them. */
class ContainerAssessorTableTest {

    private static SnapshotFixture pod1(UnaryOperator<Pod> change) {
        return healthyApp("eureka", 2).withPod(1, change);
    }

    static Stream<AssessorRow> rows() {
        return Stream.of(
                row("running", healthyApp("eureka", 2), Healthy),
                row("crash loop", pod1(crashLooping()), Degraded, CrashLoopBackOff),
                row("crash loop after an OOM kill", pod1(p -> oomKilled(1).apply(crashLooping().apply(p))), Degraded, OOMKilled),
                row("OOM kill a minute ago", pod1(oomKilled(1)), Degraded, OOMKilled),
                row("OOM kill two hours ago", pod1(oomKilled(120)), Healthy),
                row("image pull back-off", pod1(waiting("ImagePullBackOff", "Back-off", 0)), Degraded, ImagePullBackOff),
                row("image pull error", pod1(waiting("ErrImagePull", "manifest unknown", 0)), Degraded, ErrImagePull),
                row("invalid image name", pod1(waiting("InvalidImageName", "bad ref", 0)), Degraded, InvalidImageName),
                row("config missing", pod1(waiting("CreateContainerConfigError", "secret not found", 0)), Degraded,
                        CreateContainerConfigError),
                row("cannot run", pod1(waiting("RunContainerError", "exec: not found", 2)), Degraded, ContainerError),
                row("creating", pod1(waiting("ContainerCreating", null, 0)), Healthy),
                row("init container crash-looping", pod1(initContainer(initWaiting("CrashLoopBackOff"))), Degraded,
                        InitContainerFailed),
                row("init container exited 2", pod1(initContainer(initExited(2))), Degraded, InitContainerFailed),
                row("init container done", pod1(initContainer(initExited(0))), Healthy));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void findings(AssessorRow row) {
        AssessmentContext context = row.context();
        PartAssessment<java.util.List<ContainerReport>> assessed = ContainerAssessor.assess(AssessorRow.pods(context).at(1),
                context);
        assertEquals(row.reasons(), AssessorRow.reasonsOf(assessed.findings()));
        assertEquals(row.verdict(), Finding.worst(assessed.findings(), Healthy));
    }
}
