package io.statefulapps.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the watch cache lists the cluster ({@code stateful-apps.watch.*}). */
@ConfigMapping(prefix = "stateful-apps.watch")
public interface WatchConfig {

    /**
     * How many objects one list request asks for. Fabric8 parses a page on a Vert.x event loop, the
     * same loops that answer HTTP: a list of 20,000 pods in one piece held a loop (and the readiness
     * probe) for seconds at startup, a page of 2,000 for tens of milliseconds.
     */
    @WithDefault("2000")
    long listPageSize();
}
