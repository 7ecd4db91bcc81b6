package io.statefulapps.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.statefulapps.cluster.compaction.ReportCompaction;
import io.statefulapps.health.HealthCases.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report store keeps each report compacted (exact-size immutable lists, shared texts): for
 * every row of the rule table it is the same report, written the same as JSON and as text, and its
 * causes are still the very problems they are among.
 */
class CompactedReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    static Stream<Case> rows() {
        return HealthCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void isTheSameReport(Case row) throws Exception {
        HealthReport report = HealthSince.carry(null, HealthAssessor.assess(row.fixture().build(), TestSettings.DEFAULTS));

        HealthReport compacted = new ReportCompaction().compact(report);

        assertEquals(report, compacted);
        assertEquals(JSON.writeValueAsString(report), JSON.writeValueAsString(compacted));
        assertEquals(HealthTextRenderer.render(report, 15), HealthTextRenderer.render(compacted, 15));
        for (HealthProblem cause : compacted.causes()) {
            assertSame(cause, compacted.problems().get(compacted.problems().indexOf(cause)));
        }
        assertThrows(UnsupportedOperationException.class, () -> compacted.problems().add(null));
    }
}
