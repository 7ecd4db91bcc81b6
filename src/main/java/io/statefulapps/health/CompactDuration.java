package io.statefulapps.health;

import java.time.Duration;

/** A duration as a chat line says it: {@code 45s}, {@code 12m}, {@code 3h}, {@code 2d} (whole units, rounded down). */
final class CompactDuration {

    private CompactDuration() {
    }

    static String of(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86400) {
            return seconds / 3600 + "h";
        }
        return seconds / 86400 + "d";
    }
}
