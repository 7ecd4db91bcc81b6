package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The crash loop's and the probes' clock arithmetic, with no cluster: pure inputs, pure outputs. */
class ContainerTimelineTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    // the kubelet's own numbers: 10s base back-off; containers crash after 1s
    private static final SimulatorSettings REAL = new SimulatorSettings(Duration.ofMillis(200),
            Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(200),
            Duration.ofSeconds(10), Duration.ofSeconds(1));

    private final ContainerTimeline crash = new ContainerTimeline(ImageFault.CRASH_LOOP, T0, REAL);

    private ContainerTimeline.CrashState at(long millis) {
        return crash.crashAt(T0.plusMillis(millis));
    }

    @Test
    void firstCrashRestartsAtOnceThenBackOffDoubles() {
        assertTrue(at(500).running());
        assertEquals(0, at(500).restarts());
        // crash 1 at 1s, immediate restart: run 2 from 1s to 2s
        assertTrue(at(1500).running());
        assertEquals(1, at(1500).restarts());
        // crash 2 at 2s, back-off 10s until 12s
        assertFalse(at(5000).running());
        assertEquals(Duration.ofSeconds(10), at(5000).backoff());
        assertEquals(1, at(5000).restarts());
        // run 3 from 12s to 13s, then back-off 20s
        assertTrue(at(12_500).running());
        assertEquals(2, at(12_500).restarts());
        assertEquals(Duration.ofSeconds(20), at(20_000).backoff());
    }

    @Test
    void backOffIsCappedAtFiveMinutes() {
        assertEquals(Duration.ofMinutes(5), crash.backoff(10));
        assertEquals(Duration.ofSeconds(160), crash.backoff(5));
        assertEquals(Duration.ZERO, crash.backoff(0));
    }

    @Test
    void crashStateKnowsThePreviousRun() {
        ContainerTimeline.CrashState s = at(12_500);
        assertEquals(T0.plusSeconds(1), s.previousStart());
        assertEquals(T0.plusSeconds(2), s.previousEnd());
    }

    @Test
    void healthyContainerIsReadyAfterTheReadyDelayOnly() {
        ContainerTimeline ok = new ContainerTimeline(ImageFault.NONE, T0, REAL);
        Container plain = new ContainerBuilder().withName("main").build();
        assertFalse(ok.ready(plain, T0.plusMillis(999)));
        assertTrue(ok.ready(plain, T0.plusSeconds(1)));
        assertFalse(new ContainerTimeline(ImageFault.NOT_READY, T0, REAL).ready(plain, T0.plusSeconds(100)));
    }

    @Test
    void probesAreNotReadyBeforeTheirInitialDelay() {
        ContainerTimeline ok = new ContainerTimeline(ImageFault.NONE, T0, REAL);
        Container probed = new ContainerBuilder().withName("main").withNewReadinessProbe().withInitialDelaySeconds(11)
                .withPeriodSeconds(5).endReadinessProbe().build();
        assertEquals(T0.plusSeconds(11), ok.readyAt(probed));
        assertFalse(ok.ready(probed, T0.plusMillis(10_999)));
        assertTrue(ok.ready(probed, T0.plusSeconds(11)));
        Container slowStart = new ContainerBuilder().withName("main").withNewReadinessProbe()
                .withInitialDelaySeconds(3).endReadinessProbe().withNewStartupProbe().withInitialDelaySeconds(20)
                .endStartupProbe().build();
        assertEquals(T0.plusSeconds(20), ok.readyAt(slowStart), "not Ready before the startup probe ran");
        Container quick = new ContainerBuilder().withName("main").withNewReadinessProbe().withInitialDelaySeconds(0)
                .endReadinessProbe().build();
        assertEquals(T0.plusSeconds(1), ok.readyAt(quick), "never sooner than the ready delay");
    }

    @Test
    void goDurationsReadLikeTheKubelets() {
        assertEquals("10s", TimeFormats.goDuration(Duration.ofSeconds(10)));
        assertEquals("1m20s", TimeFormats.goDuration(Duration.ofSeconds(80)));
        assertEquals("5m0s", TimeFormats.goDuration(Duration.ofMinutes(5)));
        assertEquals("300ms", TimeFormats.goDuration(Duration.ofMillis(300)));
        assertEquals("1.5s", TimeFormats.goDuration(Duration.ofMillis(1500)));
    }

    @Test
    void faultsAreReadFromTheImageTagOrName() {
        assertEquals(ImageFault.PULL_FAIL, ImageFault.of("nginx:pullfail"));
        assertEquals(ImageFault.CRASH_LOOP, ImageFault.of("registry.example/crashloop:1"));
        assertEquals(ImageFault.OOM_KILL, ImageFault.of("app:OOMKill"));
        assertEquals(ImageFault.NOT_READY, ImageFault.of("app:notready"));
        assertEquals(ImageFault.NONE, ImageFault.of("nginx:1.27"));
    }

    @Test
    void imagesAreReportedFullyQualified() {
        assertEquals("docker.io/library/nginx:1.27", ContainerStatuses.canonical("nginx:1.27"));
        assertEquals("docker.io/library/nginx:latest", ContainerStatuses.canonical("nginx"));
        assertEquals("docker.io/bitnami/redis:7", ContainerStatuses.canonical("bitnami/redis:7"));
        assertEquals("registry.example/eureka:20191227_01",
                ContainerStatuses.canonical("registry.example/eureka:20191227_01"));
        assertEquals("localhost:5000/app:1", ContainerStatuses.canonical("localhost:5000/app:1"));
    }
}
