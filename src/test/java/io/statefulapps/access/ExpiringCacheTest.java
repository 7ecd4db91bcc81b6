package io.statefulapps.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statefulapps.testing.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private final ManualClock clock = new ManualClock();
    private final AtomicInteger loads = new AtomicInteger();

    private String load(ExpiringCache<String, String> cache, String key) {
        return cache.get(key, () -> key + "#" + loads.incrementAndGet());
    }

    @Test
    void answersFromMemoryUntilTheEntryExpires() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(clock, Duration.ofSeconds(10), 100);
        assertEquals("a#1", load(cache, "a"));
        clock.advance(Duration.ofMillis(9_999));
        assertEquals("a#1", load(cache, "a"));
        clock.advance(Duration.ofMillis(1));
        assertEquals("a#2", load(cache, "a"));
        assertEquals(2, loads.get());
    }

    @Test
    void holdsNoMoreThanItsSizeAndDropsTheLeastRecentlyUsed() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(clock, Duration.ofSeconds(10), 2);
        load(cache, "a");
        load(cache, "b");
        load(cache, "a");
        load(cache, "c");
        assertEquals(2, cache.size());
        assertEquals(Optional.of("a#1"), cache.find("a"));
        assertEquals(Optional.empty(), cache.find("b"));
        assertEquals(Optional.of("c#3"), cache.find("c"));
    }

    @Test
    void aZeroTimeToLiveKeepsNothing() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(clock, Duration.ZERO, 10);
        load(cache, "a");
        load(cache, "a");
        assertEquals(2, loads.get());
        assertEquals(0, cache.size());
    }

    @Test
    void aFailedLoadIsNotRemembered() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(clock, Duration.ofSeconds(10), 10);
        assertThrows(IllegalStateException.class, () -> cache.get("a", () -> {
            throw new IllegalStateException("API down");
        }));
        assertEquals("a#1", load(cache, "a"));
    }

    @Test
    void aSizeBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ExpiringCache<String, String>(clock, Duration.ofSeconds(1), 0));
    }
}
