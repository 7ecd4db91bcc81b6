package io.statefulapps.cluster;

import io.statefulapps.live.AppKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * The threads that compute reports: one per core (at most four), each with its own queue, an app
 * always on the same one, so an app's reports are computed in order and different apps in
 * parallel. An app queued twice before its turn is computed once.
 *
 * <p>Nothing is computed before every informer has listed once: a report of a half-filled cache
 * would only be replaced (and streamed, and kept in the history) moments later; the apps wait in
 * the queues and are computed once each.
 */
final class ReportWorkers {

    private static final Logger LOG = Logger.getLogger(ReportWorkers.class);
    private static final int MAX_WORKERS = 4;
    private static final long SYNC_POLL_NANOS = 20_000_000L;

    private final Consumer<AppKey> compute;
    private final BooleanSupplier synced;
    private final Set<AppKey> queued = ConcurrentHashMap.newKeySet();
    private final List<LinkedBlockingQueue<AppKey>> queues;
    // Apps queued or being computed.
    private final AtomicInteger pending = new AtomicInteger();
    private List<Thread> workers;

    /**
     * @param compute computes and stores one app's report
     * @param synced whether the watch cache has listed the cluster once
     */
    ReportWorkers(Consumer<AppKey> compute, BooleanSupplier synced) {
        this.compute = compute;
        this.synced = synced;
        int count = Math.max(1, Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()));
        this.queues = IntStream.range(0, count).mapToObj(i -> new LinkedBlockingQueue<AppKey>()).toList();
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
            queues.get(Math.floorMod(app.hashCode(), queues.size())).add(app);
        }
    }

    /** No app is queued or being computed. */
    boolean idle() {
        return pending.get() == 0;
    }

    private void work(LinkedBlockingQueue<AppKey> queue) {
        while (!Thread.currentThread().isInterrupted()) {
            AppKey app;
            try {
                app = queue.take();
                while (!synced.getAsBoolean()) {
                    TimeUnit.NANOSECONDS.sleep(SYNC_POLL_NANOS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queued.remove(app);
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
