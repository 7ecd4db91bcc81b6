package io.statefulapps.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.statefulapps.embedded.EmbeddedApiServer;
import io.statefulapps.embedded.sim.ClusterSimulator;
import io.statefulapps.embedded.sim.SimulatorSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Runs the embedded simulated cluster (API server and controllers) for the life of the application.
 * It starts only when the service is configured to use it; the controllers get their own client so
 * that their requests never count as the service's.
 */
@Singleton
public class EmbeddedClusterHost {

    private static final Logger LOG = Logger.getLogger(EmbeddedClusterHost.class);

    private final EmbeddedConfig config;
    private final Clock clock;
    private EmbeddedApiServer server;
    private KubernetesClient simulatorClient;
    private ClusterSimulator simulator;
    private Path kubeconfig;

    public EmbeddedClusterHost(EmbeddedConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Starts the cluster on first use and answers its URL. */
    public synchronized URI url() {
        if (server == null) {
            start();
        }
        return server.url();
    }

    public synchronized Path kubeconfig() {
        url();
        return kubeconfig;
    }

    private void start() {
        server = EmbeddedApiServer.start(config.port());
        kubeconfig = server.writeKubeconfig(config.kubeconfig()).toAbsolutePath();
        simulatorClient = server.newClient();
        simulator = new ClusterSimulator(simulatorClient, new SimulatorSettings(config.tick(),
                config.podStartDelay(), config.podReadyDelay(), config.loadBalancerDelay(), config.provisionDelay(),
                config.crashLoopBackoff(), config.crashAfter()), clock);
        simulator.start();
        LOG.warnf("%n"
                + "=====================================================================%n"
                + " EMBEDDED SIMULATED CLUSTER: no real Kubernetes is used.%n"
                + " API server: %s (127.0.0.1 only)%n"
                + " kubectl:    export KUBECONFIG=%s%n"
                + "=====================================================================",
                server.url(), kubeconfig);
    }

    @PreDestroy
    synchronized void stop() {
        if (simulator != null) {
            simulator.close();
        }
        if (simulatorClient != null) {
            simulatorClient.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
