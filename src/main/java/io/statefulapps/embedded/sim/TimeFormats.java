package io.statefulapps.embedded.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Time as Kubernetes components print it: in objects (RFC 3339) and in messages (Go durations). */
final class TimeFormats {

    private TimeFormats() {
    }

    /** RFC 3339 with second precision, as the API server serialises metav1.Time. */
    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Durations as Go prints them (10s, 1m20s, 500ms): the kubelet puts them in messages. */
    static String goDuration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long minutes = ms / 60_000;
        double seconds = (ms % 60_000) / 1000.0;
        String s = seconds == Math.floor(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
        return minutes > 0 ? minutes + "m" + s + "s" : s + "s";
    }
}
