package io.statefulapps.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How writes to the cluster behave ({@code stateful-apps.writes.*}). */
@ConfigMapping(prefix = "stateful-apps.writes")
public interface WriteConfig {

    /**
     * An incomplete app of ours younger than this may still be being created by another request
     * (409 with Retry-After); older, it is the leftover of a replica that died part-way, and the
     * next POST of the app removes it and creates the app anew.
     */
    @WithDefault("10s")
    Duration abandonedAfter();
}
