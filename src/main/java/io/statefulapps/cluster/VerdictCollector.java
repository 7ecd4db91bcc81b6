package io.statefulapps.cluster;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import io.statefulapps.health.HealthStatus;
import io.statefulapps.health.Reason;
import io.statefulapps.health.ReportDigest;
import io.statefulapps.live.AppKey;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The verdict gauges, read from the stored reports when Prometheus scrapes: one pass over the
 * reports gives each app's verdict and the counts by verdict and by reason. Nothing is kept per app
 * between scrapes (a registered gauge per app costs about a kilobyte of meter objects).
 */
final class VerdictCollector extends Collector {

    static final String APP_HEALTH = "stateful_apps_app_health";
    static final String PROBLEMS = "stateful_apps_problems";
    static final String APPS = "stateful_apps_apps";

    private final Supplier<Map<AppKey, StoredReport>> reports;

    VerdictCollector(Supplier<Map<AppKey, StoredReport>> reports) {
        this.reports = reports;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        GaugeMetricFamily appHealth = new GaugeMetricFamily(APP_HEALTH, "1 for the app's current verdict",
                List.of("app", "namespace", "status"));
        Map<HealthStatus, Integer> byStatus = new EnumMap<>(HealthStatus.class);
        Map<Reason, Integer> byReason = new EnumMap<>(Reason.class);
        reports.get().forEach((app, stored) -> {
            HealthStatus status = stored.digest().status();
            appHealth.addMetric(List.of(app.name(), app.namespace(), status.name()), 1);
            byStatus.merge(status, 1, Integer::sum);
            for (ReportDigest.ProblemMark problem : stored.digest().problems()) {
                byReason.merge(problem.reason(), 1, Integer::sum);
            }
        });
        GaugeMetricFamily problems = new GaugeMetricFamily(PROBLEMS, "Problems of all apps, by reason",
                List.of("reason"));
        for (Reason reason : Reason.values()) {
            problems.addMetric(List.of(reason.name()), byReason.getOrDefault(reason, 0));
        }
        GaugeMetricFamily apps = new GaugeMetricFamily(APPS, "Apps, by verdict", List.of("status"));
        for (HealthStatus status : HealthStatus.values()) {
            apps.addMetric(List.of(status.name()), byStatus.getOrDefault(status, 0));
        }
        return List.of(appHealth, problems, apps);
    }
}
