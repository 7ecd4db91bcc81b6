package io.statefulapps.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Server-Sent Event streams of health reports ({@code stateful-apps.streams.*}). */
@ConfigMapping(prefix = "stateful-apps.streams")
public interface StreamConfig {

    /** At most this many open streams per replica; one more is refused with 503 and Retry-After. */
    @WithDefault("1000")
    int maxSubscribers();

    /** How many changes a replica keeps for streams resumed with Last-Event-ID. */
    @WithDefault("10000")
    int history();

    /** A comment line this often keeps proxies from closing a quiet stream. */
    @WithDefault("15s")
    Duration keepAlive();

    /** How often an open stream's caller is checked again; the stream ends when their rights lapse. */
    @WithDefault("30s")
    Duration recheckRights();
}
