package io.statefulapps.config;

import io.fabric8.kubernetes.client.Config;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Points the service's Kubernetes client at the cluster {@code stateful-apps.cluster} names. In
 * embedded mode that is the simulated cluster, started here on first use; the production default,
 * {@code external}, never falls back to it.
 */
@Singleton
public class ClusterTargetCustomizer implements KubernetesConfigCustomizer {

    private static final Logger LOG = Logger.getLogger(ClusterTargetCustomizer.class);

    private final ClusterModeInEffect mode;
    private final Instance<EmbeddedClusterHost> embedded;

    public ClusterTargetCustomizer(ClusterModeInEffect mode, Instance<EmbeddedClusterHost> embedded) {
        this.mode = mode;
        this.embedded = embedded;
    }

    @Override
    public void customize(Config config) {
        if (!mode.embedded()) {
            LOG.infof("Kubernetes API: %s", config.getMasterUrl());
            return;
        }
        EmbeddedClusterHost host = embedded.get();
        config.setMasterUrl(host.url().toString());
        config.setNamespace("default");
        config.setTrustCerts(true);
        // Credentials from a kubeconfig on this machine belong to another cluster; the embedded one's
        // admin token (system:masters) passes its RBAC when a token file makes it check callers.
        config.setOauthToken(host.clientToken());
        config.setAuthProvider(null);
        config.setUsername(null);
        config.setPassword(null);
        config.setClientCertFile(null);
        config.setClientCertData(null);
        config.setClientKeyFile(null);
        config.setClientKeyData(null);
    }
}
