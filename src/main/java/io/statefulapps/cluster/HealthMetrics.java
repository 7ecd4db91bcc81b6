package io.statefulapps.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.statefulapps.health.HealthReport;
import io.statefulapps.health.HealthStatus;
import io.statefulapps.health.HealthProblem;
import io.statefulapps.health.Reason;
import io.statefulapps.live.AppKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The verdicts as Prometheus sees them, so a rule can alert on "Degraded for 10 minutes":
 * {@code stateful_apps_app_health{namespace, app, status} 1} for each app's current verdict,
 * {@code stateful_apps_problems{reason}} (problems by reason, all apps) and
 * {@code stateful_apps_apps{status}} (apps by verdict). Kept up to date from the report store's
 * changes, not computed per scrape.
 */
@ApplicationScoped
public class HealthMetrics {

    static final String APP_HEALTH = "stateful.apps.app.health";
    static final String PROBLEMS = "stateful.apps.problems";
    static final String APPS = "stateful.apps.apps";

    private record Seen(Meter.Id gauge, HealthStatus status, List<Reason> reasons) {
    }

    private final MeterRegistry registry;
    private final ReportStore reports;
    private final Map<AppKey, Seen> seen = new HashMap<>();
    private final Map<Reason, AtomicInteger> byReason = new EnumMap<>(Reason.class);
    private final Map<HealthStatus, AtomicInteger> byStatus = new EnumMap<>(HealthStatus.class);

    public HealthMetrics(MeterRegistry registry, ReportStore reports) {
        this.registry = registry;
        this.reports = reports;
        for (Reason reason : Reason.values()) {
            AtomicInteger count = new AtomicInteger();
            byReason.put(reason, count);
            Gauge.builder(PROBLEMS, count, AtomicInteger::get).description("Problems of all apps, by reason")
                    .tag("reason", reason.name()).register(registry);
        }
        for (HealthStatus status : HealthStatus.values()) {
            AtomicInteger count = new AtomicInteger();
            byStatus.put(status, count);
            Gauge.builder(APPS, count, AtomicInteger::get).description("Apps, by verdict")
                    .tag("status", status.name()).register(registry);
        }
    }

    void onStart(@Observes StartupEvent event) {
        reports.subscribe(app -> true, change -> update(change.app(), change.removed() ? null
                : change.report().report()), null);
        reports.all().forEach((app, stored) -> update(app, stored.report()));
    }

    synchronized void update(AppKey app, HealthReport report) {
        Seen before = seen.remove(app);
        if (before != null) {
            registry.remove(before.gauge());
            byStatus.get(before.status()).decrementAndGet();
            before.reasons().forEach(reason -> byReason.get(reason).decrementAndGet());
        }
        if (report == null) {
            return;
        }
        Meter.Id gauge = Gauge.builder(APP_HEALTH, () -> 1).description("1 for the app's current verdict")
                .tag("namespace", app.namespace()).tag("app", app.name()).tag("status", report.status().name())
                .register(registry).getId();
        List<Reason> reasons = report.problems().stream().map(HealthProblem::reason).toList();
        byStatus.get(report.status()).incrementAndGet();
        reasons.forEach(reason -> byReason.get(reason).incrementAndGet());
        seen.put(app, new Seen(gauge, report.status(), reasons));
    }
}
