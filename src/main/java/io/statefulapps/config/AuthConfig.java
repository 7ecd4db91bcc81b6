package io.statefulapps.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Checking callers' identity and rights ({@code stateful-apps.auth.*}). */
@ConfigMapping(prefix = "stateful-apps.auth")
public interface AuthConfig {

    /**
     * Whether every API call needs a bearer token and the caller's Kubernetes rights. Unset: on when
     * the service talks to a real cluster, off on the embedded simulated one.
     */
    Optional<Boolean> enabled();

    /**
     * How long a TokenReview's and a SubjectAccessReview's answer is reused. Also how long a revoked
     * token or right may still work through the service; 0 asks the API server every time.
     */
    @WithDefault("10s")
    Duration cacheTtl();

    /**
     * The audiences a caller's token must be meant for, e.g. {@code stateful-apps} for tokens from
     * {@code kubectl create token <sa> --audience stateful-apps}. Unset: whatever the API server
     * itself accepts, so a caller's token would also work against the API server directly.
     */
    Optional<List<String>> audiences();

    /** At most this many answers of each kind are kept (least recently used go first). */
    @WithDefault("10000")
    int cacheSize();
}
