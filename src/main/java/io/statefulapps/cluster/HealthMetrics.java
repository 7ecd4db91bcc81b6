package io.statefulapps.cluster;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * (see {@link VerdictCollector}), so they cannot drift from what the API answers; and
 * {@code stateful_apps_reports_computed_total}, how busy the report workers are.
 */
@ApplicationScoped
public class HealthMetrics {

    private final Instance<PrometheusMeterRegistry> prometheus;
    private final MeterRegistry registry;
    private final ReportStore reports;

    public HealthMetrics(Instance<PrometheusMeterRegistry> prometheus, MeterRegistry registry, ReportStore reports) {
        this.prometheus = prometheus;
        this.registry = registry;
        this.reports = reports;
    }

    void onStart(@Observes StartupEvent event) {
        FunctionCounter.builder("stateful.apps.reports.computed", reports, ReportStore::computed)
                .description("Health reports computed (the changes of one burst count once)").register(registry);
        if (prometheus.isResolvable()) {
            new VerdictCollector(reports::all).register(prometheus.get().getPrometheusRegistry());
        }
    }
}
