package io.statefulapps.embedded.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The kubelet's retries: at the start, then after waits doubling up to five minutes. */
class RetryScheduleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(T0, Duration.ofSeconds(10));

    @Test
    void attemptsBackOffAndCapAtFiveMinutes() {
        assertEquals(0, schedule.attemptsBy(T0.minusMillis(1)));
        assertEquals(1, schedule.attemptsBy(T0));
        assertEquals(T0.plusSeconds(10), schedule.attempt(2));
        assertEquals(T0.plusSeconds(30), schedule.attempt(3));
        assertEquals(T0.plusSeconds(70), schedule.attempt(4));
        assertEquals(3, schedule.attemptsBy(T0.plusSeconds(69)));
        assertEquals(T0.plusSeconds(70), schedule.nextAfter(T0.plusSeconds(30)));
        // 10+20+40+80+160 = 310s, then five minutes each
        assertEquals(T0.plusSeconds(310 + 300), schedule.attempt(7));
    }
}
