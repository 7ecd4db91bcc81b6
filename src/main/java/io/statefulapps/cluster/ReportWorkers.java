package io.statefulapps.cluster;

import io.statefulapps.live.AppKey;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * The threads that compute reports: one per core (at most four), each with its own queue, an app
 * always on the same one, so an app's reports are computed in order and different apps in
 * parallel. An app queued twice before its turn is computed once, and its turn comes a short
 * delay after it was first queued: the simulated and the real controllers alike change an app's
 * objects in quick succession (a pod is created, scheduled, its claim bound, its containers
 * started, its set's status written), and those changes then make one computation, not one each.
 * An app without a report yet, or one that is gone, does not wait: a list right after a create
 * or a delete shows it.
 *
 * <p>Nothing is computed before every informer has listed once: a report of a half-filled cache
 * would only be replaced (and streamed, and kept in the history) moments later; the apps wait in
 * the queues and are computed once each.
 */
final class ReportWorkers {

    private static final Logger LOG = Logger.getLogger(ReportWorkers.class);
    private static final int MAX_WORKERS = 4;
    private static final long SYNC_POLL_NANOS = 20_000_000L;

    /** An app and when its turn comes ({@link System#nanoTime()}). */
    private record Queued(AppKey app, long due) implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(due, ((Queued) other).due);
        }
    }

    private final Consumer<AppKey> compute;
    private final BooleanSupplier synced;
    private final Predicate<AppKey> urgent;
    private final long delayNanos;
    private final Set<AppKey> queued = ConcurrentHashMap.newKeySet();
    private final List<DelayQueue<Queued>> queues;
    // Apps queued or being computed.
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong computed = new AtomicLong();
    private List<Thread> workers;

    /**
     * @param compute computes and stores one app's report
     * @param synced whether the watch cache has listed the cluster once
     * @param delay how long an app waits after it was first queued before it is computed
     * @param urgent whether an app is computed without the delay (it has no report yet, or it is gone)
     */
    ReportWorkers(Consumer<AppKey> compute, BooleanSupplier synced, Duration delay, Predicate<AppKey> urgent) {
        this.compute = compute;
        this.synced = synced;
        this.urgent = urgent;
        this.delayNanos = Math.max(0, delay.toNanos());
        int count = Math.max(1, Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()));
        this.queues = IntStream.range(0, count).mapToObj(i -> new DelayQueue<Queued>()).toList();
    }

    synchronized void start() {
        if (workers != null) {
            return;
        }
        workers = IntStream.range(0, queues.size()).mapToObj(i -> {
            Thread worker = new Thread(() -> work(queues.get(i)), "health-reports-" + i);
            worker.setDaemon(true);
            worker.start();
            return worker;
        }).toList();
    }

    synchronized void stop() {
        if (workers != null) {
            workers.forEach(Thread::interrupt);
        }
    }

    void enqueue(AppKey app) {
        if (queued.add(app)) {
            pending.incrementAndGet();
            long due = System.nanoTime() + (delayNanos == 0 || urgent.test(app) ? 0 : delayNanos);
            queues.get(Math.floorMod(app.hashCode(), queues.size())).add(new Queued(app, due));
        }
    }

    /** No app is queued or being computed. */
    boolean idle() {
        return pending.get() == 0;
    }

    /** Reports computed so far. */
    long computed() {
        return computed.get();
    }

    private void work(DelayQueue<Queued> queue) {
        while (!Thread.currentThread().isInterrupted()) {
            AppKey app;
            try {
                Queued next = queue.take();
                while (!synced.getAsBoolean()) {
                    TimeUnit.NANOSECONDS.sleep(SYNC_POLL_NANOS);
                }
                app = next.app();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queued.remove(app);
            computed.incrementAndGet();
            try {
                compute.accept(app);
            } catch (RuntimeException e) {
                LOG.warnf(e, "The health report of %s could not be computed; it is tried again at its next change",
                        app);
            } finally {
                pending.decrementAndGet();
            }
        }
    }
}
