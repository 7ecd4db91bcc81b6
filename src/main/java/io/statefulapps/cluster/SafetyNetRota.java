package io.statefulapps.cluster;

import io.statefulapps.live.AppKey;
import java.time.Duration;

/**
 * Which unsettled apps the safety net computes again at a recheck tick: each app once per
 * {@code net}, in one of {@link #slices()} slices by its key's hash, so the apps are spread over the
 * ticks of that span instead of all falling due at once. With 10,000 apps, 1,000 of them degraded,
 * the whole sweep was 1,000 reports in one burst every minute (130 ms of CPU within a second, while
 * portals were reading); spread over the minute's 30 ticks it is ~33 per tick.
 *
 * @param slices how many ticks one round of the net spans (1: every app at every tick)
 */
record SafetyNetRota(int slices) {

    SafetyNetRota {
        if (slices < 1) {
            throw new IllegalArgumentException("slices must be at least 1, was " + slices);
        }
    }

    /** Every app once per {@code net} when the ticks come every {@code tick} (at least every tick). */
    static SafetyNetRota over(Duration net, Duration tick) {
        long ticks = net.toMillis() / Math.max(1, tick.toMillis());
        return new SafetyNetRota((int) Math.max(1, Math.min(ticks, Integer.MAX_VALUE)));
    }

    /** Whether the app falls due at this tick (ticks are counted from 0, one after the other). */
    boolean due(AppKey app, long tick) {
        return slice(app) == Math.floorMod(tick, slices);
    }

    /**
     * Fibonacci hashing: names like app-00001, app-00002 hash to neighbouring values, which a plain
     * modulo put in a few neighbouring slices; the golden-ratio multiply spreads them, and its high
     * bits scaled to the slice count pick the slice.
     */
    private long slice(AppKey app) {
        int mixed = app.hashCode() * 0x9E3779B9;
        return (Integer.toUnsignedLong(mixed) * slices) >>> 32;
    }
}
