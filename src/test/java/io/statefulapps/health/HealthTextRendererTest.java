package io.statefulapps.health;

import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthTextRendererTest {

    private static HealthReport assess(SnapshotFixture fixture) {
        return HealthAssessor.assess(fixture.build(), TestSettings.DEFAULTS);
    }

    @Test
    void healthyAppIsTwoLines() {
        String text = HealthTextRenderer.render(assess(healthyApp("eureka", 2)), TestSettings.DEFAULTS.maxTextLines());
        // healthy since its pods last turned ready, 50 minutes before the fixture's now
        assertEquals("eureka in shop: Healthy (2/2 pods ready) for 50m\nHealthy: 2/2 pods ready, rollout Complete", text);
    }

    @Test
    void problemsComeWithTheirHints() {
        String text = HealthTextRenderer.render(assess(healthyApp("eureka", 2).withPod(1, Scenarios.crashLooping())), TestSettings.DEFAULTS.maxTextLines());
        List<String> lines = text.lines().toList();
        assertEquals("eureka in shop: Degraded (1/2 pods ready) for 3m \u2014 CrashLoopBackOff on Pod/eureka-1 (+1 more)",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("- CrashLoopBackOff on Pod/eureka-1: container eureka is crash-looping"),
                lines.get(1));
        assertEquals("  hint: read the crashed run's output: kubectl -n shop logs eureka-1 -c eureka --previous",
                lines.get(2));
        assertTrue(lines.get(3).startsWith("- RolloutInProgress on StatefulSet/eureka"), lines.get(3));
    }

    @Test
    void firstLineNamesTheRootCauseNotTheFirstSymptom() {
        HealthReport report = assess(healthyApp("eureka", 2)
                .withPod(1, Scenarios.unscheduled(1, "Unschedulable", HealthCases.UNBOUND))
                .withClaim(1, Scenarios.pendingClaim("fast-ssd", 1)));
        String first = HealthTextRenderer.render(report, 1);
        assertTrue(first.contains("\u2014 StorageClassNotFound on PersistentVolumeClaim/data-eureka-1 (+2 more)"), first);
        assertEquals(1, first.lines().count());
    }

    @Test
    void longReportsAreCutWithACount() {
        List<HealthProblem> problems = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            problems.add(new HealthProblem(Severity.Error, "Pod/eureka-" + i, Reason.ImagePullBackOff,
                    "cannot pull\nits image", "kubectl -n shop describe pod eureka-" + i));
        }
        HealthReport report = report(problems, null, null);
        List<String> lines = HealthTextRenderer.render(report, TestSettings.DEFAULTS.maxTextLines()).lines().toList();
        assertEquals(15, lines.size());
        assertEquals("eureka in shop: Degraded (0/0 pods ready) \u2014 ImagePullBackOff on Pod/eureka-0 (+11 more)",
                lines.get(0));
        assertEquals("- ImagePullBackOff on Pod/eureka-0: cannot pull its image", lines.get(1));
        assertEquals("- ImagePullBackOff on Pod/eureka-6: cannot pull its image", lines.get(13));
        assertEquals("+5 more", lines.get(14));
        for (int max = 2; max <= 20; max++) {
            List<String> cut = HealthTextRenderer.render(report, max).lines().toList();
            assertTrue(cut.size() <= max, "max " + max + ": " + cut.size());
            assertTrue(cut.get(cut.size() - 1).matches("\\+\\d+ more"), "max " + max + ": " + cut);
            int shown = (int) cut.stream().filter(l -> l.startsWith("- ")).count();
            assertEquals("+" + (12 - shown) + " more", cut.get(cut.size() - 1), "max " + max);
        }
        assertEquals(1, HealthTextRenderer.render(report, 1).lines().count());
        assertEquals(1, HealthTextRenderer.render(report, 0).lines().count());
    }

    @Test
    void everythingFitsWithoutATail() {
        List<HealthProblem> problems = List.of(new HealthProblem(Severity.Error, "Pod/eureka-0", Reason.ImagePullBackOff, "m", "h"));
        List<String> lines = HealthTextRenderer.render(report(problems, null, null), 3).lines().toList();
        assertEquals(List.of("eureka in shop: Degraded (0/0 pods ready) \u2014 ImagePullBackOff on Pod/eureka-0",
                "- ImagePullBackOff on Pod/eureka-0: m", "  hint: h"), lines);
    }

    @Test
    void sinceAndStaleDataAreSaid() {
        Instant observed = Instant.parse("2026-01-01T12:00:00Z");
        List<HealthProblem> problems = List.of(new HealthProblem(Severity.Error, "Pod/eureka-0", Reason.CrashLoopBackOff, "m", "h"));
        HealthReport report = report(problems, observed.minus(Duration.ofMinutes(12)), 45L);
        List<String> lines = HealthTextRenderer.render(report, TestSettings.DEFAULTS.maxTextLines()).lines().toList();
        assertEquals("eureka in shop: Degraded (0/0 pods ready) for 12m \u2014 CrashLoopBackOff on Pod/eureka-0",
                lines.get(0));
        assertEquals("data is 45s old: the watch of the cluster is re-connecting", lines.get(1));
    }

    @Test
    void theDurationIsHowLongTheVerdictHasLastedWhenTheTextIsRead() {
        Instant observed = Instant.parse("2026-01-01T12:00:00Z");
        List<HealthProblem> problems = List.of(new HealthProblem(Severity.Error, "Pod/eureka-0", Reason.CrashLoopBackOff, "m", "h"));
        HealthReport report = report(problems, observed.minus(Duration.ofMinutes(12)), null);
        ChatText text = HealthTextRenderer.text(report, 3);
        assertEquals(HealthTextRenderer.render(report, 3), text.at(observed));
        assertEquals("eureka in shop: Degraded (0/0 pods ready) for 3h \u2014 CrashLoopBackOff on Pod/eureka-0",
                text.at(observed.plus(Duration.ofHours(3))).lines().findFirst().orElseThrow());
        // A clock behind the report's since says 0s, not a negative duration.
        assertEquals(" for 0s", ChatText.lasted(observed, observed.minusSeconds(5)));
        // Without a since there is no duration to fill in, whenever it is read.
        ChatText unknown = HealthTextRenderer.text(report(problems, null, null), 3);
        assertEquals(unknown.at(observed), unknown.at(observed.plus(Duration.ofDays(2))));
        assertFalse(unknown.at(observed).contains(" for "), unknown.at(observed));
    }

    @Test
    void aLongFirstLineKeepsRoomForItsDuration() {
        String object = "Pod/" + "x".repeat(400);
        List<HealthProblem> problems = List.of(new HealthProblem(Severity.Error, object, Reason.CrashLoopBackOff, "m", "h"));
        Instant observed = Instant.parse("2026-01-01T12:00:00Z");
        ChatText text = HealthTextRenderer.text(report(problems, observed.minus(Duration.ofDays(400)), null), 1);
        String line = text.at(observed.plus(Duration.ofDays(99_999)));
        assertTrue(line.length() <= 300, line.length() + ": " + line);
        assertTrue(line.contains(" for 100399d \u2014 CrashLoopBackOff on Pod/xxx"), line);
        assertTrue(line.endsWith("\u2026"), line);
    }

    @Test
    void durationsAreCompact() {
        assertEquals("0s", CompactDuration.of(Duration.ZERO));
        assertEquals("45s", CompactDuration.of(Duration.ofSeconds(45)));
        assertEquals("1m", CompactDuration.of(Duration.ofSeconds(60)));
        assertEquals("12m", CompactDuration.of(Duration.ofMinutes(12).plusSeconds(59)));
        assertEquals("3h", CompactDuration.of(Duration.ofHours(3).plusMinutes(59)));
        assertEquals("2d", CompactDuration.of(Duration.ofDays(2).plusHours(23)));
        assertEquals("0s", CompactDuration.of(Duration.ofSeconds(-5)));
    }

    @Test
    void noMarkupThatAChatWouldMangle() {
        String text = HealthTextRenderer.render(assess(healthyApp("eureka", 2)
                .withPod(0, Scenarios.crashLooping()).withoutClient()), TestSettings.DEFAULTS.maxTextLines());
        assertFalse(text.contains("**") || text.contains("`") || text.contains("#") || text.contains("<"), text);
    }

    private static HealthReport report(List<HealthProblem> problems, Instant since, Long dataAge) {
        return new HealthReport("eureka", "shop", HealthStatus.Degraded, since, "s", Instant.parse("2026-01-01T12:00:00Z"),
                dataAge, Fingerprint.of(HealthStatus.Degraded, problems), null, List.of(), List.of(), List.of(), List.of(),
                problems.subList(0, 1), problems, List.of());
    }
}
