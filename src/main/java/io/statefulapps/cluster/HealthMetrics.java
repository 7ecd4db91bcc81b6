package io.statefulapps.cluster;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * The verdicts as Prometheus sees them, so a rule can alert on "Degraded for 10 minutes":
 * {@code stateful_apps_app_health{namespace, app, status} 1} for each app's current verdict,
 * {@code stateful_apps_problems{reason}} (problems by reason, all apps) and
 * {@code stateful_apps_apps{status}} (apps by verdict), read from the report store at each scrape
 * (see {@link VerdictCollector}), so they cannot drift from what the API answers.
 */
@ApplicationScoped
public class HealthMetrics {

    private final Instance<PrometheusMeterRegistry> prometheus;
    private final ReportStore reports;

    public HealthMetrics(Instance<PrometheusMeterRegistry> prometheus, ReportStore reports) {
        this.prometheus = prometheus;
        this.reports = reports;
    }

    void onStart(@Observes StartupEvent event) {
        if (prometheus.isResolvable()) {
            new VerdictCollector(reports::all).register(prometheus.get().getPrometheusRegistry());
        }
    }
}
