package io.statefulapps.cluster;

import io.statefulapps.live.AppKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * When an app's report is due again although none of its objects changed: the assessment says when
 * a time rule can next change it (a deadline passing, an elapsed time its text states), and the
 * app is queued then, not polled. One due per app is kept: the earliest; when it fires, the report
 * computed then names the next one.
 */
final class ReportDues {

    /** Runs a task after a delay in milliseconds (a scheduled executor; a list in tests). */
    interface Timer {
        void after(long delayMillis, Runnable task);
    }

    private final Timer timer;
    private final Clock clock;
    private final Consumer<AppKey> due;
    private final Map<AppKey, Instant> scheduled = new ConcurrentHashMap<>();

    ReportDues(Timer timer, Clock clock, Consumer<AppKey> due) {
        this.timer = timer;
        this.clock = clock;
        this.due = due;
    }

    /** Queues the app at {@code at}, unless it is already due then or earlier; null: nothing due. */
    void schedule(AppKey app, Instant at) {
        if (at == null) {
            return;
        }
        // Only a due earlier than the one held (or the first) starts a task: an app recomputed for
        // each of its events would otherwise queue one task per event for the same due time.
        boolean[] earlier = new boolean[1];
        scheduled.compute(app, (key, held) -> {
            earlier[0] = held == null || at.isBefore(held);
            return earlier[0] ? at : held;
        });
        if (!earlier[0]) {
            return;
        }
        // Whole milliseconds, rounded up: a task that ran before the due time would find nothing
        // changed yet, and the report computed then would name the same due time again.
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis() + 1);
        timer.after(delay, () -> fire(app, at));
    }

    /** How many apps have a due time ahead. */
    int size() {
        return scheduled.size();
    }

    private void fire(AppKey app, Instant at) {
        if (scheduled.remove(app, at)) {
            due.accept(app);
        }
    }
}
