package io.statefulapps.health;

import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthTextRendererTest {

    @Test
    void healthyAppIsTwoLines() {
        String text = HealthTextRenderer.render(HealthAssessor.assess(healthyApp("eureka", 2).build(),
                HealthSettings.defaults()));
        assertEquals("eureka in shop: Healthy (2/2 pods ready)\nHealthy: 2/2 pods ready, rollout Complete", text);
    }

    @Test
    void problemsComeWithTheirHints() {
        String text = HealthTextRenderer.render(HealthAssessor.assess(
                healthyApp("eureka", 2).withPod(1, Scenarios.crashLooping()).build(), HealthSettings.defaults()));
        List<String> lines = text.lines().toList();
        assertEquals("eureka in shop: Degraded (1/2 pods ready)", lines.get(0));
        assertTrue(lines.get(1).startsWith("- CrashLoopBackOff on Pod/eureka-1: container eureka is crash-looping"),
                lines.get(1));
        assertEquals("  hint: read the crashed run's output: kubectl -n shop logs eureka-1 -c eureka --previous",
                lines.get(2));
        assertTrue(lines.get(3).startsWith("- RolloutInProgress on StatefulSet/eureka"), lines.get(3));
    }

    @Test
    void longReportsAreCutWithACount() {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            problems.add(new Problem(Severity.Error, "Pod/eureka-" + i, Reason.ImagePullBackOff,
                    "cannot pull\nits image", "kubectl -n shop describe pod eureka-" + i));
        }
        HealthReport report = new HealthReport("eureka", "shop", HealthStatus.Degraded, "s", Instant.EPOCH, null,
                List.of(), List.of(), List.of(), List.of(), problems, List.of());
        List<String> lines = HealthTextRenderer.render(report).lines().toList();
        assertEquals(15, lines.size());
        assertEquals("eureka in shop: Degraded (0/0 pods ready)", lines.get(0));
        assertEquals("- ImagePullBackOff on Pod/eureka-0: cannot pull its image", lines.get(1));
        assertEquals("- ImagePullBackOff on Pod/eureka-6: cannot pull its image", lines.get(13));
        assertEquals("\u2026and 5 more problems", lines.get(14));
        for (int max = 2; max <= 20; max++) {
            List<String> cut = HealthTextRenderer.render(report, max).lines().toList();
            assertTrue(cut.size() <= max, "max " + max + ": " + cut.size());
            assertTrue(cut.get(cut.size() - 1).startsWith("\u2026and "), "max " + max);
        }
    }

    @Test
    void noMarkupThatAChatWouldMangle() {
        String text = HealthTextRenderer.render(HealthAssessor.assess(healthyApp("eureka", 2)
                .withPod(0, Scenarios.crashLooping()).withoutClient().build(), HealthSettings.defaults()));
        assertFalse(text.contains("**") || text.contains("`") || text.contains("#") || text.contains("<"), text);
    }
}
