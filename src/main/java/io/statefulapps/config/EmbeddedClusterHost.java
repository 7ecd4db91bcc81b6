package io.statefulapps.config;

import io.statefulapps.embedded.EmbeddedCluster;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Runs the embedded simulated cluster for the life of the application. It starts only when the
 * service is configured to use it.
 */
@Singleton
public class EmbeddedClusterHost {

    private static final Logger LOG = Logger.getLogger(EmbeddedClusterHost.class);

    private final EmbeddedConfig config;
    private final Clock clock;
    private EmbeddedCluster cluster;

    public EmbeddedClusterHost(EmbeddedConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Starts the cluster on first use and answers its URL. */
    public synchronized URI url() {
        if (cluster == null) {
            start();
        }
        return cluster.url();
    }

    public synchronized Path kubeconfig() {
        url();
        return cluster.kubeconfig();
    }

    /**
     * The bearer token the service's own client must send: the kubeconfig's, which is the admin's
     * (group system:masters) when a token file makes the cluster check its callers.
     */
    public synchronized String clientToken() {
        url();
        return cluster.adminToken();
    }

    private void start() {
        cluster = EmbeddedCluster.start(new EmbeddedCluster.Settings(config.port(), config.kubeconfig(),
                config.tick(), config.podStartDelay(), config.podReadyDelay(), config.loadBalancerDelay(),
                config.provisionDelay(), config.crashLoopBackoff(), config.crashAfter(), config.namespaces(),
                config.tokenFile()), clock);
        LOG.warnf("%n"
                + "=====================================================================%n"
                + " EMBEDDED SIMULATED CLUSTER: no real Kubernetes is used.%n"
                + " API server: %s (127.0.0.1 only)%s%n"
                + " kubectl:    export KUBECONFIG=%s%n"
                + "=====================================================================",
                cluster.url(), config.tokenFile().map(f -> ", callers checked (tokens: " + f + ", RBAC)").orElse(""),
                cluster.kubeconfig());
    }

    @PreDestroy
    synchronized void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
