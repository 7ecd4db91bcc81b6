package io.statefulapps.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No time rule is missed: over every scenario of the tables, the report assessed later (same
 * objects) is the same as long as {@code nextChangeAt} has not come, and for ever when it is
 * {@code null}. {@code observedAt} is the only field that follows the clock by itself.
 */
class NextChangeInvariantTest {

    /** A scenario of one of the tables, its snapshot built once. */
    record Scenario(String name, ClusterSnapshot snapshot) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        Stream<Scenario> cases = HealthCases.all().stream()
                .map(c -> new Scenario("HealthCases: " + c.name(), c.fixture().build()));
        Stream<Scenario> rows = Stream.of(
                        table("Container", ContainerAssessorTableTest.rows()), table("Dns", DnsAssessorTableTest.rows()),
                        table("Pod", PodAssessorTableTest.rows()),
                        table("ReadinessProbe", ReadinessProbeAssessorTableTest.rows()),
                        table("RetainedClaim", RetainedClaimAssessorTableTest.rows()),
                        table("Service", ServiceAssessorTableTest.rows()),
                        table("StatefulSet", StatefulSetAssessorTableTest.rows()),
                        table("TrioPresence", TrioPresenceTableTest.rows()), table("Volume", VolumeAssessorTableTest.rows()))
                .flatMap(s -> s);
        return Stream.concat(cases, rows);
    }

    private static Stream<Scenario> table(String table, Stream<AssessorRow> rows) {
        return rows.map(r -> new Scenario(table + ": " + r.name(), r.fixture().build()));
    }

    /** The same objects, seen at another moment. */
    static ClusterSnapshot at(ClusterSnapshot s, Instant now) {
        return new ClusterSnapshot(s.namespace(), s.app(), s.names(), s.statefulSet(), s.headlessService(),
                s.clientService(), s.pods(), s.claims(), s.volumesByName(), s.endpointSlices(), s.events(),
                s.storageClasses(), s.nodes(), s.cacheSynced(), s.staleFor(), now);
    }

    static HealthAssessment assessAt(ClusterSnapshot snapshot, Instant now) {
        return HealthAssessor.assessment(at(snapshot, now), TestSettings.DEFAULTS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theReportHoldsUntilItsNextChange(Scenario s) {
        HealthAssessment now = HealthAssessor.assessment(s.snapshot(), TestSettings.DEFAULTS);
        HealthReport expected = now.report();
        Instant next = now.nextChangeAt();
        List<Instant> later = next == null
                ? List.of(s.snapshot().now().plus(Duration.ofDays(1)), s.snapshot().now().plus(Duration.ofDays(1000)))
                : List.of(next.minusMillis(1), next.minusNanos(1));
        if (next != null) {
            assertTrue(next.isAfter(s.snapshot().now()), () -> "nextChangeAt " + next + " is not after now");
        }
        for (Instant moment : later) {
            HealthReport then = assessAt(s.snapshot(), moment).report();
            assertEquals(expected, then.withObservedAt(expected.observedAt()), () -> "changed by " + moment);
        }
    }

    /** The converse: a due time is not merely safe but exact, the report does change then. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theReportChangesAtItsNextChange(Scenario s) {
        HealthAssessment now = HealthAssessor.assessment(s.snapshot(), TestSettings.DEFAULTS);
        if (now.nextChangeAt() != null) {
            HealthReport then = assessAt(s.snapshot(), now.nextChangeAt()).report();
            assertNotEquals(now.report(), then.withObservedAt(now.report().observedAt()));
        }
    }

    /** Both branches above are exercised, so neither passes for want of rows. */
    @Test
    void theTablesHoldScenariosWithAndWithoutDueTimes() {
        long due = scenarios().filter(s -> HealthAssessor.assessment(s.snapshot(), TestSettings.DEFAULTS)
                .nextChangeAt() != null).count();
        long total = scenarios().count();
        assertTrue(due >= 10, "scenarios with a due time: " + due);
        assertTrue(total - due >= 10, "scenarios without: " + (total - due));
    }
}
