package io.statefulapps.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A small map whose entries live for a fixed time and that never holds more than a fixed number of
 * them (the least recently used goes first), so a flood of distinct keys costs bounded memory.
 * Thread-safe. Two threads missing the same key at once both load it; the later answer is kept.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final Clock clock;
    private final Duration timeToLive;
    private final Map<K, Entry<V>> entries;

    public ExpiringCache(Clock clock, Duration timeToLive, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, not " + maxEntries);
        }
        this.clock = clock;
        this.timeToLive = timeToLive;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The live value for the key, or the loaded one (kept unless the time to live is zero). */
    public V get(K key, Supplier<V> load) {
        Optional<V> cached = find(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        // Loaded outside the lock: a slow Kubernetes API must not hold up every other caller.
        V value = load.get();
        put(key, value);
        return value;
    }

    public synchronized Optional<V> find(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    public synchronized void put(K key, V value) {
        if (timeToLive.isZero() || timeToLive.isNegative()) {
            return;
        }
        entries.put(key, new Entry<>(value, clock.instant().plus(timeToLive)));
    }

    public synchronized int size() {
        return entries.size();
    }
}
