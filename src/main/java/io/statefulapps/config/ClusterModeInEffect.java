package io.statefulapps.config;

import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which cluster the service really talks to once {@code auto} is resolved, from the same inputs
 * {@link ClusterTargetCustomizer} looks at: other parts (caller checks) behave differently on the
 * embedded simulated cluster.
 */
@Singleton
public class ClusterModeInEffect {

    private final ClusterMode mode;

    public ClusterModeInEffect(
            @ConfigProperty(name = "stateful-apps.cluster", defaultValue = "external") ClusterMode configured,
            @ConfigProperty(name = "quarkus.kubernetes-client.api-server-url") Optional<String> apiServerUrl) {
        this.mode = configured.resolve(System.getenv("KUBECONFIG"),
                Files.exists(Path.of(System.getProperty("user.home"), ".kube", "config")),
                System.getenv("KUBERNETES_SERVICE_HOST") != null, apiServerUrl.isPresent());
    }

    public ClusterMode mode() {
        return mode;
    }

    public boolean embedded() {
        return mode == ClusterMode.EMBEDDED;
    }
}
