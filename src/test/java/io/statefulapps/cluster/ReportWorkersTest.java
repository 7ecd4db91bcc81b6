package io.statefulapps.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import io.statefulapps.live.AppKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReportWorkersTest {

    private static final AppKey ONE = new AppKey("ns", "one");
    private static final AppKey TWO = new AppKey("ns", "two");

    private ReportWorkers workers;

    @AfterEach
    void stop() {
        if (workers != null) {
            workers.stop();
        }
    }

    private ReportWorkers started(Consumer<AppKey> compute, Duration delay) {
        return started(compute, delay, app -> false);
    }

    private ReportWorkers started(Consumer<AppKey> compute, Duration delay, Predicate<AppKey> urgent) {
        workers = new ReportWorkers(compute, () -> true, delay, urgent);
        workers.start();
        return workers;
    }

    @Test
    void aBurstOfChangesWithinTheDelayIsOneComputation() {
        List<AppKey> computed = new CopyOnWriteArrayList<>();
        ReportWorkers w = started(computed::add, Duration.ofMillis(300));

        for (int i = 0; i < 20; i++) {
            w.enqueue(ONE);
        }

        await().atMost(Duration.ofSeconds(5)).until(w::idle);
        assertEquals(List.of(ONE), computed);
        assertEquals(1, w.computed());
    }

    @Test
    void anAppIsComputedNoSoonerThanTheDelayAfterItsFirstChange() {
        Map<AppKey, Long> at = new ConcurrentHashMap<>();
        ReportWorkers w = started(app -> at.put(app, System.nanoTime()), Duration.ofMillis(200));

        long queuedAt = System.nanoTime();
        w.enqueue(ONE);

        await().atMost(Duration.ofSeconds(5)).until(() -> at.containsKey(ONE));
        long waited = at.get(ONE) - queuedAt;
        assertTrue(waited >= Duration.ofMillis(200).toNanos(), "computed after " + waited + " ns");
    }

    @Test
    void aChangeWhileTheReportIsBeingComputedIsComputedAgain() throws InterruptedException {
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<AppKey> computed = new CopyOnWriteArrayList<>();
        ReportWorkers w = started(app -> {
            computed.add(app);
            if (computed.size() == 1) {
                computing.countDown();
                await().atMost(Duration.ofSeconds(5)).until(() -> release.getCount() == 0);
            }
        }, Duration.ZERO);

        w.enqueue(ONE);
        assertTrue(computing.await(5, TimeUnit.SECONDS));
        w.enqueue(ONE); // the first computation may have read the app before this change
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(w::idle);
        assertEquals(List.of(ONE, ONE), computed);
    }

    @Test
    void withoutADelayEveryChangeAfterTheLastComputationIsComputed() {
        List<AppKey> computed = new CopyOnWriteArrayList<>();
        ReportWorkers w = started(computed::add, Duration.ZERO);

        w.enqueue(ONE);
        await().atMost(Duration.ofSeconds(5)).until(w::idle);
        w.enqueue(ONE);
        await().atMost(Duration.ofSeconds(5)).until(w::idle);

        assertEquals(List.of(ONE, ONE), computed);
    }

    @Test
    void everyAppIsComputedOnceWhateverTheInterleavingOfTheirChanges() {
        Map<AppKey, Integer> counts = new ConcurrentHashMap<>();
        ReportWorkers w = started(app -> counts.merge(app, 1, Integer::sum), Duration.ofMillis(300));

        for (int i = 0; i < 10; i++) {
            w.enqueue(ONE);
            w.enqueue(TWO);
        }

        await().atMost(Duration.ofSeconds(5)).until(w::idle);
        assertEquals(Map.of(ONE, 1, TWO, 1), counts);
    }

    @Test
    void anUrgentAppIsComputedAtOnceEvenBehindOnesThatWait() {
        List<AppKey> computed = new CopyOnWriteArrayList<>();
        ReportWorkers w = started(computed::add, Duration.ofSeconds(30), TWO::equals);

        w.enqueue(ONE);
        w.enqueue(TWO);

        await().atMost(Duration.ofSeconds(5)).until(() -> computed.contains(TWO));
        assertEquals(List.of(TWO), computed);
    }
}
