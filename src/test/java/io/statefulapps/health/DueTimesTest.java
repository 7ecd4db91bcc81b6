package io.statefulapps.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The collector of one assessment's due times: which thresholds are due, and when. */
class DueTimesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    /** threshold relative to now → passed?, due time (null: none) */
    static Stream<Arguments> thresholds() {
        return Stream.of(
                Arguments.of("long passed", Duration.ofMinutes(-5), true, null),
                Arguments.of("passed by a nanosecond", Duration.ofNanos(-1), true, null),
                Arguments.of("exactly now: not after it, flips a nanosecond later", Duration.ZERO, false,
                        NOW.plusNanos(1)),
                Arguments.of("in a second", Duration.ofSeconds(1), false, NOW.plusSeconds(1).plusNanos(1)),
                Arguments.of("in a day", Duration.ofDays(1), false, NOW.plus(Duration.ofDays(1)).plusNanos(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("thresholds")
    void passedIsStrictlyAfterAndAFutureThresholdIsDue(String name, Duration offset, boolean passed, Instant due) {
        DueTimes dueTimes = new DueTimes(NOW);
        assertEquals(passed, dueTimes.passed(NOW.plus(offset)));
        assertEquals(due, dueTimes.earliest());
    }

    @Test
    void nothingAskedNothingDue() {
        assertNull(new DueTimes(NOW).earliest());
    }

    @Test
    void anElapsedTimeChangeIsDueOnlyWhenStillAhead() {
        DueTimes dueTimes = new DueTimes(NOW);
        dueTimes.dueAt(NOW.minusSeconds(1));
        dueTimes.dueAt(NOW);
        assertNull(dueTimes.earliest());
        dueTimes.dueAt(NOW.plusSeconds(7));
        assertEquals(NOW.plusSeconds(7), dueTimes.earliest());
    }

    @Test
    void theEarliestOfManyWinsWhateverTheOrder() {
        DueTimes dueTimes = new DueTimes(NOW);
        dueTimes.passed(NOW.plus(Duration.ofMinutes(10)));
        dueTimes.dueAt(NOW.plusSeconds(30));
        dueTimes.passed(NOW.minusSeconds(5));
        dueTimes.passed(NOW.plus(Duration.ofMinutes(4)));
        dueTimes.dueAt(NOW.plus(Duration.ofMinutes(2)));
        assertEquals(NOW.plusSeconds(30), dueTimes.earliest());
    }

    @Test
    void eachAssessmentHasItsOwn() {
        AssessmentContext first = AssessmentContext.of(SnapshotFixture.healthyApp("eureka", 1).build(), TestSettings.DEFAULTS);
        AssessmentContext second = AssessmentContext.of(SnapshotFixture.healthyApp("eureka", 1).build(), TestSettings.DEFAULTS);
        first.passed(NOW.plusSeconds(1));
        assertEquals(NOW.plusSeconds(1).plusNanos(1), first.dueTimes().earliest());
        assertNull(second.dueTimes().earliest());
    }
}
