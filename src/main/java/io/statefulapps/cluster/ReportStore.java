package io.statefulapps.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.statefulapps.config.HealthConfig;
import io.statefulapps.config.StreamConfig;
import io.statefulapps.health.HealthAssessment;
import io.statefulapps.health.HealthAssessor;
import io.statefulapps.health.HealthReport;
import io.statefulapps.health.HealthSince;
import io.statefulapps.health.HealthStatus;
import io.statefulapps.health.ReportDigest;
import io.statefulapps.live.AppKey;
import io.statefulapps.live.CachedApp;
import io.statefulapps.live.SnapshotFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every app's health report, computed ahead of the reads: when an informer event concerns the app
 * (see {@link AppChangeRouter}), and again when a time rule falls due (a deadline such as
 * {@code pending-deadline} passing: the assessment says when, see {@link ReportDues}). Unsettled
 * reports are also computed again once a minute, a safety net that costs little (spread over the
 * minute's recheck ticks, see {@link SafetyNetRota}). A read is a map
 * lookup; it costs the Kubernetes API nothing and the CPU one copy.
 */
@ApplicationScoped
public class ReportStore {

    private static final Duration SAFETY_NET = Duration.ofMinutes(1);

    private final WatchCache cache;
    private final HealthConfig config;
    private final Clock clock;
    private final StoredReports reports = new StoredReports();
    private final ReportChanges changes;
    private final ReportWriter writer;
    private final ReportWorkers workers;
    private volatile boolean caughtUp;
    private volatile Instant brokenSince;
    private final ScheduledExecutorService rechecks;
    private final ReportDues dues;
    private volatile boolean started;
    private final Duration recheckPeriod;
    private final SafetyNetRota rota;
    // only the rechecks thread counts the ticks
    private long ticks;

    public ReportStore(WatchCache cache, HealthConfig config, StreamConfig streams, Clock clock, ObjectMapper mapper) {
        this.changes = new ReportChanges(streams.history());
        this.cache = cache;
        this.config = config;
        this.clock = clock;
        this.writer = new ReportWriter(mapper, config.maxTextLines(), clock);
        this.workers = new ReportWorkers(this::recompute, cache::synced, config.reportDelay(),
                app -> reports.get(app) == null || !cache.knows(app.namespace(), app.name()));
        this.recheckPeriod = Duration.ofMillis(Math.max(100, config.recheckInterval().toMillis()));
        this.rota = SafetyNetRota.over(SAFETY_NET, recheckPeriod);
        this.rechecks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "health-report-rechecks");
            t.setDaemon(true);
            return t;
        });
        this.dues = new ReportDues((delay, task) -> rechecks.schedule(task, delay, TimeUnit.MILLISECONDS), clock,
                this::enqueue);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.stop();
        rechecks.shutdownNow();
    }

    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        workers.start();
        cache.addAppListener(new AppChangeRouter.Listener() {
            @Override
            public void changed(AppKey app) {
                enqueue(app);
            }

            @Override
            public void everythingChanged() {
                cache.allApps().forEach(ReportStore.this::enqueue);
            }
        });
        long period = recheckPeriod.toMillis();
        rechecks.scheduleWithFixedDelay(this::recheckUnsettled, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Reads before the watches have listed the cluster once would answer from an empty cache:
     * they are refused (503 with Retry-After) instead.
     */
    public void requireSynced() {
        if (!cache.synced()) {
            throw new ClusterUnavailableException("The service's watch cache has not listed the cluster yet ("
                    + String.join(", ", cache.lagging()) + " still listing)", null);
        }
    }

    /** The app's stored report, if it has been computed. */
    public Optional<StoredReport> get(AppKey app) {
        return Optional.ofNullable(reports.get(app));
    }

    /**
     * The stored report of an app the caller holds from the cache, or computed now when the store
     * has none yet (an app created a moment ago, whose events are still on their way).
     */
    public StoredReport reportOf(CachedApp app) {
        AppKey key = new AppKey(app.live().namespace(), app.live().name());
        StoredReport stored = reports.get(key);
        return stored != null ? stored : storeAndSchedule(key, assessment(app));
    }

    /** Assessed now from what the caller holds, not stored: for answers right after a write. */
    public HealthReport assess(CachedApp app) {
        return assessment(app).report();
    }

    private HealthAssessment assessment(CachedApp app) {
        Instant now = clock.instant();
        return HealthAssessor.assessment(SnapshotFactory.snapshot(app, staleFor(now), now), config.settings());
    }

    /** How long the watches have been broken, once that is longer than {@code stale-after}; else null. */
    private Duration staleFor(Instant now) {
        Instant since = brokenSince;
        if (since == null) {
            return null;
        }
        Duration broken = Duration.between(since, now);
        return broken.compareTo(config.staleAfter()) > 0 ? broken : null;
    }

    /** Every informer synced and every app known then computed once: reads answer from here now. */
    public boolean caughtUp() {
        if (!caughtUp && cache.synced() && workers.idle()) {
            caughtUp = true;
        }
        return caughtUp;
    }

    public int size() {
        return reports.size();
    }

    /** Reports computed since the start (changes that came in a burst count once). */
    long computed() {
        return workers.computed();
    }

    /** The stored reports of one namespace after {@code after} (exclusive; null: from the first), by name. */
    public Map<AppKey, StoredReport> inNamespace(String namespace, String after) {
        AppKey from = new AppKey(namespace, after == null ? "" : after);
        // every name of the namespace sorts before this key: names never contain \u0000
        AppKey to = new AppKey(namespace + "\u0000", "");
        return reports.range(from, after == null, to);
    }

    /** Every stored report, for lists and metrics. */
    public Map<AppKey, StoredReport> all() {
        return reports.all();
    }

    /**
     * Registers a stream for the changes of the apps in scope: each time an app's verdict or its
     * problems change (not when only details do), and when an app is gone.
     */
    public ReportSubscription subscribe(Predicate<AppKey> scope, Consumer<ReportChange> listener, String lastEventId) {
        return changes.subscribe(scope, listener, lastEventId);
    }

    /** The id a stream gives the current state it starts with. */
    public String latestChangeId() {
        return changes.latestId(clock.instant());
    }

    public int subscribers() {
        return changes.subscribers();
    }

    private void enqueue(AppKey app) {
        workers.enqueue(app);
    }

    private void recheckUnsettled() {
        Instant now = clock.instant();
        boolean watching = cache.watching();
        boolean wasStale = staleFor(now) != null;
        if (watching) {
            brokenSince = null;
        } else if (brokenSince == null && cache.synced()) {
            brokenSince = now;
        }
        if (wasStale || staleFor(now) != null) {
            // Every report says how old its data is, and stops saying so once the watches are back.
            reports.all().keySet().forEach(this::enqueue);
            return;
        }
        long tick = ticks++;
        reports.all().forEach((app, stored) -> {
            HealthStatus status = stored.digest().status();
            if (status != HealthStatus.Healthy && status != HealthStatus.Suspended && rota.due(app, tick)) {
                enqueue(app);
            }
        });
    }

    private void recompute(AppKey app) {
        Optional<CachedApp> cached = cache.app(app.namespace(), app.name());
        if (cached.isEmpty()) {
            if (reports.remove(app)) {
                changes.publish(app, null, clock.instant());
            }
            return;
        }
        storeAndSchedule(app, assessment(cached.get()));
    }

    private StoredReport storeAndSchedule(AppKey app, HealthAssessment assessed) {
        StoredReport stored = store(app, assessed.report());
        dues.schedule(app, assessed.nextChangeAt());
        return stored;
    }

    private StoredReport store(AppKey app, HealthReport assessed) {
        StoredReport previous = reports.get(app);
        HealthReport report = HealthSince.carry(previous == null ? null : previous.digest(), assessed);
        ReportDigest digest = writer.digest(report);
        if (previous != null && writer.unchanged(previous, report, digest)) {
            // Nothing a caller sees changed: the same bytes and ETag keep serving 304s.
            return previous;
        }
        StoredReport stored = writer.stored(report, digest);
        reports.put(app, stored);
        if (previous == null || !previous.digest().fingerprint().equals(report.fingerprint())) {
            changes.publish(app, stored, stored.computedAt());
        }
        return stored;
    }

    /** The whole report a stored one was written from, read back from its JSON. */
    public HealthReport readBack(StoredReport stored) {
        return writer.readBack(stored);
    }
}
