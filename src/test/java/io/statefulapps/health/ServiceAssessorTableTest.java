package io.statefulapps.health;

import static io.statefulapps.health.AssessorRow.row;
import static io.statefulapps.health.HealthStatus.Degraded;
import static io.statefulapps.health.HealthStatus.Healthy;
import static io.statefulapps.health.HealthStatus.Progressing;
import static io.statefulapps.health.Reason.*;
import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The client Service "eureka": selector, endpoints, targetPort, load balancer. */
class ServiceAssessorTableTest {

    static Stream<AssessorRow> rows() {
        return Stream.of(
                row("selects the pods, endpoints ready", healthyApp("eureka", 2), Healthy),
                row("selector matches nothing", healthyApp("eureka", 2).withClient(s -> new ServiceBuilder(s).editSpec()
                        .withSelector(Map.of("app", "eurekaa")).endSpec().build()), Degraded, ServiceSelectorMismatch),
                row("empty selector selects nothing", healthyApp("eureka", 2).withClient(s -> new ServiceBuilder(s)
                        .editSpec().withSelector(Map.of()).endSpec().build()), Degraded, ServiceSelectorMismatch),
                row("no ready endpoints", healthyApp("eureka", 2).withoutClientEndpoints(), Degraded, NoReadyEndpoints),
                row("no endpoints moments after the pods turned ready", healthyApp("eureka", 2).withoutClientEndpoints()
                        .withPod(0, p -> Scenarios.readyPod("eureka", 0, SnapshotFixture.REV1))
                        .withPod(1, p -> withReadySince(p, SnapshotFixture.ago(java.time.Duration.ofSeconds(10)))),
                        Progressing, NoReadyEndpoints),
                row("named targetPort nobody declares", HealthCases.withPorts().withClient(s -> new ServiceBuilder(s)
                        .editSpec().editFirstPort().withNewTargetPort("web").endPort().endSpec().build()), Degraded,
                        TargetPortMismatch),
                row("named targetPort declared", HealthCases.withPorts().withClient(s -> new ServiceBuilder(s)
                        .editSpec().editFirstPort().withNewTargetPort("http").endPort().endSpec().build()), Healthy),
                row("numbered targetPort nobody declares", HealthCases.withPorts().withClient(s -> new ServiceBuilder(s)
                        .editSpec().editFirstPort().withNewTargetPort(8080).endPort().endSpec().build()), Healthy,
                        TargetPortMismatch),
                row("numbered targetPort, containers declare no ports", healthyApp("eureka", 2).withClient(s ->
                        new ServiceBuilder(s).editSpec().editFirstPort().withNewTargetPort(8080).endPort().endSpec().build()),
                        Healthy),
                row("load balancer being provisioned", HealthCases.loadBalancer(2, false), Progressing,
                        LoadBalancerProvisioning),
                row("load balancer never provisioned", HealthCases.loadBalancer(60, false), Degraded, LoadBalancerPending),
                row("load balancer with an address", HealthCases.loadBalancer(60, true), Healthy));
    }

    private static io.fabric8.kubernetes.api.model.Pod withReadySince(io.fabric8.kubernetes.api.model.Pod pod, String since) {
        return new io.fabric8.kubernetes.api.model.PodBuilder(pod).editStatus()
                .withConditions(Scenarios.condition("Ready", "True", null, null, since)).endStatus().build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void verdictAndFindings(AssessorRow row) {
        PartAssessment<List<ServiceReport>> assessed = ServiceAssessor.assessBoth(row.context(), List.of());
        ServiceReport client = assessed.part().stream().filter(s -> s.role().equals(ServiceAssessor.CLIENT)).findFirst()
                .orElseThrow();
        assertEquals(row.reasons(), AssessorRow.reasonsOf(assessed.findings()));
        assertEquals(row.verdict(), client.status());
    }
}
