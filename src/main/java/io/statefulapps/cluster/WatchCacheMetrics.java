package io.statefulapps.cluster;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * How the watch cache is doing, for operators: {@code stateful_apps_watch_cache_objects{kind}} (what
 * each informer holds) and {@code stateful_apps_watch_last_event_age_seconds} (how long since any
 * watch delivered anything: a number that only grows means the watches are stuck).
 */
@ApplicationScoped
public class WatchCacheMetrics {

    @Inject
    WatchCache cache;
    @Inject
    MeterRegistry registry;
    @Inject
    Clock clock;
    private volatile long lastEventMillis;

    void onStart(@Observes StartupEvent event) {
        cache.start();
        lastEventMillis = clock.millis();
        for (SharedIndexInformer<?> informer : cache.informers()) {
            Gauge.builder("stateful.apps.watch.cache.objects", informer, cache::size)
                    .description("Objects the watch cache holds, by kind")
                    .tag("kind", informer.getApiTypeClass().getSimpleName()).register(registry);
        }
        // Any change of any kind counts as a sign of life.
        cache.onEveryChange(() -> lastEventMillis = clock.millis());
        Gauge.builder("stateful.apps.watch.last.event.age.seconds", this,
                m -> (m.clock.millis() - m.lastEventMillis) / 1000.0)
                .description("Seconds since a watch last delivered an event").register(registry);
    }
}
