package io.statefulapps.embedded;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.statefulapps.embedded.apiserver.rbac.DecisionRecorder;
import io.statefulapps.embedded.sim.ClusterSimulator;
import io.statefulapps.embedded.sim.SimulatorSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The embedded simulated cluster as the product sees it: an API server on 127.0.0.1 and the
 * simulated controllers acting through it (as the admin), with a kubeconfig for kubectl. The one door into
 * {@code io.statefulapps.embedded}: the product uses nothing else from it.
 *
 * <pre>
 * try (EmbeddedCluster cluster = EmbeddedCluster.start(settings, Clock.systemUTC())) {
 *   URI api = cluster.url();          // point a Kubernetes client here
 *   Path kc = cluster.kubeconfig();   // or kubectl
 * }
 * </pre>
 */
public final class EmbeddedCluster implements AutoCloseable {

    /**
     * Where the cluster listens and how fast it moves. No defaults here: the product's
     * configuration ({@code stateful-apps.embedded.*}) holds them.
     *
     * @param port the API server's port on 127.0.0.1; 0 picks a free one
     * @param kubeconfig where the kubeconfig for kubectl is written
     * @param tick how often every simulated controller reconciles
     * @param podStartDelay a bound pod's containers go from ContainerCreating to running
     * @param podReadyDelay a running container becomes Ready
     * @param loadBalancerDelay a LoadBalancer Service gets its address
     * @param provisionDelay a claim gets its volume (and a resize completes)
     * @param crashLoopBackoff the first CrashLoopBackOff wait; doubles per crash
     * @param crashAfter how long a crashing container runs before it exits
     * @param namespaces namespaces that exist from the start, besides default, kube-system and kube-public
     * @param tokenFile kube-apiserver's {@code --token-auth-file}: when given, every caller needs a known
     *     token and RBAC's permission, and the API server serves HTTPS
     */
    public record Settings(int port, Path kubeconfig, Duration tick, Duration podStartDelay,
            Duration podReadyDelay, Duration loadBalancerDelay, Duration provisionDelay, Duration crashLoopBackoff,
            Duration crashAfter, List<String> namespaces, Optional<Path> tokenFile) {

        public Settings {
            namespaces = List.copyOf(namespaces);
        }
    }

    private final EmbeddedApiServer server;
    private final KubernetesClient simulatorClient;
    private final ClusterSimulator simulator;
    private final Path kubeconfig;

    private EmbeddedCluster(Settings settings, Clock clock) {
        server = EmbeddedApiServer.start(settings.port(), settings.namespaces(), settings.tokenFile());
        kubeconfig = server.writeKubeconfig(settings.kubeconfig()).toAbsolutePath();
        // The controllers get their own client, so their requests never count as the product's; it
        // reaches the API server without a socket, so a write costs the controllers' one thread no
        // round trip through event loops and worker threads.
        simulatorClient = server.newDirectClient();
        simulator = new ClusterSimulator(simulatorClient, new SimulatorSettings(settings.tick(),
                settings.podStartDelay(), settings.podReadyDelay(), settings.loadBalancerDelay(),
                settings.provisionDelay(), settings.crashLoopBackoff(), settings.crashAfter()), clock);
        simulator.start();
    }

    /** Starts the API server, writes the kubeconfig and starts the controllers. */
    public static EmbeddedCluster start(Settings settings, Clock clock) {
        return new EmbeddedCluster(settings, clock);
    }

    /** The API server's URL on 127.0.0.1: HTTPS when callers are checked, else plain HTTP. */
    public URI url() {
        return server.url();
    }

    /** The bearer token of the kubeconfig: the admin's (group system:masters) when callers are checked. */
    public String adminToken() {
        return server.adminToken();
    }

    /** Who asked the API server what, and what RBAC decided: for proving a role's least privilege. */
    public DecisionRecorder decisions() {
        return server.decisions();
    }

    /** The kubeconfig written for kubectl, absolute. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    @Override
    public void close() {
        simulator.close();
        simulatorClient.close();
        server.close();
    }
}
