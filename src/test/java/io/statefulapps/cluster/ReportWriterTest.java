package io.statefulapps.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.statefulapps.health.ContainerReport;
import io.statefulapps.health.HealthProblem;
import io.statefulapps.health.HealthReport;
import io.statefulapps.health.HealthStatus;
import io.statefulapps.health.HealthTextRenderer;
import io.statefulapps.health.PodReport;
import io.statefulapps.health.Reason;
import io.statefulapps.health.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the report store keeps of a report (JSON, text, tag, digest), and when a report computed
 * again is the one already kept: only when nothing but the time it was observed differs, whether
 * the digest shows the difference or only the JSON does.
 */
class ReportWriterTest {

    private static final Instant AT = Instant.parse("2026-01-01T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ReportWriter writer = new ReportWriter(JSON, 3, Clock.fixed(AT, ZoneOffset.UTC));

    @Test
    void keepsTheJsonTheTextAndATagOfTheJson() throws Exception {
        HealthReport report = report(HealthStatus.Degraded, 4, AT);

        StoredReport stored = writer.stored(report, writer.digest(report));

        assertArrayEquals(JSON.writeValueAsBytes(report), stored.json());
        assertEquals(HealthTextRenderer.render(report, 3), new String(stored.text().at(report.observedAt()), StandardCharsets.UTF_8));
        assertTrue(stored.etag().matches("\"[0-9a-f]{32}\""), stored.etag());
        assertEquals(AT, stored.computedAt());
        assertEquals(report, writer.readBack(stored));
        assertEquals(HealthStatus.Degraded, stored.digest().status());
        assertEquals(List.of(Reason.CrashLoopBackOff), stored.digest().reasonsToAct());
    }

    @Test
    void readsBackEveryInstantToTheNanosecond() {
        for (long nanos : new long[] {0, 123_000_000, 123_456_000, 845_397_837, 1}) {
            HealthReport report = report(HealthStatus.Degraded, 4, AT.plusNanos(nanos));

            assertEquals(report, writer.readBack(kept(report)), "observed at " + report.observedAt());
        }
    }

    @Test
    void writesEveryInstantAsTheMapperWritesIt() throws Exception {
        for (long nanos : new long[] {0, 123_000_000, 123_456_000, 845_397_837, 1}) {
            HealthReport report = report(HealthStatus.Degraded, 4, AT.plusNanos(nanos));

            assertArrayEquals(JSON.writeValueAsBytes(report), kept(report).json(), "observed at " + report.observedAt());
        }
    }

    @Test
    void theSameReportObservedLaterIsUnchanged() {
        StoredReport kept = kept(report(HealthStatus.Degraded, 4, AT));
        HealthReport later = report(HealthStatus.Degraded, 4, AT.plusSeconds(30));

        assertTrue(writer.unchanged(kept, later, writer.digest(later)));
    }

    @Test
    void aDetailOnlyTheJsonShowsIsAChange() {
        StoredReport kept = kept(report(HealthStatus.Degraded, 4, AT));
        HealthReport moreRestarts = report(HealthStatus.Degraded, 5, AT.plusSeconds(30));

        assertEquals(kept.digest().withObservedAt(moreRestarts.observedAt()), writer.digest(moreRestarts),
                "the digest does not show restarts");
        assertFalse(writer.unchanged(kept, moreRestarts, writer.digest(moreRestarts)));
    }

    @Test
    void anotherVerdictIsAChange() {
        StoredReport kept = kept(report(HealthStatus.Degraded, 4, AT));
        HealthReport progressing = report(HealthStatus.Progressing, 4, AT.plusSeconds(30));

        assertFalse(writer.unchanged(kept, progressing, writer.digest(progressing)));
    }

    @Test
    void summariesRepeatedAcrossReportsAreKeptOnce() {
        StoredReport first = kept(report(HealthStatus.Degraded, 4, AT));
        StoredReport second = kept(report(HealthStatus.Degraded, 7, AT));

        assertSame(first.digest().summary(), second.digest().summary());
    }

    private StoredReport kept(HealthReport report) {
        return writer.stored(report, writer.digest(report));
    }

    /** A one-pod report whose pod has restarted {@code restarts} times; the summary is a new string each time. */
    private static HealthReport report(HealthStatus status, int restarts, Instant observedAt) {
        HealthProblem crashing = new HealthProblem(Severity.Error, "Pod/eureka-0", Reason.CrashLoopBackOff,
                "back-off restarting", "kubectl -n shop logs eureka-0 --previous", AT.minusSeconds(60));
        PodReport pod = new PodReport("eureka-0", 0, status, "Running", false, restarts, "10.0.0.1", "node-1",
                "eureka-1", AT.minusSeconds(600), List.of(new ContainerReport("eureka", false, "waiting",
                        "CrashLoopBackOff", null, false, restarts, null, null)));
        return new HealthReport("eureka", "shop", status, AT.minusSeconds(60), new String("0/1 pods ready"),
                observedAt, null, "00000000000000ff", null, List.of(pod), List.of(), List.of(), List.of(),
                List.of(crashing), List.of(crashing), List.of());
    }
}
