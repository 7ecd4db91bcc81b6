package io.statefulapps.config;

import io.quarkus.runtime.StartupEvent;
import io.statefulapps.access.AuthActivation;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Decides once whether callers are checked, and says so at startup: an operator must never have to guess. */
@Singleton
public class AuthActivationProducer {

    private static final Logger LOG = Logger.getLogger(AuthActivationProducer.class);

    @Produces
    @Singleton
    AuthActivation activation(AuthConfig config, ClusterModeInEffect cluster) {
        return AuthActivation.decide(config.enabled(), cluster.mode());
    }

    void log(@Observes StartupEvent started, AuthActivation activation) {
        if (activation.enabled()) {
            LOG.infof("Callers' identity and rights: CHECKED (bearer token, TokenReview, SubjectAccessReview) "
                    + "because %s", activation.why());
        } else {
            LOG.warnf("Callers' identity and rights: NOT CHECKED, anyone who reaches the API may use it, "
                    + "because %s", activation.why());
        }
    }
}
