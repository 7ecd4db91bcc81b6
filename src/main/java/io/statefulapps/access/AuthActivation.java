package io.statefulapps.access;

import io.statefulapps.config.ClusterMode;
import java.util.Optional;

/** Whether callers' tokens and rights are checked, and why, for the startup log. */
public record AuthActivation(boolean enabled, String why) {

    /**
     * An explicit setting wins. Unset, a real cluster is checked, and the embedded simulated one is
     * not, so that dev mode and the README's curl examples work without a token.
     */
    public static AuthActivation decide(Optional<Boolean> configured, ClusterMode inEffect) {
        if (configured.isPresent()) {
            return new AuthActivation(configured.get(), "stateful-apps.auth.enabled=" + configured.get());
        }
        if (inEffect == ClusterMode.EMBEDDED) {
            return new AuthActivation(false, "the embedded simulated cluster is in use and "
                    + "stateful-apps.auth.enabled is not set");
        }
        return new AuthActivation(true, "a real cluster is in use and stateful-apps.auth.enabled is not set");
    }
}
