package io.statefulapps.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until every informer has listed and is watching: a replica whose cache is cold or lost
 * would answer health reads with stale or empty data, so it must get no traffic until it recovers.
 */
@Readiness
@ApplicationScoped
public class WatchCacheReadiness implements HealthCheck {

    private final WatchCache cache;

    public WatchCacheReadiness(WatchCache cache) {
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        boolean ready = cache.synced() && cache.watching();
        return HealthCheckResponse.named("kubernetes-watch-cache")
                .status(ready)
                .withData("synced", cache.synced())
                .withData("watching", cache.watching())
                .withData("lagging", String.join(",", cache.lagging()))
                .build();
    }
}
