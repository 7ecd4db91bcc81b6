package io.statefulapps.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statefulapps.live.AppKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportDuesTest {

    record Task(long delayMillis, Runnable task) {
    }

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    static final AppKey APP = new AppKey("demo", "db");

    final List<Task> tasks = new ArrayList<>();
    final List<AppKey> queued = new ArrayList<>();
    final ReportDues dues = new ReportDues((delay, task) -> tasks.add(new Task(delay, task)),
            Clock.fixed(NOW, ZoneOffset.UTC), queued::add);

    @Test
    void anAppIsQueuedJustAfterItsDueTime() {
        dues.schedule(APP, NOW.plusSeconds(300));

        assertEquals(1, tasks.size());
        assertEquals(300_001, tasks.get(0).delayMillis(), "rounded up: never before the due time");
        assertEquals(List.of(), queued);
        tasks.get(0).task().run();
        assertEquals(List.of(APP), queued);
        assertEquals(0, dues.size());
    }

    @Test
    void aDueBetweenTwoMillisecondsIsNotRunBeforeIt() {
        dues.schedule(APP, NOW.plusSeconds(300).plusNanos(1));

        assertEquals(300_001, tasks.get(0).delayMillis());
    }

    @Test
    void theSameDueOfferedAgainStartsNoSecondTask() {
        dues.schedule(APP, NOW.plusSeconds(60));
        dues.schedule(APP, NOW.plusSeconds(60));

        assertEquals(1, tasks.size(), "an app recomputed for each event keeps one task per due time");
    }

    @Test
    void nothingDueSchedulesNothing() {
        dues.schedule(APP, null);

        assertEquals(List.of(), tasks);
    }

    @Test
    void onlyTheEarliestDueOfAnAppQueuesIt() {
        dues.schedule(APP, NOW.plusSeconds(300));
        dues.schedule(APP, NOW.plusSeconds(60));
        dues.schedule(APP, NOW.plusSeconds(120));

        assertEquals(2, tasks.size(), "a later due than the one held schedules nothing");
        tasks.get(1).task().run();
        tasks.get(0).task().run();
        assertEquals(List.of(APP), queued, "the superseded later task does not queue the app again");
    }

    @Test
    void aDueInThePastQueuesAtOnce() {
        dues.schedule(APP, NOW.minusSeconds(5));

        assertEquals(0, tasks.get(0).delayMillis());
    }

    @Test
    void afterItFiredTheNextDueIsScheduledAgain() {
        dues.schedule(APP, NOW.plusSeconds(60));
        tasks.get(0).task().run();
        dues.schedule(APP, NOW.plusSeconds(120));

        assertEquals(2, tasks.size());
        tasks.get(1).task().run();
        assertEquals(List.of(APP, APP), queued);
    }
}
