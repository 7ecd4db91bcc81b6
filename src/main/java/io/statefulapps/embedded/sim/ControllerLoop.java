package io.statefulapps.embedded.sim;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the controllers' due keys on one thread (one writer keeps the simulation simple; each
 * reconcile is cheap). Idle when nothing is due: it sleeps until a key is added or the earliest
 * timer falls due, looking at the clock at least every tick because an injected clock may jump.
 * A reconcile whose write was refused is retried with a doubling back-off; every
 * {@link #RESYNC} each controller looks at all its objects once more, a safety net only.
 */
final class ControllerLoop implements AutoCloseable {

    static final Duration RESYNC = Duration.ofMinutes(10);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofMinutes(5);
    private static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(ControllerLoop.class);

    private record Registered(Controller controller, Map<String, Integer> failures) {
    }

    private final List<Registered> controllers;
    private final ClusterWriter writer;
    private final Clock clock;
    private final Duration tick;
    private final Object signal = new Object();
    private boolean signalled;
    private Instant nextResync;
    private volatile Thread thread;
    private final AtomicLong reconciles = new AtomicLong();

    ControllerLoop(List<Controller> controllers, ClusterWriter writer, Clock clock, Duration tick) {
        this.controllers = controllers.stream().map(c -> new Registered(c, new HashMap<>())).toList();
        this.writer = writer;
        this.clock = clock;
        this.tick = tick.isZero() || tick.isNegative() ? Duration.ofMillis(1) : tick;
        this.nextResync = clock.instant().plus(RESYNC);
        controllers.forEach(c -> c.queue().onAdd(this::wake));
    }

    /** Looks at every key due now (and at those that fall due meanwhile); returns the writes attempted. */
    synchronized long runDue() {
        long before = writer.count();
        resyncIfDue();
        boolean any = true;
        while (any && !Thread.currentThread().isInterrupted()) {
            any = false;
            for (Registered r : controllers) {
                Instant now = clock.instant();
                List<String> keys = r.controller().queue().takeDue(now, BATCH);
                any |= !keys.isEmpty();
                for (String key : keys) {
                    process(r, key, now);
                }
            }
        }
        return writer.count() - before;
    }

    private void process(Registered r, String key, Instant now) {
        reconciles.incrementAndGet();
        long failuresBefore = writer.failures();
        Instant next;
        boolean failed;
        try {
            next = r.controller().reconcile(key);
            failed = writer.failures() > failuresBefore;
        } catch (RuntimeException e) {
            // one odd object must not stop the cluster: it is looked at again after a back-off
            LOG.warnf(e, "simulated %s failed on %s; retrying", r.controller().getClass().getSimpleName(), key);
            next = null;
            failed = true;
        }
        if (failed) {
            int attempt = r.failures().merge(key, 1, Integer::sum);
            Instant retry = now.plus(backoff(attempt));
            next = next == null || retry.isBefore(next) ? retry : next;
        } else {
            r.failures().remove(key);
        }
        if (next != null) {
            r.controller().queue().addAt(key, next);
        }
    }

    /** Keys looked at so far (a measure of the controllers' work, zero while nothing changes). */
    long reconciles() {
        return reconciles.get();
    }

    static Duration backoff(int attempt) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : d;
    }

    private void resyncIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextResync)) {
            return;
        }
        nextResync = now.plus(RESYNC);
        for (Registered r : controllers) {
            r.controller().allKeys().forEach(r.controller().queue()::add);
        }
    }

    /** Runs {@link #runDue()} on a daemon thread until closed. */
    void start() {
        Thread t = new Thread(this::loop, "cluster-simulator");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void loop() {
        while (thread == Thread.currentThread()) {
            try {
                runDue();
                synchronized (signal) {
                    long wait = millisUntilSomethingIsDue();
                    if (!signalled && wait > 0) {
                        signal.wait(wait);
                    }
                    signalled = false;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "simulated controllers failed; going on");
            }
        }
    }

    private long millisUntilSomethingIsDue() {
        Instant now = clock.instant();
        long wait = tick.toMillis();
        for (Registered r : controllers) {
            Instant due = r.controller().queue().nextDue();
            if (due != null) {
                wait = Math.min(wait, due.isAfter(now) ? Math.max(1, Duration.between(now, due).toMillis()) : 0);
            }
        }
        return wait;
    }

    private void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    @Override
    public void close() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
