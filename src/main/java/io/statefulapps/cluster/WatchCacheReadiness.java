package io.statefulapps.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until every informer has listed and is watching and every app's health report has been
 * computed once: a replica whose cache is cold or lost would answer health reads with stale or empty
 * data, so it must get no traffic until it recovers.
 */
@Readiness
@ApplicationScoped
public class WatchCacheReadiness implements HealthCheck {

    private final WatchCache cache;
    private final ReportStore reports;

    public WatchCacheReadiness(WatchCache cache, ReportStore reports) {
        this.cache = cache;
        this.reports = reports;
    }

    @Override
    public HealthCheckResponse call() {
        boolean ready = cache.synced() && cache.watching() && reports.caughtUp();
        return HealthCheckResponse.named("kubernetes-watch-cache")
                .status(ready)
                .withData("synced", cache.synced())
                .withData("watching", cache.watching())
                .withData("reports", reports.size())
                .withData("lagging", String.join(",", cache.lagging()))
                .build();
    }
}
