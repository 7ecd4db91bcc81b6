package io.statefulapps.cluster;

import io.fabric8.kubernetes.client.Config;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Points the service's Kubernetes client at the cluster {@code stateful-apps.cluster} names. In
 * embedded mode that is the simulated cluster, started here on first use; the production default,
 * {@code external}, never falls back to it.
 */
@Singleton
public class ClusterTargetCustomizer implements KubernetesConfigCustomizer {

    private static final Logger LOG = Logger.getLogger(ClusterTargetCustomizer.class);

    private final ClusterMode mode;
    private final Optional<String> apiServerUrl;
    private final Instance<EmbeddedClusterHost> embedded;

    public ClusterTargetCustomizer(@ConfigProperty(name = "stateful-apps.cluster", defaultValue = "external") ClusterMode mode,
            @ConfigProperty(name = "quarkus.kubernetes-client.api-server-url") Optional<String> apiServerUrl,
            Instance<EmbeddedClusterHost> embedded) {
        this.mode = mode;
        this.apiServerUrl = apiServerUrl;
        this.embedded = embedded;
    }

    @Override
    public void customize(Config config) {
        ClusterMode resolved = mode.resolve(System.getenv("KUBECONFIG"),
                Files.exists(Path.of(System.getProperty("user.home"), ".kube", "config")),
                System.getenv("KUBERNETES_SERVICE_HOST") != null, apiServerUrl.isPresent());
        if (resolved != ClusterMode.EMBEDDED) {
            LOG.infof("Kubernetes API: %s", config.getMasterUrl());
            return;
        }
        config.setMasterUrl(embedded.get().url().toString());
        config.setNamespace("default");
        config.setTrustCerts(true);
        // Credentials from a kubeconfig on this machine belong to another cluster.
        config.setOauthToken("embedded");
        config.setAuthProvider(null);
        config.setUsername(null);
        config.setPassword(null);
        config.setClientCertFile(null);
        config.setClientCertData(null);
        config.setClientKeyFile(null);
        config.setClientKeyData(null);
    }
}
