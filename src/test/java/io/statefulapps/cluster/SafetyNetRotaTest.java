package io.statefulapps.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statefulapps.live.AppKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SafetyNetRotaTest {

    private static final List<AppKey> APPS = IntStream.range(0, 1000)
            .mapToObj(i -> new AppKey(i % 2 == 0 ? "demo" : "team-" + i % 7, String.format("app-%05d", i)))
            .toList();

    @Test
    void aMinuteOfTwoSecondTicksIsThirtySlices() {
        assertEquals(30, SafetyNetRota.over(Duration.ofMinutes(1), Duration.ofSeconds(2)).slices());
        assertEquals(600, SafetyNetRota.over(Duration.ofMinutes(1), Duration.ofMillis(100)).slices());
    }

    @Test
    void ticksLongerThanTheNetCheckEveryAppAtEveryTick() {
        SafetyNetRota rota = SafetyNetRota.over(Duration.ofMinutes(1), Duration.ofMinutes(5));
        assertEquals(1, rota.slices());
        for (long tick = 0; tick < 3; tick++) {
            long t = tick;
            assertTrue(APPS.stream().allMatch(app -> rota.due(app, t)), "tick " + tick);
        }
    }

    @Test
    void everyAppFallsDueExactlyOnceInEachRound() {
        SafetyNetRota rota = new SafetyNetRota(30);
        for (long round = 0; round < 3; round++) {
            for (AppKey app : APPS) {
                int times = 0;
                for (long tick = round * 30; tick < (round + 1) * 30; tick++) {
                    times += rota.due(app, tick) ? 1 : 0;
                }
                assertEquals(1, times, app + " in round " + round);
            }
        }
    }

    @Test
    void theAppsAreSpreadOverTheTicksNotBunched() {
        SafetyNetRota rota = new SafetyNetRota(30);
        List<Long> perTick = new ArrayList<>();
        for (long tick = 0; tick < 30; tick++) {
            long t = tick;
            perTick.add(APPS.stream().filter(app -> rota.due(app, t)).count());
        }
        // 1,000 apps over 30 ticks: ~33 each; a burst of the whole sweep would be 1,000 at one tick
        assertTrue(perTick.stream().allMatch(n -> n >= 10 && n <= 70), perTick.toString());
    }

    @Test
    void numberedNamesInOneNamespaceAreSpreadEvenly() {
        SafetyNetRota rota = new SafetyNetRota(30);
        int[] perTick = new int[30];
        for (int i = 0; i < 10_000; i++) {
            AppKey app = new AppKey("demo", String.format("app-%05d", i));
            for (int tick = 0; tick < 30; tick++) {
                perTick[tick] += rota.due(app, tick) ? 1 : 0;
            }
        }
        // ~333 each; plain modulo hashing put these names in a bell over a few neighbouring slices
        assertTrue(IntStream.of(perTick).allMatch(n -> n >= 250 && n <= 420), java.util.Arrays.toString(perTick));
    }

    @Test
    void sameAppSameSliceAcrossRounds() {
        SafetyNetRota rota = new SafetyNetRota(30);
        AppKey app = new AppKey("demo", "app-00042");
        for (long tick = 0; tick < 30; tick++) {
            assertEquals(rota.due(app, tick), rota.due(new AppKey("demo", "app-00042"), tick + 30));
        }
        assertFalse(IntStream.range(0, 30).allMatch(tick -> rota.due(app, tick)));
    }

    @Test
    void refusesNoSlices() {
        assertThrows(IllegalArgumentException.class, () -> new SafetyNetRota(0));
    }
}
