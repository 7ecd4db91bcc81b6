package io.statefulapps.config;

/** Which Kubernetes API the service talks to ({@code stateful-apps.cluster}). */
public enum ClusterMode {
    /** The cluster configured the usual way: in-cluster service account, KUBECONFIG or ~/.kube/config. */
    EXTERNAL,
    /** The embedded simulated cluster. Never chosen unless configured. */
    EMBEDDED,
    /** Embedded when no cluster is configured at all, else external. Dev mode's default. */
    AUTO;

    /**
     * Resolves AUTO from what the environment offers, the way the Kubernetes client looks for a cluster.
     *
     * @param kubeconfigEnv the KUBECONFIG variable, or null
     * @param defaultKubeconfigExists whether ~/.kube/config exists
     * @param inPod whether KUBERNETES_SERVICE_HOST is set
     * @param apiServerConfigured whether quarkus.kubernetes-client.api-server-url is set
     */
    public ClusterMode resolve(String kubeconfigEnv, boolean defaultKubeconfigExists, boolean inPod,
            boolean apiServerConfigured) {
        if (this != AUTO) {
            return this;
        }
        boolean configured = (kubeconfigEnv != null && !kubeconfigEnv.isBlank()) || defaultKubeconfigExists || inPod
                || apiServerConfigured;
        return configured ? EXTERNAL : EMBEDDED;
    }
}
