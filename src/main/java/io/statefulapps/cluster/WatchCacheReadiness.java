package io.statefulapps.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until every informer has listed once and every app's health report has been computed:
 * a replica whose cache is cold would answer with empty data, so it gets no traffic until then.
 */
@Readiness
@ApplicationScoped
public class WatchCacheReadiness implements HealthCheck {

    @Inject
    WatchCache cache;
    @Inject
    ReportStore reports;

    @Override
    public HealthCheckResponse call() {
        // Watching is not required: a replica whose watches are re-connecting keeps answering from
        // its cache (reports say how old their data is), rather than all replicas leaving at once.
        boolean ready = cache.synced() && reports.caughtUp();
        return HealthCheckResponse.named("kubernetes-watch-cache")
                .status(ready)
                .withData("synced", cache.synced())
                .withData("watching", cache.watching())
                .withData("reports", reports.size())
                .withData("lagging", String.join(",", cache.lagging()))
                .build();
    }
}
