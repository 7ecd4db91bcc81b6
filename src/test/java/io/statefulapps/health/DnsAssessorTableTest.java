package io.statefulapps.health;

import static io.statefulapps.health.AssessorRow.row;
import static io.statefulapps.health.HealthStatus.Degraded;
import static io.statefulapps.health.HealthStatus.Healthy;
import static io.statefulapps.health.HealthStatus.Progressing;
import static io.statefulapps.health.Reason.*;
import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The headless Service's pairing and the DNS record of eureka-1: the worst verdict among the records, and the findings. */
class DnsAssessorTableTest {

    static Stream<AssessorRow> rows() {
        return Stream.of(
                row("records published", healthyApp("eureka", 2), Healthy),
                row("ready pod without a record", healthyApp("eureka", 2).withoutEndpoint(1), Degraded, DnsRecordMissing),
                row("endpoint without hostname", healthyApp("eureka", 2).withEndpointWithoutHostname(1), Degraded,
                        DnsRecordMissing),
                row("record points elsewhere", healthyApp("eureka", 2).withEndpointIP(1, "10.0.0.99"), Degraded,
                        DnsRecordMismatch),
                row("starting pod, not published yet", healthyApp("eureka", 2).withPod(1, Scenarios.notReadyFor(1)),
                        Progressing, NotReadyAddressesUnpublished),
                row("starting pod, not-ready addresses published", healthyApp("eureka", 2)
                        .withPod(1, Scenarios.notReadyFor(1))
                        .withHeadless(s -> new ServiceBuilder(s).editSpec().withPublishNotReadyAddresses(true).endSpec()
                                .build()), Progressing),
                row("not headless", healthyApp("eureka", 2).withHeadless(s -> new ServiceBuilder(s).editSpec()
                        .withClusterIP("10.96.0.11").endSpec().build()), Healthy, HeadlessServiceNotHeadless),
                row("serviceName names another Service", healthyApp("eureka", 2).withStatefulSet(s -> new StatefulSetBuilder(s)
                        .editSpec().withServiceName("eureka-peers").endSpec().build()), Healthy, ServiceNameMismatch),
                row("no headless Service", healthyApp("eureka", 2).withoutHeadless(), Healthy));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void recordsAndFindings(AssessorRow row) {
        AssessmentContext context = row.context();
        AppPods pods = AssessorRow.pods(context);
        Map<String, HealthStatus> podVerdicts = new HashMap<>();
        // as if every pod that is not ready were merely starting
        pods.sorted().forEach(p -> podVerdicts.put(MetadataReads.name(p),
                PodReads.isReady(p) ? Healthy : Progressing));
        PartAssessment<List<DnsRecordReport>> assessed = DnsAssessor.assess(context.snapshot().headlessService(),
                context.snapshot().statefulSet(), pods, podVerdicts, context);
        assertEquals(row.reasons(), AssessorRow.reasonsOf(assessed.findings()));
        HealthStatus worst = Healthy;
        for (DnsRecordReport record : assessed.part()) {
            worst = worst.worse(record.status());
        }
        assertEquals(row.verdict(), worst, "the records' verdict (pairing problems mark the Services and the set)");
    }
}
