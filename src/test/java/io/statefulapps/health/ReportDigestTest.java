package io.statefulapps.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.statefulapps.health.HealthCases.Case;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report store keeps a report's JSON and its digest, not the report: for every row of the rule
 * table the report read back from its JSON is the same report (written and rendered the same), and
 * the digest says what the report says.
 */
class ReportDigestTest {

    /** As Quarkus configures its mapper: ISO dates, unknown properties ignored. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Stream<Case> rows() {
        return HealthCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theReportReadBackFromItsJsonIsTheSameReport(Case row) throws Exception {
        HealthReport report = carried(row);

        HealthReport readBack = JSON.readValue(JSON.writeValueAsBytes(report), HealthReport.class);

        assertEquals(report, readBack);
        assertEquals(JSON.writeValueAsString(report), JSON.writeValueAsString(readBack));
        assertEquals(HealthTextRenderer.render(report, 3), HealthTextRenderer.render(readBack, 3));
        assertEquals(ReportDigest.of(report), ReportDigest.of(readBack));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theDigestSaysWhatTheReportSays(Case row) {
        HealthReport report = carried(row);

        ReportDigest digest = ReportDigest.of(report);

        assertEquals(row.status(), digest.status());
        assertEquals(report.since(), digest.since());
        assertEquals(report.observedAt(), digest.observedAt());
        assertEquals(report.summary(), digest.summary());
        assertEquals(report.desiredPods(), digest.desiredPods());
        assertEquals(report.readyPods(), digest.readyPods());
        assertEquals(report.fingerprint(), digest.fingerprint());
        assertEquals(report.problems().size(), digest.problems().size());
        for (int i = 0; i < report.problems().size(); i++) {
            HealthProblem problem = report.problems().get(i);
            ReportDigest.ProblemMark mark = digest.problems().get(i);
            assertEquals(List.of(problem.severity(), problem.reason(), problem.object(), problem.since()),
                    List.of(mark.severity(), mark.reason(), mark.object(), mark.since()));
            assertEquals(problem.identity(), mark.identity());
        }
        assertEquals(report.problems().stream().filter(p -> p.severity() != Severity.Info).map(HealthProblem::reason)
                .distinct().toList(), digest.reasonsToAct());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void sinceIsCarriedFromTheDigestAsFromTheReport(Case row) {
        HealthReport first = carried(row);
        HealthReport again = HealthAssessor.assess(row.fixture().at(first.observedAt().plus(Duration.ofSeconds(30)))
                .build(), TestSettings.DEFAULTS);

        HealthReport next = HealthSince.carry(ReportDigest.of(first), again);

        assertEquals(next.status() == first.status() ? first.since() : next.observedAt(), next.since());
        for (HealthProblem problem : next.problems()) {
            HealthProblem before = first.problems().stream().filter(p -> p.identity().equals(problem.identity()))
                    .findFirst().orElse(null);
            assertEquals(before != null ? before.since() : next.observedAt(), problem.since(), problem.identity());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void sharedSummariesAreTheSameInstance(Case row) {
        HealthReport report = carried(row);
        String kept = new String(report.summary().toCharArray());

        ReportDigest digest = ReportDigest.of(report, s -> kept);

        assertSame(kept, digest.summary());
        assertEquals(digest, ReportDigest.of(report));
        assertNotEquals(digest, digest.withObservedAt(report.observedAt().plusSeconds(1)));
        assertEquals(digest, digest.withObservedAt(report.observedAt().plusSeconds(1))
                .withObservedAt(report.observedAt()));
    }

    private static HealthReport carried(Case row) {
        return HealthSince.carry(null, HealthAssessor.assess(row.fixture().build(), TestSettings.DEFAULTS));
    }
}
