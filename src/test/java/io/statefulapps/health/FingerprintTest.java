package io.statefulapps.health;

import static io.statefulapps.health.SnapshotFixture.healthyApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fingerprint changes with the situation and only with it, so a bot announces a problem once. */
class FingerprintTest {

    private static HealthReport assess(SnapshotFixture fixture) {
        return HealthAssessor.assess(fixture.build(), TestSettings.DEFAULTS);
    }

    @Test
    void sameSituationSameFingerprintWhateverTheTimeAndWords() {
        HealthReport now = assess(healthyApp("eureka", 2).withPod(1, Scenarios.crashLooping()));
        HealthReport later = assess(healthyApp("eureka", 2).withPod(1, Scenarios.crashLooping())
                .at(SnapshotFixture.NOW.plus(Duration.ofMinutes(3))));
        assertNotEquals(now.problems().get(0).message().length() == 0, true);
        assertEquals(now.fingerprint(), later.fingerprint());
        assertEquals(16, now.fingerprint().length());
        assertTrue(now.fingerprint().matches("[0-9a-f]{16}"), now.fingerprint());
    }

    @Test
    void messagesAndOrderDoNotCount() {
        List<HealthProblem> problems = new ArrayList<>(List.of(
                new HealthProblem(Severity.Error, "Pod/eureka-1", Reason.CrashLoopBackOff, "4 restarts", "h"),
                new HealthProblem(Severity.Info, "StatefulSet/eureka", Reason.RolloutInProgress, "ready 1/2", "h")));
        String before = Fingerprint.of(HealthStatus.Degraded, problems);
        List<HealthProblem> reworded = new ArrayList<>(List.of(
                new HealthProblem(Severity.Error, "Pod/eureka-1", Reason.CrashLoopBackOff, "9 restarts", "other hint"),
                new HealthProblem(Severity.Info, "StatefulSet/eureka", Reason.RolloutInProgress, "ready 1/2", "h")));
        Collections.reverse(reworded);
        assertEquals(before, Fingerprint.of(HealthStatus.Degraded, reworded));
    }

    @Test
    void anotherVerdictOrProblemOrObjectIsAnotherSituation() {
        List<HealthProblem> one = List.of(new HealthProblem(Severity.Error, "Pod/eureka-1", Reason.CrashLoopBackOff, "m", "h"));
        String base = Fingerprint.of(HealthStatus.Degraded, one);
        assertNotEquals(base, Fingerprint.of(HealthStatus.Progressing, one));
        assertNotEquals(base, Fingerprint.of(HealthStatus.Degraded,
                List.of(new HealthProblem(Severity.Error, "Pod/eureka-0", Reason.CrashLoopBackOff, "m", "h"))));
        assertNotEquals(base, Fingerprint.of(HealthStatus.Degraded,
                List.of(new HealthProblem(Severity.Error, "Pod/eureka-1", Reason.OOMKilled, "m", "h"))));
        assertNotEquals(base, Fingerprint.of(HealthStatus.Degraded, List.of()));
        assertNotEquals(assess(healthyApp("eureka", 2)).fingerprint(),
                assess(healthyApp("eureka", 2).withPod(1, Scenarios.crashLooping())).fingerprint());
    }
}
