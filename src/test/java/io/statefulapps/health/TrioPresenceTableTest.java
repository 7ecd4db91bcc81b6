package io.statefulapps.health;

import static io.statefulapps.health.AssessorRow.row;
import static io.statefulapps.health.HealthStatus.Healthy;
import static io.statefulapps.health.HealthStatus.Missing;
import static io.statefulapps.health.HealthStatus.Progressing;
import static io.statefulapps.health.Reason.*;
import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TrioPresenceTableTest {

    static Stream<AssessorRow> rows() {
        return Stream.of(
                row("all three there", healthyApp("eureka", 2), Healthy),
                row("no StatefulSet", healthyApp("eureka", 2).withoutStatefulSet(), Missing, StatefulSetMissing),
                row("no headless Service", healthyApp("eureka", 2).withoutHeadless(), Missing, HeadlessServiceMissing),
                row("no client Service", healthyApp("eureka", 2).withoutClient(), Missing, ClientServiceMissing),
                row("none of them", healthyApp("eureka", 0).withoutStatefulSet().withoutHeadless().withoutClient(), Missing,
                        StatefulSetMissing, HeadlessServiceMissing, ClientServiceMissing),
                row("one not visible yet, the others seconds old", healthyApp("eureka", 2).withoutClient()
                        .withStatefulSet(s -> new StatefulSetBuilder(s).editMetadata()
                                .withCreationTimestamp(SnapshotFixture.ago(Duration.ofSeconds(5))).endMetadata().build()),
                        Progressing, ClientServiceMissing));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void findings(AssessorRow row) {
        List<Finding> findings = TrioPresence.assess(row.context());
        assertEquals(row.reasons(), AssessorRow.reasonsOf(findings));
        assertEquals(row.verdict(), Finding.worst(findings, Healthy));
    }
}
