package io.statefulapps.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The HTTP API's own limits ({@code stateful-apps.api.*}). */
@ConfigMapping(prefix = "stateful-apps.api")
public interface ApiConfig {

    /** Request bodies larger than this are refused with 413 (a spec is a few KiB). */
    @WithDefault("1048576")
    long maxBodyBytes();
}
