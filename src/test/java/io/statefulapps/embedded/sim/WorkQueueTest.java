package io.statefulapps.embedded.sim;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The controllers' queue: each key once, at the earliest moment asked for. */
class WorkQueueTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aKeyAddedTwiceIsLookedAtOnce() {
        WorkQueue queue = new WorkQueue();
        queue.add("ns/a");
        queue.add("ns/b");
        queue.add("ns/a");
        assertEquals(List.of("ns/a", "ns/b"), queue.takeDue(T0, 10));
        assertEquals(List.of(), queue.takeDue(T0, 10));
    }

    @Test
    void timersFallDueOnTheClockAndTheEarlierMomentWins() {
        WorkQueue queue = new WorkQueue();
        queue.addAt("ns/late", T0.plusSeconds(10));
        queue.addAt("ns/soon", T0.plusSeconds(5));
        queue.addAt("ns/late", T0.plusSeconds(3)); // moved earlier
        queue.addAt("ns/soon", T0.plusSeconds(60)); // a later moment does not postpone it
        assertEquals(T0.plusSeconds(3), queue.nextDue());
        assertEquals(List.of(), queue.takeDue(T0.plusSeconds(2), 10));
        assertEquals(List.of("ns/late", "ns/soon"), queue.takeDue(T0.plusSeconds(5), 10));
        assertNull(queue.nextDue());
    }

    @Test
    void anEventMakesATimedKeyDueNowAndWakesTheLoop() {
        WorkQueue queue = new WorkQueue();
        AtomicInteger wakeups = new AtomicInteger();
        queue.onAdd(wakeups::incrementAndGet);
        queue.addAt("ns/a", T0.plusSeconds(30));
        queue.add("ns/a");
        assertEquals(List.of("ns/a"), queue.takeDue(T0, 10));
        assertEquals(2, wakeups.get());
    }

    @Test
    void takesAtMostTheBatchAskedFor() {
        WorkQueue queue = new WorkQueue();
        for (int i = 0; i < 5; i++) {
            queue.add("ns/" + i);
        }
        assertEquals(List.of("ns/0", "ns/1"), queue.takeDue(T0, 2));
        assertEquals(3, queue.size());
    }
}
