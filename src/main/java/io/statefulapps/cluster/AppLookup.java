package io.statefulapps.cluster;

import io.statefulapps.live.CachedApp;
import io.statefulapps.live.LiveApp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Finds an app in the watch cache. A miss, or an app the cache holds only part of, is confirmed
 * against the API server (one read, only then) because another replica may have created the app a moment ago and this replica's watches may
 * not have seen it yet: such an app is reported as it is, never as absent.
 */
@ApplicationScoped
public class AppLookup {

    @Inject
    WatchCache cache;
    @Inject
    LiveAppReader live;

    public Optional<CachedApp> find(String namespace, String name) {
        Optional<CachedApp> cached = cache.app(namespace, name);
        if (cached.isPresent() && cached.get().live().complete()) {
            return cached;
        }
        // Absent or partly absent: the watches may simply not have caught up with a fresh create.
        LiveApp app = live.read(namespace, name);
        return app.exists() ? Optional.of(cache.complete(app)) : Optional.empty();
    }
}
