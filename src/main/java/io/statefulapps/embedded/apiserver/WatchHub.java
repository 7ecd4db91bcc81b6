package io.statefulapps.embedded.apiserver;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The open watches by kind. The store publishes every change here while it holds its write lock,
 * and watches attach while it holds the read lock, so each watch sees every change exactly once
 * and in order.
 */
final class WatchHub implements WatchControl {

    private final Map<ResourceType, Set<Watcher>> byType = new ConcurrentHashMap<>();

    void publish(ResourceType type, EventLog.Entry change) {
        Set<Watcher> watchers = byType.get(type);
        if (watchers != null) {
            watchers.forEach(w -> w.deliver(change));
        }
    }

    void attach(Watcher watcher) {
        byType.computeIfAbsent(watcher.type(), t -> ConcurrentHashMap.newKeySet()).add(watcher);
    }

    void detach(Watcher watcher) {
        Set<Watcher> watchers = byType.get(watcher.type());
        if (watchers != null) {
            watchers.remove(watcher);
        }
    }

    /** A bookmark at {@code version} to every watch that asked for them; call under the store's read lock. */
    void bookmark(long version) {
        byType.values().forEach(set -> set.forEach(w -> w.bookmark(version)));
    }

    @Override
    public void endAllWatches() {
        byType.values().forEach(set -> set.forEach(w -> w.sink().close()));
    }

    @Override
    public void endWatches(Predicate<RequestInfo> which) {
        byType.values().forEach(set -> set.stream().filter(w -> which.test(w.request())).forEach(w -> w.sink().close()));
    }

    @Override
    public int openWatches() {
        return byType.values().stream().mapToInt(Set::size).sum();
    }
}
